package dev.cadenza.verify;

import dev.cadenza.verify.engine.Statistics;

/**
 * A search that a question depends on was cut by the command's budget before it could answer:
 * every verdict that needs it is inconclusive, with {@code reason} and the statistics so far.
 * Thrown where no verdict is at hand to carry it (the final state of the program a subject
 * starts after, for instance); never to be read as "not found".
 */
public final class LimitReachedException extends RuntimeException {

    private final String reason;
    private final transient Statistics statistics;

    public LimitReachedException(String reason, Statistics statistics) {
        super(reason);
        this.reason = reason;
        this.statistics = statistics;
    }

    public String reason() {
        return reason;
    }

    public Statistics statistics() {
        return statistics;
    }
}
