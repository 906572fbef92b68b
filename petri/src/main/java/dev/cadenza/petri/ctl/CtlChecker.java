package dev.cadenza.petri.ctl;

import dev.cadenza.petri.query.CompiledPredicate;
import dev.cadenza.petri.query.CtlFormula;
import dev.cadenza.petri.query.Predicate;
import dev.cadenza.petri.reach.ExplicitMarkingGraph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Decides a CTL formula on a complete marking graph by the classic labelling algorithm: the set
 * of markings satisfying each subformula, bottom up. EX by predecessors, E[φ U ψ] by a backward
 * search from ψ through φ, EG φ as the greatest set Z of φ-markings in which each marking is dead
 * or has a successor in Z (removing, backwards, markings whose successors in Z run out), the
 * rest by duality: AX φ = ¬EX¬φ, EF φ = E[true U φ], AG φ = ¬EF¬φ, AF φ = ¬EG¬φ,
 * A[φ U ψ] = ¬(E[¬ψ U (¬φ ∧ ¬ψ)] ∨ EG ¬ψ). Paths are maximal: infinite, or ending in a dead
 * marking (which has no successor). Each step is linear in the graph, the whole in its size times
 * the formula's. Exact on the complete graph: nothing is approximated; the caller refuses a cut one.
 *
 * <p>The verdict is the formula's truth in the initial marking. A path shows why: for a violation
 * the path along which the negation holds (to a marking where an AG fails, a lasso or dead end of
 * EG ¬ψ for a failing AF ψ, …), for an existential formula that holds the path that satisfies it;
 * nested formulas chain their paths ({@code AG (p -> AF q)} violated: to a p marking, then on
 * along a path avoiding q forever).
 */
public final class CtlChecker {

    private final ExplicitMarkingGraph g;
    private final int n;
    private final Function<Predicate, CompiledPredicate> compile;
    private final Map<CtlFormula, BitSet> sat = new HashMap<>();
    private int[] predStart;
    private int[] pred;

    private CtlChecker(ExplicitMarkingGraph g, Function<Predicate, CompiledPredicate> compile) {
        if (!g.complete()) {
            throw new IllegalArgumentException("CTL needs the whole marking graph; this one was cut: "
                    + g.stopReason());
        }
        this.g = g;
        this.n = g.size();
        this.compile = compile;
    }

    /** The verdict, with the path that shows it (trivial when a single marking does). */
    public record Result(boolean holds, CtlPath path) {
    }

    /** {@code compile} resolves an atom's names against the graph's net. */
    public static Result check(ExplicitMarkingGraph g, CtlFormula f, Function<Predicate, CompiledPredicate> compile) {
        CtlChecker c = new CtlChecker(g, compile);
        boolean holds = c.sat(f).get(0);
        Builder path = new Builder(0);
        if (holds) {
            c.witness(f, path);
        } else {
            c.counter(f, path);
        }
        return new Result(holds, path.build(c.g));
    }

    // ---- labelling

    BitSet sat(CtlFormula f) {
        BitSet s = sat.get(f);
        if (s == null) {
            s = compute(f);
            sat.put(f, s);
        }
        return s;
    }

    private BitSet compute(CtlFormula f) {
        if (f instanceof CtlFormula.Atom a) {
            CompiledPredicate p = compile.apply(a.predicate());
            BitSet out = new BitSet(n);
            for (int s = 0; s < n; s++) {
                if (p.test(g.marking(s), g.dead(s))) {
                    out.set(s);
                }
            }
            return out;
        } else if (f instanceof CtlFormula.Not x) {
            return not(sat(x.operand()));
        } else if (f instanceof CtlFormula.And x) {
            BitSet out = (BitSet) sat(x.left()).clone();
            out.and(sat(x.right()));
            return out;
        } else if (f instanceof CtlFormula.Or x) {
            BitSet out = (BitSet) sat(x.left()).clone();
            out.or(sat(x.right()));
            return out;
        } else if (f instanceof CtlFormula.Implies x) {
            BitSet out = not(sat(x.left()));
            out.or(sat(x.right()));
            return out;
        } else if (f instanceof CtlFormula.Until u) {
            if (!u.universal()) {
                return eu(sat(u.left()), sat(u.right()));
            }
            BitSet notRight = not(sat(u.right()));
            BitSet stuck = (BitSet) not(sat(u.left())).clone();
            stuck.and(notRight);
            BitSet bad = eu(notRight, stuck);
            bad.or(eg(notRight));
            return not(bad);
        }
        CtlFormula.Temporal t = (CtlFormula.Temporal) f;
        BitSet x = sat(t.operand());
        return switch (t.op()) {
            case EX -> ex(x);
            case AX -> not(ex(not(x)));
            case EF -> eu(all(), x);
            case AG -> not(eu(all(), not(x)));
            case EG -> eg(x);
            case AF -> not(eg(not(x)));
        };
    }

