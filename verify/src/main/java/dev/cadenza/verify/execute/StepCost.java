package dev.cadenza.verify.execute;

import java.math.BigDecimal;

/**
 * How long one iteration of the runtime's loop takes, in seconds: a duration in [min, max] per
 * iteration. Zero by default (instantaneous moves are free); {@code step [0, 0.05]} brackets a real
 * runtime's overhead (Concerto-D polls every 50 ms).
 */
public record StepCost(BigDecimal min, BigDecimal max) {

    public static final StepCost ZERO = new StepCost(BigDecimal.ZERO, BigDecimal.ZERO);

    /** Concerto-D sleeps 50 ms after every iteration (assembly.py:29, 529 at HEAD). */
    public static final StepCost CONCERTO_D_POLLING = new StepCost(new BigDecimal("0.05"), new BigDecimal("0.05"));

    public StepCost {
        if (min == null || max == null || min.signum() < 0 || max.compareTo(min) < 0) {
            throw new IllegalArgumentException("a step cost is an interval [a, b] with 0 <= a <= b, not [" + min + ", "
                    + max + "]");
        }
    }

    public boolean isZero() {
        return max.signum() == 0;
    }

    @Override
    public String toString() {
        return "[" + min.toPlainString() + ", " + max.toPlainString() + "]";
    }
}
