package dev.cadenza.verify.execute;

import java.util.ArrayDeque;

/**
 * Lazy threads, for {@link RuntimeStateSpace}: a started transition's end is left open
 * ({@link Long#MAX_VALUE}) and decided when time passes — by the state space, which tries every
 * grid instant in its interval, or, when a path is replayed, by the recorded time steps. Only a
 * thread whose interval starts at 0 may finish at once: that is a choice at its start (forced for
 * [0, 0]). Iterations take no time unless steps cost time ({@link #stepCost}): then, when a path
 * is replayed, each iteration that moved something is followed by its recorded step too.
 */
final class ExplorerDriver extends Driver {

    /**
     * One passing of time on a replayed path: how many ticks, which threads finish meanwhile
     * (instance id << 16 | transition) and when, in ticks from the step's start ({@code at[i] <= ticks}).
     */
    record TimeStep(long ticks, int[] finishing, long[] at) {
        /** Time passes and every thread of {@code finishing} finishes at its end. */
        static TimeStep atEnd(long ticks, int[] finishing) {
            long[] at = new long[finishing.length];
            java.util.Arrays.fill(at, ticks);
            return new TimeStep(ticks, finishing, at);
        }

        /** This step, {@code earlier} ticks later (a wait that began earlier and ends with it). */
        TimeStep after(long earlier) {
            long[] a = at.clone();
            for (int i = 0; i < a.length; i++) {
                a[i] += earlier;
            }
            return new TimeStep(ticks + earlier, finishing, a);
        }
    }

    private final ExplorerPolicy policy;
    /** Whether iterations take time (the model's step): then {@link #afterChange} takes a recorded step too. */
    final boolean stepCost;
    /** When replaying: the time steps in order. */
    ArrayDeque<TimeStep> steps;

    ExplorerDriver(ExplorerPolicy policy, boolean stepCost) {
        this.policy = policy;
        this.stepCost = stepCost;
    }

    @Override
    long start(Execution x, ComponentState c, int t) {
        long min = c.type.minTicks[t];
        long max = c.type.maxTicks[t];
        if (min == 0 && max == 0) {
            return x.now;
        }
        policy.sweeping(c.name);
        if (min == 0 && policy.script.choose(2) == 0) {
            return x.now;
        }
        return Long.MAX_VALUE;
    }

    @Override
    long afterChange(Execution x) {
        if (!stepCost) {
            return x.now;
        }
        return take(x, "after an iteration");
    }

    @Override
    long whenQuiet(Execution x, long next) {
        return take(x, "where the loop waits");
    }

    private long take(Execution x, String where) {
        TimeStep s = steps == null ? null : steps.poll();
        if (s == null && policy.halting) {
            throw new PredicateWatch.Halt();
        }
        if (s == null) {
            throw new IllegalStateException("a replayed path has no time step " + where);
        }
        long[] at = s.at();
        for (int i = 0; i < at.length; i++) {
            int f = s.finishing()[i];
            x.byId.get(f >>> 16).finishAt[f & 0xffff] = x.now + at[i];
        }
        return x.now + s.ticks();
    }
}