    private BitSet all() {
        BitSet b = new BitSet(n);
        b.set(0, n);
        return b;
    }

    private BitSet not(BitSet x) {
        BitSet b = all();
        b.andNot(x);
        return b;
    }

    private void predecessors() {
        if (pred != null) {
            return;
        }
        int[] targets = g.targets();
        int edges = g.edgeCount();
        predStart = new int[n + 1];
        for (int e = 0; e < edges; e++) {
            predStart[targets[e] + 1]++;
        }
        for (int s = 0; s < n; s++) {
            predStart[s + 1] += predStart[s];
        }
        pred = new int[edges];
        int[] fill = predStart.clone();
        for (int s = 0; s < n; s++) {
            for (int e = g.firstEdge(s); e < g.firstEdge(s + 1); e++) {
                pred[fill[targets[e]]++] = s;
            }
        }
    }

    private BitSet ex(BitSet x) {
        BitSet out = new BitSet(n);
        int[] targets = g.targets();
        for (int s = 0; s < n; s++) {
            for (int e = g.firstEdge(s); e < g.firstEdge(s + 1); e++) {
                if (x.get(targets[e])) {
                    out.set(s);
                    break;
                }
            }
        }
        return out;
    }

    /** E[a U b]: backwards from b through a. */
    private BitSet eu(BitSet a, BitSet b) {
        predecessors();
        BitSet out = (BitSet) b.clone();
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int s = b.nextSetBit(0); s >= 0; s = b.nextSetBit(s + 1)) {
            queue.add(s);
        }
        while (!queue.isEmpty()) {
            int s = queue.poll();
            for (int i = predStart[s]; i < predStart[s + 1]; i++) {
                int p = pred[i];
                if (!out.get(p) && a.get(p)) {
                    out.set(p);
                    queue.add(p);
                }
            }
        }
        return out;
    }

    /**
     * EG a over maximal paths: the greatest Z ⊆ a where every marking is dead or has a successor
     * in Z. Count each a-marking's successors in a; remove those with none (unless dead), and
     * propagate backwards.
     */
    private BitSet eg(BitSet a) {
        predecessors();
        int[] targets = g.targets();
        int[] count = new int[n];
        BitSet z = (BitSet) a.clone();
        ArrayDeque<Integer> removed = new ArrayDeque<>();
        for (int s = a.nextSetBit(0); s >= 0; s = a.nextSetBit(s + 1)) {
            if (g.dead(s)) {
                continue;
            }
            for (int e = g.firstEdge(s); e < g.firstEdge(s + 1); e++) {
                if (a.get(targets[e])) {
                    count[s]++;
                }
            }
            if (count[s] == 0) {
                z.clear(s);
                removed.add(s);
            }
        }
        while (!removed.isEmpty()) {
            int s = removed.poll();
            for (int i = predStart[s]; i < predStart[s + 1]; i++) {
                int p = pred[i];
                if (z.get(p) && !g.dead(p) && --count[p] == 0) {
                    z.clear(p);
                    removed.add(p);
                }
            }
        }
        return z;
    }

    // ---- paths: witnesses of f (it holds at the path's end) and of not f

    /** Extends {@code path} (which ends where f holds) along a path showing f; stops at a loop or dead end. */
    private void witness(CtlFormula f, Builder path) {
        int s = path.last();
        if (path.closed()) {
            return;
        }
        if (f instanceof CtlFormula.Not x) {
            counter(x.operand(), path);
        } else if (f instanceof CtlFormula.And x) {
            witness(x.left(), path);
            if (path.last() == s && !path.closed()) {
                witness(x.right(), path);
            }
        } else if (f instanceof CtlFormula.Or x) {
            witness(sat(x.left()).get(s) ? x.left() : x.right(), path);
        } else if (f instanceof CtlFormula.Implies x) {
            if (!sat(x.left()).get(s)) {
                counter(x.left(), path);
            } else {
                witness(x.right(), path);
            }
        } else if (f instanceof CtlFormula.Until u && !u.universal()) {
            toward(sat(u.left()), sat(u.right()), path);
            witness(u.right(), path);
        } else if (f instanceof CtlFormula.Temporal t) {
            BitSet x = sat(t.operand());
            switch (t.op()) {
                case EX -> {
                    step(s, x, path);
                    witness(t.operand(), path);
                }
                case EF -> {
                    toward(all(), x, path);
                    witness(t.operand(), path);
                }
                case EG -> lasso(sat(f), path);
                default -> {
                    // universal: holds on every path; no single path says more than the marking
                }
            }
        }
    }

    /** Extends {@code path} (which ends where f fails) along a path showing that f fails. */
    private void counter(CtlFormula f, Builder path) {
        int s = path.last();
        if (path.closed()) {
            return;
        }
        if (f instanceof CtlFormula.Not x) {
            witness(x.operand(), path);
        } else if (f instanceof CtlFormula.And x) {
            counter(sat(x.left()).get(s) ? x.right() : x.left(), path);
        } else if (f instanceof CtlFormula.Or x) {
            counter(x.left(), path);
            if (path.last() == s && !path.closed()) {
                counter(x.right(), path);
            }
        } else if (f instanceof CtlFormula.Implies x) {
            // left holds, right fails: the right's failure is what to show
            counter(x.right(), path);
        } else if (f instanceof CtlFormula.Until u && u.universal()) {
            BitSet notRight = not(sat(u.right()));
            BitSet stuck = not(sat(u.left()));
            stuck.and(notRight);
            if (eu(notRight, stuck).get(s)) {
                toward(notRight, stuck, path);
            } else {
                lasso(eg(notRight), path);
            }
        } else if (f instanceof CtlFormula.Temporal t) {
            BitSet notX = not(sat(t.operand()));
            switch (t.op()) {
                case AX -> {
                    step(s, notX, path);
                    counter(t.operand(), path);
                }
                case AG -> {
                    toward(all(), notX, path);
                    counter(t.operand(), path);
                }
                case AF -> lasso(eg(notX), path);
                default -> {
                    // existential failing: no path at all does it; nothing to show
                }
            }
        }
    }

    /** One step from s into x. */
    private void step(int s, BitSet x, Builder path) {
        int[] targets = g.targets();
        for (int e = g.firstEdge(s); e < g.firstEdge(s + 1); e++) {
            if (x.get(targets[e])) {
                path.add(g.transitions()[e], targets[e]);
                return;
            }
        }
        throw new IllegalStateException("no successor in the set");
    }

    /** A shortest path from the path's end, through {@code through}, to a marking of {@code to}. */
    private void toward(BitSet through, BitSet to, Builder path) {
        int from = path.last();
        if (to.get(from)) {
            return;
        }
        int[] back = new int[n];
        int[] backVia = new int[n];
        java.util.Arrays.fill(back, -2);
        back[from] = -1;
        ArrayDeque<Integer> queue = new ArrayDeque<>(List.of(from));
        int[] targets = g.targets();
        int found = -1;
        while (!queue.isEmpty() && found < 0) {
            int s = queue.poll();
            for (int e = g.firstEdge(s); e < g.firstEdge(s + 1); e++) {
                int t = targets[e];
                if (back[t] != -2 || !(through.get(t) || to.get(t))) {
                    continue;
                }
                back[t] = s;
                backVia[t] = g.transitions()[e];
                if (to.get(t)) {
                    found = t;
                    break;
                }
                queue.add(t);
            }
        }
        if (found < 0) {
            throw new IllegalStateException("no path to the set");
        }
        List<int[]> steps = new ArrayList<>();
        for (int t = found; t != from; t = back[t]) {
            steps.add(new int[] {backVia[t], t});
        }
        for (int i = steps.size() - 1; i >= 0; i--) {
            path.add(steps.get(i)[0], steps.get(i)[1]);
        }
    }

    /** Stays in z (every marking of z is dead or has a successor in z) until a dead marking or a repeat. */
    private void lasso(BitSet z, Builder path) {
        int[] targets = g.targets();
        while (!path.closed()) {
            int s = path.last();
            if (g.dead(s)) {
                path.deadEnd();
                return;
            }
            int next = -1;
            int t = -1;
            // prefer a marking not on the path yet: the loop closes as late as the path allows
            for (int e = g.firstEdge(s); e < g.firstEdge(s + 1); e++) {
                if (z.get(targets[e])) {
                    if (next < 0 || (path.contains(next) && !path.contains(targets[e]))) {
                        next = targets[e];
                        t = g.transitions()[e];
                    }
                }
            }
            if (next < 0) {
                throw new IllegalStateException("EG set left");
            }
            if (path.contains(next)) {
                path.loop(t, next);
                return;
            }
            path.add(t, next);
        }
    }

    /** A path being put together. */
    private static final class Builder {
        final List<Integer> states = new ArrayList<>();
        final List<Integer> transitions = new ArrayList<>();
        final Map<Integer, Integer> index = new HashMap<>();
        int loopsTo = -1;
        int loopTransition = -1;
        boolean deadEnd;

        Builder(int start) {
            states.add(start);
            index.put(start, 0);
        }

        int last() {
            return states.get(states.size() - 1);
        }

        boolean closed() {
            return loopsTo >= 0 || deadEnd;
        }

        boolean contains(int s) {
            return index.containsKey(s);
        }

        void add(int transition, int s) {
            transitions.add(transition);
            states.add(s);
            index.putIfAbsent(s, states.size() - 1);
        }

        void loop(int transition, int s) {
            loopTransition = transition;
            loopsTo = index.get(s);
        }

        void deadEnd() {
            deadEnd = true;
        }

        CtlPath build(ExplicitMarkingGraph g) {
            boolean dead = deadEnd || (loopsTo < 0 && g.dead(last()));
            return new CtlPath(states, transitions, loopsTo, loopTransition, dead);
        }
    }
}
