package dev.cadenza.verify.execute;

import java.util.ArrayDeque;

/**
 * Lazy threads, for {@link RuntimeStateSpace}: a started transition's end is left open
 * ({@link Long#MAX_VALUE}) and decided when time passes — by the state space, which tries every
 * grid instant in its interval, or, when a path is replayed, by the recorded time steps. Only a
 * thread whose interval starts at 0 may finish at once: that is a choice at its start (forced for
 * [0, 0]). Iterations take no time.
 */
final class ExplorerDriver extends Driver {

    /** One passing of time on a replayed path: how many ticks, and which threads finish then (instance id << 16 | transition). */
    record TimeStep(long ticks, int[] finishing) {
    }

    private final ExplorerPolicy policy;
    /** When replaying: the time steps in order. */
    ArrayDeque<TimeStep> steps;

    ExplorerDriver(ExplorerPolicy policy) {
        this.policy = policy;
    }

    @Override
    long start(Execution x, ComponentState c, int t) {
        long min = c.type.minTicks[t];
        long max = c.type.maxTicks[t];
        if (min == 0 && max == 0) {
            return x.now;
        }
        if (min == 0 && policy.script.choose(2) == 0) {
            return x.now;
        }
        return Long.MAX_VALUE;
    }

    @Override
    long afterChange(Execution x) {
        return x.now;
    }

    @Override
    long whenQuiet(Execution x, long next) {
        TimeStep s = steps == null ? null : steps.poll();
        if (s == null && policy.halting) {
            throw new PredicateWatch.Halt();
        }
        if (s == null) {
            throw new IllegalStateException("a replayed path has no time step where the loop waits");
        }
        long to = x.now + s.ticks();
        for (int f : s.finishing()) {
            ComponentState c = x.byId.get(f >>> 16);
            c.finishAt[f & 0xffff] = to;
        }
        return to;
    }
}
