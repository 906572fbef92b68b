package dev.cadenza.petri.classes;

import org.apache.commons.math3.fraction.BigFraction;

import java.util.List;

/**
 * A schedule: the transitions of a path of classes with the absolute date each fires at.
 * {@code limit} is true when an open bound makes the extreme time not attained: the dates are
 * then the limit the real schedules approach.
 */
public record TimedTrace(List<Step> steps, boolean limit) {

    public TimedTrace {
        steps = List.copyOf(steps);
    }

    public record Step(BigFraction time, String transition) {
    }

    /** One {@code t=3  fire t2} line per step. */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        for (Step s : steps) {
            sb.append("t=").append(TimeValue.format(s.time())).append("  fire ").append(s.transition()).append('\n');
        }
        return sb.toString();
    }
}
