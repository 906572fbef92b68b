package dev.cadenza.petri.classes;

import dev.cadenza.petri.PetriNet;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A concrete schedule for a sequence of transitions: the dates x1 ≤ … ≤ xn of the firings
 * (x0 = 0 the start) under the difference constraints of the path — each fired transition
 * waited at least its eft since it was last newly enabled, and no enabled transition overstayed
 * its lft (strong semantics). The earliest solution is minus the shortest distances to x0, the
 * latest the shortest distances from x0 (Bellman–Ford on the constraint graph). Open bounds are
 * taken closed: the schedule is then the limit that real ones approach.
 *
 * <p>Cost. The constraints are kept in primitive arrays (one edge per step for the order of the
 * dates, one for the fired transition's eft, one per enabled transition with a finite lft): no
 * object per edge, so a path of a hundred thousand steps costs megabytes, not an object each. The
 * relaxation sweeps the edges in the order of the steps; one sweep settles every date that only
 * lower bounds push forward, and each further sweep follows one more deadline that pulls an
 * earlier date later. It stops at the first sweep that changes nothing: a few sweeps on the nets
 * we know, n + 1 at worst (a path where every deadline pulls its predecessors on a chain).
 */
public final class TraceScheduler {

    private TraceScheduler() {
    }

    /** The earliest schedule of a firing sequence (transition indices) of {@code net}, e.g. a path of classes. */
    public static TimedTrace earliest(PetriNet net, int[] transitions) {
        return schedule(new TimedNet(net), transitions, true, false);
    }

    /** The latest schedule of a firing sequence, or null when its last firing can be put off forever. */
    public static TimedTrace latest(PetriNet net, int[] transitions) {
        return schedule(new TimedNet(net), transitions, false, false);
    }

    static TimedTrace schedule(TimedNet net, int[] fired, boolean earliest, boolean limit) {
        Constraints c = new Constraints(net, fired);
        long[] x = earliest ? c.earliest() : c.latest();
        if (x[fired.length] == Long.MAX_VALUE) {
            return null;
        }
        return trace(net, fired, x, limit);
    }

    /**
     * The earliest schedule of a path of classes found by a search that asked for no time
     * ({@link TimeBounds#reachAny}): whether it is a real run or only the limit of real runs is
     * read off the schedule itself. It is a real run exactly when it meets every open bound of the
     * path strictly; when it meets one with equality, it is the limit of real runs (the path is
     * firable, so the constraints with their open bounds have solutions, and the closed
     * constraints' solutions are their closure).
     */
    static TimedTrace earliestRun(TimedNet net, int[] fired) {
        Constraints c = new Constraints(net, fired);
        long[] x = c.earliest();
        return trace(net, fired, x, c.tightOpenBound(x));
    }

    private static TimedTrace trace(TimedNet net, int[] fired, long[] x, boolean limit) {
        List<TimedTrace.Step> steps = new ArrayList<>(fired.length);
        for (int s = 1; s <= fired.length; s++) {
            steps.add(new TimedTrace.Step(net.unscale(x[s]), net.net().transition(fired[s - 1]).name()));
        }
        return new TimedTrace(steps, limit);
    }

    /**
     * The constraint graph of a path: edge e says x[to[e]] − x[from[e]] ≤ w[e], strict[e] when it
     * comes from an open bound. Edges are in the order of the steps.
     */
    private static final class Constraints {
        private int[] to = new int[64];
        private int[] from = new int[64];
        private long[] w = new long[64];
        private boolean[] strict = new boolean[64];
        private int edges;
        private final int n;

        Constraints(TimedNet net, int[] fired) {
            n = fired.length;
            int[] m = net.initialMarking.clone();
            int[] mid = new int[m.length];
            int[] since = new int[net.transitions];
            boolean[] on = new boolean[net.transitions];
            for (int t = 0; t < net.transitions; t++) {
                on[t] = net.enabled(t, m);
            }
            for (int s = 1; s <= n; s++) {
                int f = fired[s - 1];
                if (!on[f]) {
                    throw new IllegalArgumentException("transition " + net.net().transition(f).name()
                            + " is not enabled at step " + s + " of the sequence");
                }
                add(s - 1, s, 0, false);
                add(since[f], s, Bound.value(net.lower[f]), Bound.isStrict(net.lower[f]));
                for (int t = 0; t < net.transitions; t++) {
                    if (on[t] && net.upper[t] != Bound.INF) {
                        add(s, since[t], Bound.value(net.upper[t]), Bound.isStrict(net.upper[t]));
                    }
                }
                System.arraycopy(m, 0, mid, 0, m.length);
                net.consume(f, mid);
                System.arraycopy(mid, 0, m, 0, m.length);
                net.produce(f, m);
                for (int t = 0; t < net.transitions; t++) {
                    boolean now = net.enabled(t, m);
                    boolean persistent = now && on[t] && t != f && net.enabled(t, mid);
                    if (now && !persistent) {
                        since[t] = s;
                    }
                    on[t] = now;
                }
            }
        }

        /** x[a] − x[b] ≤ v, from the bound (−eft or lft) as the net states it. */
        private void add(int a, int b, long v, boolean open) {
            if (edges == to.length) {
                int c = edges * 2;
                to = Arrays.copyOf(to, c);
                from = Arrays.copyOf(from, c);
                w = Arrays.copyOf(w, c);
                strict = Arrays.copyOf(strict, c);
            }
            to[edges] = a;
            from[edges] = b;
            w[edges] = v;
            strict[edges] = open;
            edges++;
        }

        /** Shortest distances from x0: the largest solution (unbounded dates stay at Long.MAX_VALUE). */
        long[] latest() {
            long[] d = new long[n + 1];
            Arrays.fill(d, Long.MAX_VALUE);
            d[0] = 0;
            relax(d, false);
            return d;
        }

        /** Minus the shortest distances to x0 (from x0 in the reversed graph): the smallest solution. */
        long[] earliest() {
            // every date is bounded below by 0 through the chain x0 <= x1 <= ...
            long[] d = new long[n + 1];
            Arrays.fill(d, Long.MAX_VALUE);
            d[0] = 0;
            relax(d, true);
            for (int i = 0; i <= n; i++) {
                d[i] = -d[i];
            }
            return d;
        }

        private void relax(long[] d, boolean reversed) {
            int[] a = reversed ? to : from;
            int[] b = reversed ? from : to;
            for (int round = 0; round <= n; round++) {
                boolean changed = false;
                for (int e = 0; e < edges; e++) {
                    long via = d[a[e]];
                    if (via != Long.MAX_VALUE && via + w[e] < d[b[e]]) {
                        d[b[e]] = via + w[e];
                        changed = true;
                    }
                }
                if (!changed) {
                    return;
                }
            }
            throw new IllegalArgumentException("the sequence cannot be scheduled: its timing constraints are inconsistent");
        }

        /** Whether the dates x meet some open bound of the path with equality. */
        boolean tightOpenBound(long[] x) {
            for (int e = 0; e < edges; e++) {
                if (strict[e] && x[to[e]] - x[from[e]] == w[e]) {
                    return true;
                }
            }
            return false;
        }
    }
}
