package dev.cadenza.petri.classes;

import java.util.List;

/**
 * Why the maximum time is infinite: a run reaching a class where time can pass forever short of
 * the target ({@code prefix}, scheduled at the earliest, then {@code reason}), or a cycle of
 * transitions that gains time each turn and can repeat forever ({@code cycle}; prefix null).
 */
public record Divergence(TimedTrace prefix, List<String> cycle, String reason) {

    public Divergence {
        cycle = cycle == null ? List.of() : List.copyOf(cycle);
    }
}
