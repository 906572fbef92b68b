package dev.cadenza.verify.sensitivity;

import dev.cadenza.verify.engine.Statistics;
import org.apache.commons.math3.fraction.BigFraction;

/**
 * The exact least and greatest total time of one variant of the model ({@code max} null:
 * unbounded; {@code finishes} false: the end is never reached), and what it took to know it
 * ({@code statistics().complete()} false: a limit cut the search, the numbers are unknown).
 */
public record Totals(boolean finishes, BigFraction min, BigFraction max, Statistics statistics) {

    public boolean complete() {
        return statistics.complete();
    }

    /** Same min and same max (both unbounded counts as the same). */
    boolean sameAs(Totals o) {
        return finishes == o.finishes && equal(min, o.min) && equal(max, o.max);
    }

    static boolean equal(BigFraction a, BigFraction b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }
}
