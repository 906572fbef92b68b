package dev.cadenza.core.model;

import java.math.BigDecimal;

/**
 * How long a transition takes, in seconds: the closed interval [min, max], max null meaning
 * unbounded ({@code inf}). Decimals are kept exact. {@code distribution}: how sampled runs draw
 * it inside the interval, or null (uniform; see {@link Distribution}).
 */
public record Duration(BigDecimal min, BigDecimal max, Distribution distribution) {

    public Duration(BigDecimal min, BigDecimal max) {
        this(min, max, null);
    }

    public Duration {
        if (min == null || min.signum() < 0) {
            throw new IllegalArgumentException("a duration's minimum must be a non-negative number, not " + min);
        }
        if (max != null && max.compareTo(min) < 0) {
            throw new IllegalArgumentException("a duration's maximum " + max + " is below its minimum " + min);
        }
    }

    public static Duration of(long min, long max) {
        return new Duration(BigDecimal.valueOf(min), BigDecimal.valueOf(max));
    }

    public boolean isUnbounded() {
        return max == null;
    }

    /** The same interval sampled with {@code d}. */
    public Duration withDistribution(Distribution d) {
        return new Duration(min, max, d);
    }

    /** As written in the model language: {@code [2, 5]}, {@code [0.5, inf]}, {@code [2, 5] ~ triangular(3)}. */
    @Override
    public String toString() {
        return "[" + min.toPlainString() + ", " + (max == null ? "inf" : max.toPlainString()) + "]"
                + (distribution == null ? "" : " ~ " + distribution.text());
    }
}
