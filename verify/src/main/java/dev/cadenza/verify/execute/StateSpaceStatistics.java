package dev.cadenza.verify.execute;

/**
 * How much of the runtime's state space a search stored and how long it took: states (at loop
 * iteration boundaries and where time passes), edges between them, iterations run to explore
 * them (one per sweep outcome), the grid unit of time in seconds, and why it stopped early (null:
 * complete).
 */
public record StateSpaceStatistics(long states, long edges, long sweeps, String unitSeconds, double seconds,
                                   String cut) {

    public boolean complete() {
        return cut == null;
    }

    public String describe() {
        return String.format(java.util.Locale.ROOT, "%,d states, %,d edges, %,d sweeps run, grid %s s, %.2f s%s",
                states, edges, sweeps, unitSeconds, seconds, cut == null ? ", complete" : ", cut: " + cut);
    }
}
