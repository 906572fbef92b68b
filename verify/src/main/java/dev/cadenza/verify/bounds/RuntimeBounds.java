package dev.cadenza.verify.bounds;

import org.apache.commons.math3.fraction.BigFraction;

/**
 * What holding the bounds' runs to the runtime said (docs/verify.md, "Zero-time moves"): the
 * net's runs include the runtime's, so the net's min is at most the runtime's and its max at
 * least the runtime's. {@code minAttained}: the net's fastest run was replayed in the executor,
 * so the runtime attains the min (exact for the runtime); otherwise the runtime's min is only at
 * least it. {@code maxAttained} likewise for the slowest run (for an unbounded max: a deadlock the
 * executor reproduced); otherwise the runtime's max is at most it. {@code note}: why, in words,
 * for the user (e.g. an unbounded max that comes from a deadlock the runtime's loop did not make).
 * {@code exact}: when a bound was not attained, the runtime's own exact bounds from its state
 * space (every run of the loop explored), or null when that was not explored or not complete.
 */
public record RuntimeBounds(boolean minAttained, boolean maxAttained, String note, Exact exact) {

    public RuntimeBounds(boolean minAttained, boolean maxAttained, String note) {
        this(minAttained, maxAttained, note, null);
    }

    /**
     * The runtime's exact earliest and latest end over every run of its loop: {@code min} null
     * when no run finishes, {@code max} null when {@code unbounded} (a run deadlocks, stops or goes
     * on for ever); {@code how}: the exploration, in words (states, complete).
     */
    public record Exact(BigFraction min, BigFraction max, boolean unbounded, String how) {
    }

    /** The same, with the runtime's exact bounds. */
    public RuntimeBounds withExact(Exact e) {
        return new RuntimeBounds(minAttained, maxAttained, note, e);
    }
}
