package dev.cadenza.verify.engine;

import dev.cadenza.petri.limit.Budget;
import dev.cadenza.petri.limit.Limit;

import dev.cadenza.petri.Arc;
import dev.cadenza.petri.ArcKind;
import dev.cadenza.petri.PetriNet;
import dev.cadenza.petri.TimeInterval;
import dev.cadenza.petri.Transition;
import dev.cadenza.petri.query.CompiledPredicate;
import dev.cadenza.petri.query.Predicate;
import org.apache.commons.math3.fraction.BigFraction;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A brute-force discrete-time explorer, the independent oracle of the properties' tests: states
 * are (marking, clock of every enabled transition), time advances by one tick (bounds scaled to
 * integers by the least common denominator). For closed intervals, integer times are exact for
 * reachable markings and for the min/max time to reach them (extremes of a run's constraints are
 * attained at integer points). Edges labelled -1 are ticks; a tick that changes nothing (every
 * enabled transition unbounded and past its lower bound) is left out, so maximal runs are, as in
 * the state class graph, sequences of firings. Small nets only. Max time: any cycle among states
 * that can still reach the target makes it unbounded (conservative for zero-time cycles).
 */
public final class DiscreteTimeEngine implements TimedEngine {

    @Override
    public String name() {
        return "discrete time (test oracle)";
    }

    private static final class Net {
        final int n;
        final int[][] consumeP;
        final long[][] consumeW;
        final int[][] readP;
        final long[][] readW;
        final int[][] inhP;
        final long[][] inhW;
        final int[][] prodP;
        final long[][] prodW;
        final long[] lo;
        final long[] hi; // -1 = infinite
        final long scale;

        Net(PetriNet net) {
            n = net.transitionCount();
            consumeP = new int[n][];
            consumeW = new long[n][];
            readP = new int[n][];
            readW = new long[n][];
            inhP = new int[n][];
            inhW = new long[n][];
            prodP = new int[n][];
            prodW = new long[n][];
            lo = new long[n];
            hi = new long[n];
            BigInteger den = BigInteger.ONE;
            for (Transition t : net.transitions()) {
                den = lcm(den, t.interval().lower().getDenominator());
                if (t.interval().upper() != null) {
                    den = lcm(den, t.interval().upper().getDenominator());
                }
            }
            scale = den.longValueExact();
            for (int i = 0; i < n; i++) {
                Transition t = net.transition(i);
                List<Arc> c = new ArrayList<>();
                List<Arc> r = new ArrayList<>();
                List<Arc> h = new ArrayList<>();
                for (Arc a : t.inputs()) {
                    (a.kind() == ArcKind.NORMAL ? c : a.kind() == ArcKind.READ ? r : h).add(a);
                }
                consumeP[i] = c.stream().mapToInt(Arc::place).toArray();
                consumeW[i] = c.stream().mapToLong(Arc::weight).toArray();
                readP[i] = r.stream().mapToInt(Arc::place).toArray();
                readW[i] = r.stream().mapToLong(Arc::weight).toArray();
                inhP[i] = h.stream().mapToInt(Arc::place).toArray();
                inhW[i] = h.stream().mapToLong(Arc::weight).toArray();
                prodP[i] = t.outputs().stream().mapToInt(Arc::place).toArray();
                prodW[i] = t.outputs().stream().mapToLong(Arc::weight).toArray();
                TimeInterval iv = t.interval();
                if (iv.lowerOpen() || (iv.upper() != null && iv.upperOpen())) {
                    throw new IllegalArgumentException("discrete time is exact only for closed intervals: " + t.name());
                }
                lo[i] = iv.lower().multiply(scale).getNumerator().longValueExact();
                hi[i] = iv.upper() == null ? -1 : iv.upper().multiply(scale).getNumerator().longValueExact();
            }
        }

        private static BigInteger lcm(BigInteger a, BigInteger b) {
            return a.divide(a.gcd(b)).multiply(b);
        }

        boolean enabled(int t, long[] m) {
            for (int k = 0; k < consumeP[t].length; k++) {
                if (m[consumeP[t][k]] < consumeW[t][k]) {
                    return false;
                }
            }
            for (int k = 0; k < readP[t].length; k++) {
                if (m[readP[t][k]] < readW[t][k]) {
                    return false;
                }
            }
            for (int k = 0; k < inhP[t].length; k++) {
                if (m[inhP[t][k]] >= inhW[t][k]) {
                    return false;
                }
            }
            return true;
        }
    }

