package dev.cadenza.verify.engine;

import org.apache.commons.math3.fraction.BigFraction;

/**
 * The earliest and the latest time at which runs first reach a target, over all runs, and what of
 * it is certain:
 * <ul>
 * <li>{@code reachable}: a run to the target was found; {@code minRun} is that run (the fastest
 * when {@code min} is known). Not reachable is a proof only when the search was complete
 * ({@link #unreachable()}).</li>
 * <li>{@code min}: the exact earliest time, null when unreachable or when the search was cut.</li>
 * <li>{@code max}: the exact latest time of first reaching the target, with {@code maxRun};
 * null when unknown (not asked for, unreachable, cut) or when {@code unbounded}.</li>
 * <li>{@code unbounded}: proven that some run avoids the target forever (it stops in a dead state,
 * lets time pass without bound, or loops gaining time), so "every run reaches the target" is
 * false exactly then.</li>
 * </ul>
 */
public record TargetTimes(boolean reachable, BigFraction min, BigFraction max, boolean unbounded, TimedRun minRun,
                          TimedRun maxRun, Statistics statistics) {

    public TargetTimes {
        if (reachable && minRun == null) {
            throw new IllegalArgumentException("a reachable target comes with the run that reaches it");
        }
        if (unbounded && max != null) {
            throw new IllegalArgumentException("an unbounded max has no value");
        }
    }

    /** Proven: no run reaches the target (the search was complete and found none). */
    public boolean unreachable() {
        return !reachable && statistics.complete();
    }

    /** Proven: every run reaches the target, by {@link #max()} at the latest. */
    public boolean inevitable() {
        return reachable && max != null && statistics.complete();
    }

    /** No run found, at a limit: nothing is known. */
    public static TargetTimes notFound(Statistics statistics) {
        return new TargetTimes(false, null, null, false, null, null, statistics);
    }
}
