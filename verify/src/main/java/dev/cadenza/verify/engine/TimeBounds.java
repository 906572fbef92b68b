package dev.cadenza.verify.engine;

import org.apache.commons.math3.fraction.BigFraction;

/**
 * The earliest and the latest time at which runs first reach a target, over all runs that reach
 * it. {@code max} null means unbounded ({@code inf}). Runs are witnesses of both extremes.
 * Not {@code reachable}: no run reaches the target, min/max/runs are null.
 */
public record TimeBounds(boolean reachable, BigFraction min, BigFraction max, TimedRun minRun, TimedRun maxRun,
                         Statistics statistics) {
}
