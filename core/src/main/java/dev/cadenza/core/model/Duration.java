package dev.cadenza.core.model;

import java.math.BigDecimal;

/**
 * How long a transition takes, in seconds: the closed interval [min, max], max null meaning
 * unbounded ({@code inf}). Decimals are kept exact.
 */
public record Duration(BigDecimal min, BigDecimal max) {

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

    /** As written in the model language: {@code [2, 5]}, {@code [0.5, inf]}. */
    @Override
    public String toString() {
        return "[" + min.toPlainString() + ", " + (max == null ? "inf" : max.toPlainString()) + "]";
    }
}
