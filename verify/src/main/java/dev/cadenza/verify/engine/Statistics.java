package dev.cadenza.verify.engine;

import dev.cadenza.petri.limit.Limit;

/**
 * What an exploration did: states (or classes) stored, edges, how long, and which limit stopped
 * it ({@link Limit#NONE}: it ran to its end, so what it did not find does not exist).
 */
public record Statistics(long states, long edges, Limit limit, long millis) {

    public static final Statistics NONE = new Statistics(0, 0, Limit.NONE, 0);

    public Statistics {
        if (limit == null) {
            throw new IllegalArgumentException("a limit, or Limit.NONE");
        }
    }

    /** No limit stopped it. */
    public boolean complete() {
        return limit == Limit.NONE;
    }

    /** Both explorations' work, as one line of a report; the first limit met, if any. */
    public Statistics plus(Statistics o) {
        return new Statistics(states + o.states, edges + o.edges, limit.and(o.limit), millis + o.millis);
    }
}