    /** A state: marking then clocks (-1 = disabled), one flat key. */
    private static long[] key(long[] m, long[] clocks) {
        long[] k = Arrays.copyOf(m, m.length + clocks.length);
        System.arraycopy(clocks, 0, k, m.length, clocks.length);
        return k;
    }

    private static final class Graph {
        final Net net;
        final int places;
        final List<long[]> states = new ArrayList<>();
        final List<int[]> succ = new ArrayList<>();
        final List<int[]> labels = new ArrayList<>();
        final List<Integer> parent = new ArrayList<>();
        final List<Integer> parentLabel = new ArrayList<>();
        /** States where time can pass forever with nothing forced to fire. */
        final java.util.Set<Integer> divergent = new java.util.HashSet<>();
        final Map<List<Long>, Integer> index = new HashMap<>();
        boolean complete = true;
        long edges;
        long millis;

        Graph(Net net, int places) {
            this.net = net;
            this.places = places;
        }

        int add(long[] key, int from, int label) {
            List<Long> boxed = Arrays.stream(key).boxed().toList();
            Integer i = index.get(boxed);
            if (i != null) {
                return i;
            }
            states.add(key);
            succ.add(null);
            labels.add(null);
            parent.add(from);
            parentLabel.add(label);
            index.put(boxed, states.size() - 1);
            return states.size() - 1;
        }

        public int size() {
            return states.size();
        }

        public long[] marking(int s) {
            return Arrays.copyOf(states.get(s), places);
        }

        public boolean dead(int s) {
            long[] k = states.get(s);
            for (int t = 0; t < net.n; t++) {
                if (k[places + t] >= 0) {
                    return false;
                }
            }
            return true;
        }

        public int[] successors(int s) {
            return succ.get(s) == null ? new int[0] : succ.get(s);
        }

        public int[] edgeTransitions(int s) {
            return labels.get(s) == null ? new int[0] : labels.get(s);
        }

        public TimedRun runTo(int s) {
            List<int[]> back = new ArrayList<>();
            for (int cur = s; parent.get(cur) >= 0; cur = parent.get(cur)) {
                back.add(new int[] {parentLabel.get(cur)});
            }
            List<TimedRun.Step> steps = new ArrayList<>();
            long ticks = 0;
            for (int i = back.size() - 1; i >= 0; i--) {
                int label = back.get(i)[0];
                if (label < 0) {
                    ticks++;
                } else {
                    steps.add(new TimedRun.Step(label, new BigFraction(ticks).divide(net.scale)));
                }
            }
            return new TimedRun(steps);
        }

        public Statistics statistics() {
            return new Statistics(states.size(), edges, complete ? Limit.NONE : Limit.CLASSES, millis);
        }
    }

