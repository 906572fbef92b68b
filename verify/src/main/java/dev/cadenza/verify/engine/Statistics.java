package dev.cadenza.verify.engine;

/** What an exploration did: states (or classes) stored, edges, whether it finished, how long. */
public record Statistics(long states, long edges, boolean complete, long millis) {

    public static final Statistics NONE = new Statistics(0, 0, true, 0);

    /** Both explorations' work, as one line of a report. */
    public Statistics plus(Statistics o) {
        return new Statistics(states + o.states, edges + o.edges, complete && o.complete, millis + o.millis);
    }
}
