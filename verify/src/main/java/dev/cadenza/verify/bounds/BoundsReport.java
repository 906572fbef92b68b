package dev.cadenza.verify.bounds;

import dev.cadenza.verify.engine.Statistics;
import dev.cadenza.verify.engine.TimedRun;
import org.apache.commons.math3.fraction.BigFraction;

import java.util.List;

/**
 * Exact time bounds of a subject: min and max time from the start to the end of the program
 * (null max: unbounded), the slowest run and its critical path, and every transition's window.
 */
public record BoundsReport(boolean reachable, BigFraction min, BigFraction max, TimedRun minRun, TimedRun maxRun,
                           List<CriticalPath.Step> criticalPath, List<TransitionWindow> windows,
                           Statistics statistics) {

    public BoundsReport {
        criticalPath = List.copyOf(criticalPath);
        windows = List.copyOf(windows);
    }
}
