package dev.cadenza.petri.classes;

import java.util.List;

/**
 * Why the maximum time is infinite: a run reaching a class where time can pass forever short of
 * the target ({@code prefix}, scheduled at the earliest, then {@code reason}), or a cycle of
 * transitions that gains time each turn and can repeat forever ({@code cycle}; prefix null).
 * {@code given}: the run was handed to the search and checked on the class graph
 * ({@link TimeBounds#compute(dev.cadenza.petri.query.CompiledPredicate, dev.cadenza.petri.limit.Budget,
 * java.util.List)}), not found by the max search, which did not run.
 */
public record Divergence(TimedTrace prefix, List<String> cycle, String reason, boolean given) {

    public Divergence {
        cycle = cycle == null ? List.of() : List.copyOf(cycle);
    }

    /** Found by the max search. */
    public Divergence(TimedTrace prefix, List<String> cycle, String reason) {
        this(prefix, cycle, reason, false);
    }
}
