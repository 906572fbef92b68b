package dev.cadenza.petri.classes;

import dev.cadenza.petri.Arc;
import dev.cadenza.petri.ArcKind;
import dev.cadenza.petri.PetriNet;
import dev.cadenza.petri.Transition;
import dev.cadenza.petri.query.CompiledPredicate;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The test oracle: a brute-force discrete-time explorer, written independently of the engine.
 * A state is a marking and an integer clock per enabled transition; time passes in steps of 1
 * (strong semantics: not past any enabled upper bound); clocks of transitions without an upper
 * bound stop at their lower bound, where nothing more can change. For nets whose intervals are
 * closed with integer bounds (or [a,w[), integer dates suffice (digitization, Henzinger, Manna
 * and Pnueli 1992; Popova 1991): the reachable markings and the extreme times to a marking
 * property are those of dense time.
 */
final class DiscreteTimeExplorer {

    /** What the oracle found: markings, and min/max time to the target (max -1 = unbounded). */
    record Result(Set<List<Long>> markings, boolean reachable, long min, long max) {
    }

    private record State(long[] m, int[] clock) {
        @Override
        public boolean equals(Object o) {
            return o instanceof State s && Arrays.equals(m, s.m) && Arrays.equals(clock, s.clock);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(m) + Arrays.hashCode(clock);
        }
    }

    private final PetriNet net;
    private final int[] eft;
    private final int[] lft;

    private DiscreteTimeExplorer(PetriNet net) {
        this.net = net;
        eft = new int[net.transitionCount()];
        lft = new int[net.transitionCount()];
        for (int t = 0; t < eft.length; t++) {
            Transition tr = net.transition(t);
            if (tr.interval().lowerOpen() || (tr.interval().upper() != null && tr.interval().upperOpen())
                    || tr.interval().lower().getDenominator().intValue() != 1
                    || (tr.interval().upper() != null && tr.interval().upper().getDenominator().intValue() != 1)) {
                throw new IllegalArgumentException("the discrete oracle needs closed integer intervals");
            }
            eft[t] = tr.interval().lower().intValue();
            lft[t] = tr.interval().upper() == null ? -1 : tr.interval().upper().intValue();
        }
    }

    private boolean enabled(int t, long[] m) {
        for (Arc a : net.transition(t).inputs()) {
            if (a.kind() == ArcKind.INHIBITOR ? m[a.place()] >= a.weight() : m[a.place()] < a.weight()) {
                return false;
            }
        }
        return true;
    }

    private boolean dead(long[] m) {
        for (int t = 0; t < eft.length; t++) {
            if (enabled(t, m)) {
                return false;
            }
        }
        return true;
    }

    /** Successors as (state, weight) pairs: weight 1 for a time step, 0 for a firing. */
    private void successors(State s, List<State> out, List<Integer> weights) {
        int n = eft.length;
        for (int t = 0; t < n; t++) {
            if (s.clock[t] < 0 || s.clock[t] < eft[t]) {
                continue;
            }
            long[] mid = s.m.clone();
            for (Arc a : net.transition(t).inputs()) {
                if (a.kind() == ArcKind.NORMAL) {
                    mid[a.place()] -= a.weight();
                }
            }
            long[] next = mid.clone();
            for (Arc a : net.transition(t).outputs()) {
                next[a.place()] += a.weight();
            }
            int[] clock = new int[n];
            for (int u = 0; u < n; u++) {
                if (!enabled(u, next)) {
                    clock[u] = -1;
                } else if (u != t && s.clock[u] >= 0 && enabled(u, mid)) {
                    clock[u] = s.clock[u];
                } else {
                    clock[u] = 0;
                }
            }
            out.add(new State(next, clock));
            weights.add(0);
        }
        int[] clock = s.clock.clone();
        for (int u = 0; u < n; u++) {
            if (clock[u] < 0) {
                continue;
            }
            if (lft[u] >= 0) {
                if (clock[u] + 1 > lft[u]) {
                    return;
                }
                clock[u]++;
            } else {
                clock[u] = Math.min(clock[u] + 1, eft[u]);
            }
        }
        out.add(new State(s.m, clock));
        weights.add(1);
    }

    static Result explore(PetriNet net, CompiledPredicate target, int maxStates) {
        return new DiscreteTimeExplorer(net).run(target, maxStates);
    }

    private boolean isTarget(State s, CompiledPredicate target) {
        boolean dead = dead(s.m);
        return target == null ? dead : target.test(s.m, dead);
    }

    private Result run(CompiledPredicate target, int maxStates) {
        int n = eft.length;
        long[] m0 = net.initialMarking();
        int[] c0 = new int[n];
        for (int t = 0; t < n; t++) {
            c0[t] = enabled(t, m0) ? 0 : -1;
        }
        State init = new State(m0, c0);
        // 1. every reachable state, for the markings
        Set<List<Long>> markings = new HashSet<>();
        Map<State, Integer> all = new HashMap<>();
        ArrayDeque<State> todo = new ArrayDeque<>();
        all.put(init, 0);
        todo.add(init);
        List<State> succ = new ArrayList<>();
        List<Integer> w = new ArrayList<>();
        while (!todo.isEmpty()) {
            State s = todo.poll();
            markings.add(toList(s.m));
            succ.clear();
            w.clear();
            successors(s, succ, w);
            for (State t : succ) {
                if (all.putIfAbsent(t, all.size()) == null) {
                    todo.add(t);
                    if (all.size() > maxStates) {
                        throw new IllegalStateException("oracle state space too large");
                    }
                }
            }
        }
        // 2. the graph where targets are sinks, from the initial state
        Map<State, Integer> ids = new HashMap<>();
        List<State> states = new ArrayList<>();
        List<int[]> edgeTo = new ArrayList<>();
        List<int[]> edgeW = new ArrayList<>();
        ids.put(init, 0);
        states.add(init);
        for (int i = 0; i < states.size(); i++) {
            State s = states.get(i);
            succ.clear();
            w.clear();
            if (!isTarget(s, target)) {
                successors(s, succ, w);
            }
            int[] to = new int[succ.size()];
            int[] ws = new int[succ.size()];
            for (int j = 0; j < succ.size(); j++) {
                Integer id = ids.get(succ.get(j));
                if (id == null) {
                    id = states.size();
                    ids.put(succ.get(j), id);
                    states.add(succ.get(j));
                }
                to[j] = id;
                ws[j] = w.get(j);
            }
            edgeTo.add(to);
            edgeW.add(ws);
        }
        int size = states.size();
        boolean[] targetState = new boolean[size];
        boolean any = false;
        for (int i = 0; i < size; i++) {
            targetState[i] = isTarget(states.get(i), target);
            any |= targetState[i];
        }
        if (!any) {
            return new Result(markings, false, -1, -1);
        }
        // min: 0-1 BFS
        long[] dist = new long[size];
        Arrays.fill(dist, Long.MAX_VALUE);
        dist[0] = 0;
        ArrayDeque<Integer> dq = new ArrayDeque<>();
        dq.add(0);
        while (!dq.isEmpty()) {
            int u = dq.pollFirst();
            int[] to = edgeTo.get(u);
            int[] ws = edgeW.get(u);
            for (int j = 0; j < to.length; j++) {
                if (dist[u] + ws[j] < dist[to[j]]) {
                    dist[to[j]] = dist[u] + ws[j];
                    if (ws[j] == 0) {
                        dq.addFirst(to[j]);
                    } else {
                        dq.addLast(to[j]);
                    }
                }
            }
        }
        long min = Long.MAX_VALUE;
        for (int i = 0; i < size; i++) {
            if (targetState[i]) {
                min = Math.min(min, dist[i]);
            }
        }
        // max: unbounded when a cycle with a time step exists (targets are sinks, so it avoids them)
        int[] scc = tarjan(size, edgeTo);
        for (int u = 0; u < size; u++) {
            int[] to = edgeTo.get(u);
            for (int j = 0; j < to.length; j++) {
                if (edgeW.get(u)[j] == 1 && scc[u] == scc[to[j]]) {
                    return new Result(markings, true, min, -1);
                }
            }
        }
        // longest path to a target: SCC numbers are in reverse topological order (sinks first)
        int sccCount = 0;
        for (int c : scc) {
            sccCount = Math.max(sccCount, c + 1);
        }
        List<List<Integer>> members = new ArrayList<>();
        for (int c = 0; c < sccCount; c++) {
            members.add(new ArrayList<>());
        }
        for (int u = 0; u < size; u++) {
            members.get(scc[u]).add(u);
        }
        long[] value = new long[sccCount];
        for (int c = 0; c < sccCount; c++) {
            long v = Long.MIN_VALUE;
            for (int u : members.get(c)) {
                if (targetState[u]) {
                    v = Math.max(v, 0);
                }
                int[] to = edgeTo.get(u);
                for (int j = 0; j < to.length; j++) {
                    int d = scc[to[j]];
                    if (d != c && value[d] != Long.MIN_VALUE) {
                        v = Math.max(v, value[d] + edgeW.get(u)[j]);
                    }
                }
            }
            value[c] = v;
        }
        return new Result(markings, true, min, value[scc[0]]);
    }

    private static List<Long> toList(long[] m) {
        List<Long> l = new ArrayList<>(m.length);
        for (long v : m) {
            l.add(v);
        }
        return l;
    }

    /** Iterative Tarjan: component numbers in the order components complete (sinks first). */
    private static int[] tarjan(int n, List<int[]> edges) {
        int[] index = new int[n];
        int[] low = new int[n];
        int[] comp = new int[n];
        boolean[] onStack = new boolean[n];
        Arrays.fill(index, -1);
        int[] stack = new int[n];
        int sp = 0;
        int[] callNode = new int[n];
        int[] callEdge = new int[n];
        int counter = 0;
        int comps = 0;
        for (int root = 0; root < n; root++) {
            if (index[root] >= 0) {
                continue;
            }
            int depth = 0;
            callNode[0] = root;
            callEdge[0] = 0;
            index[root] = low[root] = counter++;
            stack[sp++] = root;
            onStack[root] = true;
            while (depth >= 0) {
                int u = callNode[depth];
                int[] to = edges.get(u);
                if (callEdge[depth] < to.length) {
                    int v = to[callEdge[depth]++];
                    if (index[v] < 0) {
                        index[v] = low[v] = counter++;
                        stack[sp++] = v;
                        onStack[v] = true;
                        depth++;
                        callNode[depth] = v;
                        callEdge[depth] = 0;
                    } else if (onStack[v]) {
                        low[u] = Math.min(low[u], index[v]);
                    }
                } else {
                    if (low[u] == index[u]) {
                        int v;
                        do {
                            v = stack[--sp];
                            onStack[v] = false;
                            comp[v] = comps;
                        } while (v != u);
                        comps++;
                    }
                    depth--;
                    if (depth >= 0) {
                        int p = callNode[depth];
                        low[p] = Math.min(low[p], low[u]);
                    }
                }
            }
        }
        return comp;
    }
}