    private Graph build(PetriNet petri, Budget budget, CompiledPredicate stopAt) {
        long t0 = System.currentTimeMillis();
        Net net = new Net(petri);
        int np = petri.placeCount();
        Graph g = new Graph(net, np);
        long[] m0 = petri.initialMarking();
        long[] c0 = new long[net.n];
        for (int t = 0; t < net.n; t++) {
            c0[t] = net.enabled(t, m0) ? 0 : -1;
        }
        g.add(key(m0, c0), -1, 0);
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        queue.add(0);
        while (!queue.isEmpty()) {
            int s = queue.poll();
            long[] k = g.states.get(s);
            long[] m = Arrays.copyOf(k, np);
            if (stopAt != null && stopAt.test(m, g.dead(s))) {
                continue;
            }
            if (g.size() > budget.classesLeft()) {
                g.complete = false;
                break;
            }
            List<Integer> to = new ArrayList<>();
            List<Integer> lab = new ArrayList<>();
            boolean canTick = false;
            boolean tickChanges = false;
            boolean anyEnabled = false;
            for (int t = 0; t < net.n; t++) {
                long c = k[np + t];
                if (c < 0) {
                    continue;
                }
                anyEnabled = true;
                if (c >= net.lo[t]) {
                    long[] mid = Arrays.copyOf(m, np);
                    for (int a = 0; a < net.consumeP[t].length; a++) {
                        mid[net.consumeP[t][a]] -= net.consumeW[t][a];
                    }
                    long[] next = Arrays.copyOf(mid, np);
                    for (int a = 0; a < net.prodP[t].length; a++) {
                        next[net.prodP[t][a]] += net.prodW[t][a];
                    }
                    long[] clocks = new long[net.n];
                    for (int u = 0; u < net.n; u++) {
                        if (!net.enabled(u, next)) {
                            clocks[u] = -1;
                        } else if (u != t && k[np + u] >= 0 && net.enabled(u, mid)) {
                            clocks[u] = k[np + u];
                        } else {
                            clocks[u] = 0;
                        }
                    }
                    to.add(addNew(g, key(next, clocks), s, t, queue));
                    lab.add(t);
                }
            }
            if (anyEnabled) {
                canTick = true;
                long[] clocks = Arrays.copyOfRange(k, np, k.length);
                for (int t = 0; t < net.n; t++) {
                    if (clocks[t] < 0) {
                        continue;
                    }
                    if (net.hi[t] >= 0 && clocks[t] + 1 > net.hi[t]) {
                        canTick = false;
                        break;
                    }
                    long cap = net.hi[t] >= 0 ? net.hi[t] : net.lo[t];
                    if (clocks[t] < cap) {
                        clocks[t]++;
                        tickChanges = true;
                    }
                }
                if (canTick && !tickChanges) {
                    g.divergent.add(s);
                }
                if (canTick && tickChanges) {
                    to.add(addNew(g, key(m, clocks), s, -1, queue));
                    lab.add(-1);
                }
            }
            int[] succ = new int[to.size()];
            int[] labels = new int[to.size()];
            for (int i = 0; i < succ.length; i++) {
                succ[i] = to.get(i);
                labels[i] = lab.get(i);
            }
            g.succ.set(s, succ);
            g.labels.set(s, labels);
            g.edges += succ.length;
        }
        g.millis = System.currentTimeMillis() - t0;
        return g;
    }

    private static int addNew(Graph g, long[] key, int from, int label, ArrayDeque<Integer> queue) {
        int before = g.size();
        int id = g.add(key, from, label);
        if (g.size() > before) {
            queue.add(id);
        }
        return id;
    }

    @Override
    public TargetTimes timeTo(PetriNet petri, Predicate targetPredicate, Budget budget) {
        CompiledPredicate target = Targets.compile(targetPredicate);
        Graph g = build(petri, budget, target);
        int n = g.size();
        boolean[] isTarget = new boolean[n];
        boolean any = false;
        for (int s = 0; s < n; s++) {
            isTarget[s] = target.test(g.marking(s), g.dead(s));
            any |= isTarget[s];
        }
        if (!any) {
            return TargetTimes.notFound(g.statistics());
        }
        // min: 0-1 BFS on ticks
        long[] dist = new long[n];
        int[] pred = new int[n];
        Arrays.fill(dist, Long.MAX_VALUE);
        ArrayDeque<Integer> dq = new ArrayDeque<>();
        dist[0] = 0;
        pred[0] = -1;
        dq.add(0);
        while (!dq.isEmpty()) {
            int s = dq.pollFirst();
            if (isTarget[s]) {
                continue;
            }
            int[] su = g.successors(s);
            int[] la = g.edgeTransitions(s);
            for (int i = 0; i < su.length; i++) {
                long w = la[i] < 0 ? 1 : 0;
                if (dist[s] + w < dist[su[i]]) {
                    dist[su[i]] = dist[s] + w;
                    pred[su[i]] = s;
                    if (w == 0) {
                        dq.addFirst(su[i]);
                    } else {
                        dq.addLast(su[i]);
                    }
                }
            }
        }
        int best = -1;
        for (int s = 0; s < n; s++) {
            if (isTarget[s] && (best < 0 || dist[s] < dist[best])) {
                best = s;
            }
        }
        // max: longest path over states that can reach a target; a cycle among them = unbounded
        boolean[] coreach = new boolean[n];
        List<List<Integer>> rev = new ArrayList<>();
        for (int s = 0; s < n; s++) {
            rev.add(new ArrayList<>());
        }
        for (int s = 0; s < n; s++) {
            if (!isTarget[s]) {
                for (int t : g.successors(s)) {
                    rev.get(t).add(s);
                }
            }
        }
        ArrayDeque<Integer> q = new ArrayDeque<>();
        for (int s = 0; s < n; s++) {
            if (isTarget[s]) {
                coreach[s] = true;
                q.add(s);
            }
        }
        while (!q.isEmpty()) {
            for (int p : rev.get(q.poll())) {
                if (!coreach[p]) {
                    coreach[p] = true;
                    q.add(p);
                }
            }
        }
        long[] longest = new long[n];
        int[] next = new int[n];
        int[] colour = new int[n];
        // as the state class engine: unbounded when a run can avoid the target forever — a dead
        // non-target state, or a cycle of non-target states (all reached through non-targets)
        boolean unbounded = !longestFrom(g, 0, isTarget, coreach, longest, next, colour);
        for (int s = 0; s < n && !unbounded; s++) {
            unbounded = !isTarget[s] && (g.dead(s) || g.divergent.contains(s));
        }
        unbounded = unbounded || hasCycle(g, isTarget);
        BigFraction scale = new BigFraction(g.net.scale);
        TimedRun minRun = pathRun(g, best, pred);
        BigFraction min = new BigFraction(dist[best]).divide(scale);
        if (unbounded) {
            return new TargetTimes(true, min, null, g.complete, minRun, null, g.statistics());
        }
        // walk the longest path forwards
        List<TimedRun.Step> steps = new ArrayList<>();
        long ticks = 0;
        for (int s = 0; !isTarget[s]; s = g.successors(s)[next[s]]) {
            int label = g.edgeTransitions(s)[next[s]];
            if (label < 0) {
                ticks++;
            } else {
                steps.add(new TimedRun.Step(label, new BigFraction(ticks).divide(scale)));
            }
        }
        return new TargetTimes(true, min, new BigFraction(longest[0]).divide(scale), false, minRun, new TimedRun(steps),
                g.statistics());
    }

