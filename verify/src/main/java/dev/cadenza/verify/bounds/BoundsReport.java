package dev.cadenza.verify.bounds;

import dev.cadenza.verify.engine.Statistics;
import dev.cadenza.verify.engine.TimedRun;
import org.apache.commons.math3.fraction.BigFraction;

import java.util.List;

/**
 * Exact time bounds of a subject: min and max time from the start to the end of the program,
 * the slowest run and its critical path, and every transition's window; with what of it is
 * certain when a search was cut ({@code statistics().complete()} false):
 * <ul>
 * <li>{@code reachable}: a run to the end was found ({@code minRun}); false is a proof only
 * when complete ({@link #unreachable()}).</li>
 * <li>{@code min}, {@code max}: exact values, null when unknown; {@code unbounded}: proven that
 * some run never ends (max is then null).</li>
 * <li>{@code windows}: those whose searches completed.</li>
 * <li>{@code runtime}: what replaying the fastest and slowest runs in the executor said (min and
 * max attained by the runtime, or only bounds); null when they were not replayed.</li>
 * </ul>
 */
public record BoundsReport(boolean reachable, BigFraction min, BigFraction max, boolean unbounded, TimedRun minRun,
                           TimedRun maxRun, List<CriticalPath.Step> criticalPath, List<TransitionWindow> windows,
                           Statistics statistics, RuntimeBounds runtime) {

    public BoundsReport {
        criticalPath = List.copyOf(criticalPath);
        windows = List.copyOf(windows);
    }

    /** Bounds of the net, not (yet) held to the runtime. */
    public BoundsReport(boolean reachable, BigFraction min, BigFraction max, boolean unbounded, TimedRun minRun,
                        TimedRun maxRun, List<CriticalPath.Step> criticalPath, List<TransitionWindow> windows,
                        Statistics statistics) {
        this(reachable, min, max, unbounded, minRun, maxRun, criticalPath, windows, statistics, null);
    }

    /** The same bounds, with what the replay in the executor said of them. */
    public BoundsReport withRuntime(RuntimeBounds held) {
        return new BoundsReport(reachable, min, max, unbounded, minRun, maxRun, criticalPath, windows, statistics,
                held);
    }

    /** Every search ran to its end. */
    public boolean complete() {
        return statistics.complete();
    }

    /** Proven: no run reaches the end. */
    public boolean unreachable() {
        return !reachable && statistics.complete();
    }

    /** Min and max are both known (max possibly proven unbounded). */
    public boolean settled() {
        return reachable && min != null && (max != null || unbounded);
    }
}
