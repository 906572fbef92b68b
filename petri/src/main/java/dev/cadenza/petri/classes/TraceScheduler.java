package dev.cadenza.petri.classes;

import dev.cadenza.petri.PetriNet;

import java.util.ArrayList;
import java.util.List;

/**
 * A concrete schedule for a sequence of transitions: the dates x1 ≤ … ≤ xn of the firings
 * (x0 = 0 the start) under the difference constraints of the path — each fired transition
 * waited at least its eft since it was last newly enabled, and no enabled transition overstayed
 * its lft (strong semantics). The earliest solution is minus the shortest distances to x0, the
 * latest the shortest distances from x0 (Bellman–Ford on the constraint graph). Open bounds are
 * taken closed: the schedule is then the limit that real ones approach.
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
        int n = fired.length;
        // {to, from, w}: x[to] - x[from] <= w, an edge from -> to of weight w
        List<long[]> edges = new ArrayList<>();
        int[] m = net.initialMarking.clone();
        int[] mid = new int[m.length];
        int[] since = new int[net.transitions];
        boolean[] on = new boolean[net.transitions];
        for (int t = 0; t < net.transitions; t++) {
            on[t] = net.enabled(t, m);
            since[t] = 0;
        }
        for (int s = 1; s <= n; s++) {
            int f = fired[s - 1];
            if (!on[f]) {
                throw new IllegalArgumentException("transition " + net.net().transition(f).name()
                        + " is not enabled at step " + s + " of the sequence");
            }
            edges.add(new long[] {s - 1, s, 0});
            edges.add(new long[] {since[f], s, Bound.value(net.lower[f])});
            for (int t = 0; t < net.transitions; t++) {
                if (on[t] && net.upper[t] != Bound.INF) {
                    edges.add(new long[] {s, since[t], Bound.value(net.upper[t])});
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
        long[] x = earliest ? earliest(n, edges) : latest(n, edges);
        if (x[n] == Long.MAX_VALUE) {
            return null;
        }
        List<TimedTrace.Step> steps = new ArrayList<>(n);
        for (int s = 1; s <= n; s++) {
            steps.add(new TimedTrace.Step(net.unscale(x[s]), net.net().transition(fired[s - 1]).name()));
        }
        return new TimedTrace(steps, limit);
    }

    /** Shortest distances from x0: the largest solution. */
    private static long[] latest(int n, List<long[]> edges) {
        // unbounded dates stay at Long.MAX_VALUE: the caller treats the trace as unbounded
        long[] d = new long[n + 1];
        java.util.Arrays.fill(d, Long.MAX_VALUE);
        d[0] = 0;
        relax(d, edges, false);
        return d;
    }

    /** Minus the shortest distances to x0 (from x0 in the reversed graph): the smallest solution. */
    private static long[] earliest(int n, List<long[]> edges) {
        // every date is bounded below by 0 through the chain x0 <= x1 <= ...
        long[] d = new long[n + 1];
        java.util.Arrays.fill(d, Long.MAX_VALUE);
        d[0] = 0;
        relax(d, edges, true);
        for (int i = 0; i <= n; i++) {
            d[i] = -d[i];
        }
        return d;
    }

    private static void relax(long[] d, List<long[]> edges, boolean reversed) {
        int n = d.length;
        for (int round = 0; round < n; round++) {
            boolean changed = false;
            for (long[] e : edges) {
                int from = (int) (reversed ? e[0] : e[1]);
                int to = (int) (reversed ? e[1] : e[0]);
                if (d[from] != Long.MAX_VALUE && d[from] + e[2] < d[to]) {
                    d[to] = d[from] + e[2];
                    changed = true;
                }
            }
            if (!changed) {
                return;
            }
        }
        throw new IllegalArgumentException("the sequence cannot be scheduled: its timing constraints are inconsistent");
    }
}
