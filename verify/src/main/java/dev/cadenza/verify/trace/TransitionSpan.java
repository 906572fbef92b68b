package dev.cadenza.verify.trace;

import org.apache.commons.math3.fraction.BigFraction;

import java.util.List;

/**
 * One run of a component transition in a run's schedule, seconds from the start: {@code ready}
 * when its output dock became active (null: never, its source place could not be left),
 * {@code start} (null: never started), {@code end} (null: still running, or never started, where
 * the run stops); {@code waits}: what held it back — leaving its source place, starting — and,
 * after it ended, entering its destination.
 */
public record TransitionSpan(String instance, String transition, BigFraction ready, BigFraction start,
                             BigFraction end, List<Waiting> waits) {

    public TransitionSpan {
        waits = List.copyOf(waits);
    }

    /** {@code c.configure}. */
    public String label() {
        return instance + "." + transition;
    }

    public boolean started() {
        return start != null;
    }

    /** Started and not ended where the run stops. */
    public boolean stillRunning() {
        return start != null && end == null;
    }
}
