package dev.cadenza.petri.classes;

import org.apache.commons.math3.fraction.BigFraction;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * An elapsed time in user units: an exact rational, or infinity ({@code value == null}).
 * {@code attained} is false for a bound that runs only approach (an open interval bound): the
 * minimum of a ]1,2] transition is 1, not attained.
 */
public record TimeValue(BigFraction value, boolean attained) {

    public static final TimeValue INFINITE = new TimeValue(null, false);

    public boolean isInfinite() {
        return value == null;
    }

    /** "inf", an integer, a finite decimal ("2.5") or a fraction ("10/3"). */
    @Override
    public String toString() {
        return value == null ? "inf" : format(value);
    }

    public static String format(BigFraction f) {
        if (f.getDenominator().equals(BigInteger.ONE)) {
            return f.getNumerator().toString();
        }
        BigInteger d = f.getDenominator();
        while (d.mod(BigInteger.TWO).signum() == 0) {
            d = d.shiftRight(1);
        }
        while (d.mod(BigInteger.valueOf(5)).signum() == 0) {
            d = d.divide(BigInteger.valueOf(5));
        }
        if (d.equals(BigInteger.ONE)) {
            return new BigDecimal(f.getNumerator()).divide(new BigDecimal(f.getDenominator())).toPlainString();
        }
        return f.getNumerator() + "/" + f.getDenominator();
    }
}
