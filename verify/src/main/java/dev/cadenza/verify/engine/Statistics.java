package dev.cadenza.verify.engine;

import dev.cadenza.petri.limit.Limit;

/**
 * What an exploration did: states (or classes) stored, edges, how long, and which limit stopped
 * it ({@link Limit#NONE}: it ran to its end, so what it did not find does not exist).
 * {@code stage}: which exploration gave the answer when it was not the subject's engine alone (the
 * untimed first stage, {@link UntimedSearch#STAGE}; the engine's one exploration for several
 * predicates, {@code state classes, one exploration for N predicates}); null: the engine itself.
 */
public record Statistics(long states, long edges, Limit limit, long millis, String stage) {

    public static final Statistics NONE = new Statistics(0, 0, Limit.NONE, 0);

    public Statistics {
        if (limit == null) {
            throw new IllegalArgumentException("a limit, or Limit.NONE");
        }
    }

    /** Work of the subject's engine. */
    public Statistics(long states, long edges, Limit limit, long millis) {
        this(states, edges, limit, millis, null);
    }

    /** No limit stopped it. */
    public boolean complete() {
        return limit == Limit.NONE;
    }

    /** The same work, answered by {@code stage} (null: the engine). */
    public Statistics answeredBy(String stage) {
        return new Statistics(states, edges, limit, millis, stage);
    }

    /** Both explorations' work, as one line of a report; the first limit met, if any; both stages named. */
    public Statistics plus(Statistics o) {
        String s = stage == null ? o.stage : o.stage == null || o.stage.equals(stage) ? stage : stage + " + " + o.stage;
        return new Statistics(states + o.states, edges + o.edges, limit.and(o.limit), millis + o.millis, s);
    }
}
