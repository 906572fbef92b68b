package dev.cadenza.verify.engine;

import org.apache.commons.math3.fraction.BigFraction;

/**
 * The earliest and the latest time at which runs first reach a target, over all runs. Not
 * {@code reachable}: no run reaches it (the rest is null). {@code max} null: unbounded — some
 * run avoids the target forever (it stops in a dead state, lets time pass without bound, or
 * loops gaining time), so "every run reaches the target" is false exactly then. The runs
 * witness both extremes (maxRun null when unbounded).
 */
public record TargetTimes(boolean reachable, BigFraction min, BigFraction max, TimedRun minRun, TimedRun maxRun,
                          Statistics statistics) {
}
