package dev.cadenza.verify.execute;

import org.apache.commons.math3.fraction.BigFraction;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The executor's clock: whole ticks of 10^-digits seconds in a {@code long}, so that sums of the
 * model's decimal durations are exact and cheap (no {@code BigFraction} in the loop). digits is
 * at least 6 (a microsecond: sampled durations are rounded to it) and at least the number of
 * decimals of any duration or step bound of the model, so that every bound is a whole number
 * of ticks.
 */
public record TimeScale(int digits) {

    public TimeScale {
        if (digits < 0 || digits > 12) {
            throw new IllegalArgumentException("a time scale of 10^-" + digits + " s is not supported (0..12 decimals)");
        }
    }

    public long ticksPerSecond() {
        return BigInteger.TEN.pow(digits).longValueExact();
    }

    /** The scale for decimals with at most {@code decimals} digits after the point. */
    public static TimeScale forDecimals(int decimals) {
        return new TimeScale(Math.max(6, decimals));
    }

    /** Exact ticks of a decimal number of seconds (which must have at most {@code digits} decimals). */
    public long ticks(BigDecimal seconds) {
        return seconds.movePointRight(digits).setScale(0, java.math.RoundingMode.UNNECESSARY).longValueExact();
    }

    /** The nearest tick to {@code seconds}. */
    public long ticks(double seconds) {
        double t = Math.rint(seconds * ticksPerSecond());
        return t >= Long.MAX_VALUE / 2.0 ? Long.MAX_VALUE / 2 : (long) t;
    }

    /** Exact ticks of a rational time, or an exception when it is no whole number of ticks. */
    public long ticks(BigFraction seconds) {
        BigFraction t = seconds.multiply(new BigFraction(BigInteger.TEN.pow(digits)));
        if (!t.getDenominator().equals(BigInteger.ONE)) {
            throw new IllegalArgumentException(seconds + " s is no whole number of 10^-" + digits + " s ticks");
        }
        return t.getNumerator().longValueExact();
    }

    public BigFraction seconds(long ticks) {
        return new BigFraction(BigInteger.valueOf(ticks), BigInteger.TEN.pow(digits));
    }

    public double secondsAsDouble(long ticks) {
        return ticks / (double) ticksPerSecond();
    }
}
