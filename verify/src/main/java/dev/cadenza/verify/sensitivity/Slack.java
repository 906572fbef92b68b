package dev.cadenza.verify.sensitivity;

import dev.cadenza.verify.report.Times;
import org.apache.commons.math3.fraction.BigFraction;

/**
 * How much a bound of one transition can move before the total moves, as far as it is known:
 * exactly ({@link Exact}, from the longest-path structure of a conflict-free deployment), or as a
 * bound decided by one exact recomputation ({@link AtLeast}: moving it by that much leaves the
 * total unchanged, so by monotonicity every smaller move does too; {@link Below}: that move
 * already changes the total), or unbounded ({@link Unbounded}: the total is infinite anyway), or unknown ({@link Unknown}: a
 * limit cut the search).
 */
public sealed interface Slack {

    /** As shown in tables: {@code 0}, {@code 2.5}, {@code >= 1}, {@code < 1}, {@code inf}. */
    String text();

    /** For ranking and JSON: the value known (a lower bound for AtLeast, 0 for Below); null when unbounded. */
    BigFraction value();

    /** "exact", "all", "at_least", "below", "unbounded", "unknown": the JSON word. */
    String kind();

    record Exact(BigFraction value) implements Slack {
        public String text() {
            return Times.format(value);
        }

        public String kind() {
            return "exact";
        }
    }

    record AtLeast(BigFraction value) implements Slack {
        public String text() {
            return ">= " + Times.format(value);
        }

        public String kind() {
            return "at_least";
        }
    }

    record Below(BigFraction bound) implements Slack {
        public String text() {
            return "< " + Times.format(bound);
        }

        public BigFraction value() {
            return BigFraction.ZERO;
        }

        public String kind() {
            return "below";
        }
    }

    /** The whole bound: it can go down to 0 without moving the total ({@code value} is the bound). */
    record All(BigFraction value) implements Slack {
        public String text() {
            return "all " + Times.format(value);
        }

        public String kind() {
            return "all";
        }
    }

    /** A limit cut the recomputation that would tell. */
    record Unknown() implements Slack {
        public String text() {
            return "?";
        }

        public BigFraction value() {
            return null;
        }

        public String kind() {
            return "unknown";
        }
    }

    record Unbounded() implements Slack {
        public String text() {
            return "inf";
        }

        public BigFraction value() {
            return null;
        }

        public String kind() {
            return "unbounded";
        }
    }
}
