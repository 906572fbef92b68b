package dev.cadenza.verify.execute;

import dev.cadenza.verify.trace.Run;
import org.apache.commons.math3.fraction.BigFraction;

/**
 * The exact earliest and latest end of the runtime's runs (the program done, every instance
 * idle), over every run of its loop, with runs that attain them: {@code min} is null when no run
 * finishes; {@code max} is null when it is unbounded — some run deadlocks, stops, or can go on
 * forever (a cycle of the state space: a thread with no maximum, or behaviors that come back) —
 * and then {@code slowest} is null. {@code complete} false: a limit cut the search and nothing
 * here is an answer (the statistics say why).
 */
public record FinishTimes(BigFraction min, BigFraction max, Run fastest, Run slowest, boolean deadlockReachable,
                          boolean stopReachable, boolean runsForever, StateSpaceStatistics statistics) {

    public boolean complete() {
        return statistics.complete();
    }

    public boolean canFinish() {
        return min != null;
    }
}
