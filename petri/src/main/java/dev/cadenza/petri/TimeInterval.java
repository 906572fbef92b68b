package dev.cadenza.petri;

import org.apache.commons.math3.fraction.BigFraction;

import java.math.BigInteger;

/**
 * The static firing interval of a transition: a lower bound (closed or open) and an upper bound
 * (closed, open, or infinite, which is always open). Bounds are exact rationals; engines scale
 * a whole net to integers once.
 */
public record TimeInterval(BigFraction lower, boolean lowerOpen, BigFraction upper, boolean upperOpen) {

    /** [0, ∞[: the interval of an untimed transition. */
    public static final TimeInterval UNBOUNDED = new TimeInterval(BigFraction.ZERO, false, null, true);

    public TimeInterval {
        if (lower == null || lower.compareTo(BigFraction.ZERO) < 0) {
            throw new IllegalArgumentException("lower bound must be a non-negative number, not " + lower);
        }
        if (upper == null) {
            upperOpen = true;
        } else {
            int c = lower.compareTo(upper);
            if (c > 0 || (c == 0 && (lowerOpen || upperOpen))) {
                throw new IllegalArgumentException("empty interval " + render(lower, lowerOpen, upper, upperOpen));
            }
        }
    }

    public static TimeInterval closed(long lower, long upper) {
        return new TimeInterval(new BigFraction(lower), false, new BigFraction(upper), false);
    }

    public static TimeInterval atLeast(long lower) {
        return new TimeInterval(new BigFraction(lower), false, null, true);
    }

    public boolean isUnbounded() {
        return upper == null;
    }

    /** TINA's notation: {@code [a,b]}, {@code ]a,b]}, {@code [a,w[} … */
    @Override
    public String toString() {
        return render(lower, lowerOpen, upper, upperOpen);
    }

    private static String render(BigFraction lo, boolean loOpen, BigFraction hi, boolean hiOpen) {
        return (loOpen ? "]" : "[") + number(lo) + "," + (hi == null ? "w" : number(hi)) + (hiOpen ? "[" : "]");
    }

    /** Integers plainly, other rationals as p/q. */
    static String number(BigFraction f) {
        return f.getDenominator().equals(BigInteger.ONE)
                ? f.getNumerator().toString()
                : f.getNumerator() + "/" + f.getDenominator();
    }
}
