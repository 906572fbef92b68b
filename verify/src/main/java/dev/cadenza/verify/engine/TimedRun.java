package dev.cadenza.verify.engine;

import org.apache.commons.math3.fraction.BigFraction;

import java.util.List;

/** A run of a net: the transitions fired, in order, each at an absolute time from the start. */
public record TimedRun(List<Step> steps) {

    public TimedRun {
        steps = List.copyOf(steps);
    }

    public record Step(int transition, BigFraction time) {
    }

    public static final TimedRun EMPTY = new TimedRun(List.of());

    /** The time of the last step, 0 for the empty run. */
    public BigFraction duration() {
        return steps.isEmpty() ? BigFraction.ZERO : steps.get(steps.size() - 1).time();
    }
}
