package dev.cadenza.verify.bounds;

import org.apache.commons.math3.fraction.BigFraction;

/**
 * When a transition can run, over all runs (MADA's gantt_boundaries): its earliest start and
 * its latest end (null: unbounded); and when it runs in the slowest run's witness schedule
 * (null when it does not run there).
 */
public record TransitionWindow(String instance, String transition, BigFraction earliestStart,
                               BigFraction latestEnd, BigFraction witnessStart, BigFraction witnessEnd) {
}
