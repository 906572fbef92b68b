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

    /** No state explored: the state space does not take this subject, for the reason given. */
    public static StateSpaceStatistics refused(String why) {
        return new StateSpaceStatistics(0, 0, 0, REFUSED, 0, why);
    }

    /** The grid of a search that did not start: it has none. */
    private static final String REFUSED = "-";

    /** Whether nothing was explored, the subject being refused ({@link #refused}). */
    public boolean isRefused() {
        return REFUSED.equals(unitSeconds) && states == 0;
    }

    public String describe() {
        if (isRefused()) {
            return "not explored: " + cut; // "0 states … cut:" would read as a search that ran out
        }
        return String.format(java.util.Locale.ROOT, "%,d states, %,d edges, %,d sweeps run, grid %s s, %.2f s%s",
                states, edges, sweeps, unitSeconds, seconds, cut == null ? ", complete" : ", cut: " + cut);
    }
}