    private static boolean hasCycle(Graph g, boolean[] isTarget) {
        int n = g.size();
        int[] colour = new int[n];
        for (int root = 0; root < n; root++) {
            if (colour[root] != 0 || isTarget[root]) {
                continue;
            }
            ArrayDeque<int[]> stack = new ArrayDeque<>();
            stack.push(new int[] {root, 0});
            colour[root] = 1;
            while (!stack.isEmpty()) {
                int[] top = stack.peek();
                int[] succ = g.successors(top[0]);
                if (top[1] < succ.length) {
                    int t = succ[top[1]++];
                    if (isTarget[t]) {
                        continue;
                    }
                    if (colour[t] == 1) {
                        return true;
                    }
                    if (colour[t] == 0) {
                        colour[t] = 1;
                        stack.push(new int[] {t, 0});
                    }
                } else {
                    colour[top[0]] = 2;
                    stack.pop();
                }
            }
        }
        return false;
    }

    /** Longest tick count from s to a target; false when a cycle is found (unbounded). */
    private static boolean longestFrom(Graph g, int s, boolean[] isTarget, boolean[] coreach, long[] longest,
                                       int[] next, int[] colour) {
        if (colour[s] == 2) {
            return true;
        }
        if (colour[s] == 1) {
            return false;
        }
        colour[s] = 1;
        longest[s] = isTarget[s] ? 0 : Long.MIN_VALUE;
        if (!isTarget[s]) {
            int[] su = g.successors(s);
            int[] la = g.edgeTransitions(s);
            for (int i = 0; i < su.length; i++) {
                if (!coreach[su[i]]) {
                    continue;
                }
                if (!longestFrom(g, su[i], isTarget, coreach, longest, next, colour)) {
                    return false;
                }
                long v = longest[su[i]] + (la[i] < 0 ? 1 : 0);
                if (v > longest[s]) {
                    longest[s] = v;
                    next[s] = i;
                }
            }
        }
        colour[s] = 2;
        return true;
    }

    private static TimedRun pathRun(Graph g, int s, int[] pred) {
        List<Integer> path = new ArrayList<>();
        for (int cur = s; cur >= 0; cur = pred[cur]) {
            path.add(0, cur);
        }
        List<TimedRun.Step> steps = new ArrayList<>();
        long ticks = 0;
        for (int i = 0; i + 1 < path.size(); i++) {
            int from = path.get(i);
            int to = path.get(i + 1);
            int[] su = g.successors(from);
            int label = -1;
            for (int k = 0; k < su.length; k++) {
                if (su[k] == to) {
                    label = g.edgeTransitions(from)[k];
                    if (label >= 0) {
                        break;
                    }
                }
            }
            if (label < 0) {
                ticks++;
            } else {
                steps.add(new TimedRun.Step(label, new BigFraction(ticks).divide(g.net.scale)));
            }
        }
        return new TimedRun(steps);
    }
}
