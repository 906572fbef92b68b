package dev.cadenza.petri.reach;

/** A snapshot of a running exploration, for progress reports. */
public record ExplorationProgress(long markings, long edges, int depth, double seconds) {

    public double markingsPerSecond() {
        return seconds > 0 ? markings / seconds : 0;
    }
}
