package dev.cadenza.petri.reach;

import dev.cadenza.petri.limit.Limit;

/**
 * What an exploration found. {@code edges} counts one per (marking, fired transition) pair,
 * as the Model Checking Contest counts them; {@code maxTokens} is the most tokens one place
 * held in any marking found, {@code maxTokensInMarking} the most tokens of one marking in all.
 * {@code dead} and {@code edges} cover the markings expanded: at a limit some found markings
 * were not expanded yet. {@code storeBytes} is what the store holds (markings, tree, table),
 * {@code bytesPerMarking} the size of one packed marking in the final layout, and
 * {@code repacks} how often a place outgrew its field. {@code limit}: what stopped the
 * exploration early ({@link Limit#NONE}: nothing, it is complete).
 */
public record ExplorationStatistics(
        int places,
        int transitions,
        long markings,
        long edges,
        long dead,
        long maxTokens,
        long maxTokensInMarking,
        int depth,
        Limit limit,
        double seconds,
        long storeBytes,
        int bytesPerMarking,
        int repacks) {

    public boolean complete() {
        return limit == Limit.NONE;
    }
}
