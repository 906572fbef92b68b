package dev.cadenza.petri.classes;

import dev.cadenza.petri.limit.Limit;

/**
 * What an exploration of the state class graph found: classes, distinct markings among them,
 * edges (one per class and firable transition), dead classes (nothing enabled), and whether it
 * completed or which limit stopped it.
 */
public record ClassGraphStatistics(long classes, long markings, long edges, long dead, Limit limit, double seconds) {

    public boolean complete() {
        return limit == Limit.NONE;
    }

    public double classesPerSecond() {
        return seconds > 0 ? classes / seconds : 0;
    }
}
