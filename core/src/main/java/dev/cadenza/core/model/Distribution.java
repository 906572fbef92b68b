package dev.cadenza.core.model;

import java.math.BigDecimal;

/**
 * How a transition's duration is drawn inside its interval when runs are sampled ({@code cadenza
 * simulate}, {@code run --dry-run}): written after the interval, {@code [2, 5] ~ triangular(3)}.
 * The parameters are those of the distribution before it is truncated to the interval (a draw
 * outside the interval is never made: sampling inverts the distribution function restricted to
 * it). Without one, a bounded interval is sampled uniformly; an interval {@code [a, inf]} needs
 * one with an unbounded tail (normal, exponential). Exact analyses ignore it: only the interval
 * counts there.
 */
public sealed interface Distribution {

    /** As written after {@code ~}: {@code triangular(3)}. */
    String text();

    /** Whether the distribution can draw arbitrarily large durations (needed by {@code [a, inf]}). */
    boolean unboundedTail();

    /** Every duration of the interval equally likely (the default for a bounded interval). */
    record Uniform() implements Distribution {
        public String text() {
            return "uniform";
        }

        public boolean unboundedTail() {
            return false;
        }
    }

    /** Triangular over the interval, most likely at {@code mode}. */
    record Triangular(BigDecimal mode) implements Distribution {
        public String text() {
            return "triangular(" + mode.toPlainString() + ")";
        }

        public boolean unboundedTail() {
            return false;
        }
    }

    /** Normal with {@code mean} and standard deviation {@code sd}, truncated to the interval. */
    record Normal(BigDecimal mean, BigDecimal sd) implements Distribution {
        public String text() {
            return "normal(" + mean.toPlainString() + ", " + sd.toPlainString() + ")";
        }

        public boolean unboundedTail() {
            return true;
        }
    }

    /**
     * Exponential with mean {@code mean}, truncated to the interval: on {@code [a, inf]}, by
     * memorylessness, {@code a} plus an exponential draw of that mean.
     */
    record Exponential(BigDecimal mean) implements Distribution {
        public String text() {
            return "exponential(" + mean.toPlainString() + ")";
        }

        public boolean unboundedTail() {
            return true;
        }
    }
}
