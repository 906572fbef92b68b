package dev.cadenza.core.model;

import java.util.List;

/**
 * Concerto's idset: the incoming transitions of {@code place} split into sets; the place is
 * entered when every transition of one set has ended (AND inside a set, OR between sets).
 * Without a join, a place waits for all its incoming transitions of the active behavior.
 */
public record Join(String place, List<List<String>> transitionSets, SourcePosition position) {
    public Join {
        transitionSets = transitionSets.stream().map(List::copyOf).toList();
    }
}
