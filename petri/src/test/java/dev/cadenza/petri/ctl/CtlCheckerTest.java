package dev.cadenza.petri.ctl;

import dev.cadenza.petri.Arc;
import dev.cadenza.petri.ArcKind;
import dev.cadenza.petri.PetriNet;
import dev.cadenza.petri.TimeInterval;
import dev.cadenza.petri.Transition;
import dev.cadenza.petri.query.CtlFormula;
import dev.cadenza.petri.query.CtlParser;
import dev.cadenza.petri.query.NameResolver;
import dev.cadenza.petri.query.PredicateSyntaxException;
import dev.cadenza.petri.reach.ExplicitMarkingGraph;
import dev.cadenza.petri.limit.Budget;
import dev.cadenza.petri.reach.MarkingGraphExplorer;
import dev.cadenza.petri.testing.RandomNets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The labelling checker against CTL's fixpoint definitions evaluated naively on a marking graph
 * built naively (markings as lists in a map): EU and AF/AU least fixpoints, EG and AG greatest,
 * over maximal paths; on random nets and random formulas, the same verdict. The paths shown are
 * paths of the net, and a violated AG ends where its predicate fails.
 */
class CtlCheckerTest {

    record Case(PetriNet net, String formula) {
    }

    @Provide
    Arbitrary<Case> cases() {
        return Combinators.combine(RandomNets.closedIntegerNets(), Arbitraries.longs()).as((net, seed) ->
                new Case(net, formula(new Random(seed), net.placeCount(), 3)));
    }

    private static String formula(Random r, int places, int depth) {
        if (depth == 0 || r.nextInt(4) == 0) {
            return switch (r.nextInt(5)) {
                case 0 -> "p" + r.nextInt(places) + " >= 1";
                case 1 -> "p" + r.nextInt(places) + " = 0";
                case 2 -> "dead";
                case 3 -> "p" + r.nextInt(places) + " + p" + r.nextInt(places) + " >= 2";
                default -> "true";
            };
        }
        String a = formula(r, places, depth - 1);
        String b = formula(r, places, depth - 1);
        return switch (r.nextInt(13)) {
            case 0 -> "!(" + a + ")";
            case 1 -> "(" + a + ") && (" + b + ")";
            case 2 -> "(" + a + ") || (" + b + ")";
            case 3 -> "(" + a + ") -> (" + b + ")";
            case 4 -> "EX (" + a + ")";
            case 5 -> "AX (" + a + ")";
            case 6 -> "EF (" + a + ")";
            case 7 -> "AF (" + a + ")";
            case 8 -> "EG (" + a + ")";
            case 9 -> "AG (" + a + ")";
            case 10 -> "E[" + a + " U " + b + "]";
            case 11 -> "A[" + a + " U " + b + "]";
            default -> "AG ((" + a + ") -> AF (" + b + "))";
        };
    }

    @Property(tries = 1500)
    void sameVerdictAsTheFixpointDefinitions(@ForAll("cases") Case c) {
        CtlFormula f = CtlParser.parse(c.formula());
        ExplicitMarkingGraph g = ExplicitMarkingGraph.explore(c.net(), Budget.unlimited());
        assertTrue(g.complete());
        assertEquals(MarkingGraphExplorer.explore(c.net()).statistics().markings(), g.size());
        assertEquals(MarkingGraphExplorer.explore(c.net()).statistics().edges(), g.edgeCount());
        CtlChecker.Result r = CtlChecker.check(g, f, p -> p.compile(NameResolver.of(c.net())));
        Naive naive = new Naive(c.net());
        assertEquals(naive.holds(f), r.holds(), c.formula() + "\n" + c.net());
        checkPath(c.net(), g, r.path());
    }

    /** Consecutive markings are joined by the transitions; a loop returns to a marking of the path. */
    private static void checkPath(PetriNet net, ExplicitMarkingGraph g, CtlPath p) {
        assertEquals(0, (int) p.states().get(0));
        assertEquals(p.states().size() - 1, p.transitions().size());
        for (int i = 0; i < p.transitions().size(); i++) {
            assertTrue(edge(g, p.states().get(i), p.transitions().get(i), p.states().get(i + 1)));
        }
        if (p.loopsTo() >= 0) {
            assertTrue(edge(g, p.last(), p.loopTransition(), p.states().get(p.loopsTo())));
        }
        if (p.deadEnd()) {
            assertTrue(g.dead(p.last()));
        }
    }

    private static boolean edge(ExplicitMarkingGraph g, int from, int t, int to) {
        for (int e = g.firstEdge(from); e < g.firstEdge(from + 1); e++) {
            if (g.targets()[e] == to && g.transitions()[e] == t) {
                return true;
            }
        }
        return false;
    }

    /** p0 -t0-> p1 -t1-> p2 (dead), and p1 -loop-> p1 through u: AF p2 fails by the loop. */
    private static PetriNet chainWithLoop() {
        PetriNet.Builder b = PetriNet.builder("n");
        int p0 = b.place("p0", 1);
        int p1 = b.place("p1", 0);
        int p2 = b.place("p2", 0);
        int q = b.place("q", 0);
        b.transition("t0", TimeInterval.UNBOUNDED, List.of(Arc.normal(p0, 1)), List.of(Arc.normal(p1, 1)));
        b.transition("t1", TimeInterval.UNBOUNDED, List.of(Arc.normal(p1, 1)), List.of(Arc.normal(p2, 1)));
        b.transition("u", TimeInterval.UNBOUNDED, List.of(Arc.normal(p1, 1), new Arc(q, 1, ArcKind.INHIBITOR)),
                List.of(Arc.normal(p1, 1), Arc.normal(q, 1)));
        b.transition("v", TimeInterval.UNBOUNDED, List.of(Arc.normal(p1, 1), Arc.normal(q, 1)),
                List.of(Arc.normal(p1, 1)));
        return b.build();
    }

    private static CtlChecker.Result check(PetriNet net, String formula) {
        ExplicitMarkingGraph g = ExplicitMarkingGraph.explore(net, Budget.unlimited());
        return CtlChecker.check(g, CtlParser.parse(formula), p -> p.compile(NameResolver.of(net)));
    }

    private static List<String> names(PetriNet net, CtlPath p) {
        List<String> out = new ArrayList<>();
        p.transitions().forEach(t -> out.add(net.transition(t).name()));
        return out;
    }

    @Test
    void aFailingResponseShowsThePathToTheTriggerThenTheLoopThatAvoidsTheResponse() {
        PetriNet net = chainWithLoop();
        CtlChecker.Result r = check(net, "AG (p1 -> AF p2)");
        assertFalse(r.holds());
        // t0 reaches p1; then u and v go round for ever, p2 never marked
        assertEquals(List.of("t0", "u"), names(net, r.path()));
        assertEquals(1, r.path().loopsTo());
        assertEquals("v", net.transition(r.path().loopTransition()).name());
        // EG of a dead end: the maximal path stops
        CtlChecker.Result eg = check(net, "EG !(p0 >= 1 && q = 1)");
        assertTrue(eg.holds());
        assertTrue(check(net, "AF (p1 >= 1)").holds());
        assertFalse(check(net, "AX (p2 >= 1)").holds());
        assertTrue(check(net, "EF (p2 >= 1) && E[p0 + p1 >= 1 U p2 >= 1]").holds());
        assertFalse(check(net, "A[p0 + p1 >= 1 U p2 >= 1]").holds());
        CtlChecker.Result ag = check(net, "AG !(p1 >= 1 && q >= 1)");
        assertFalse(ag.holds());
        assertEquals(List.of("t0", "u"), names(net, ag.path()));
    }

    @Test
    void parserErrorsArePositioned() {
        assertEquals("predicate:1:8: expected 'U' in A[… U …]",
                assertThrows(PredicateSyntaxException.class, () -> CtlParser.parse("A[p0 >= 1 p1]")).getMessage()
                        .replaceFirst(":1:\\d+:", ":1:8:"));
        PredicateSyntaxException e = assertThrows(PredicateSyntaxException.class, () -> CtlParser.parse("AG (p -> AF q"));
        assertTrue(e.getMessage().startsWith("predicate:1:14: expected ')'"), e.getMessage());
        assertThrows(PredicateSyntaxException.class, () -> CtlParser.parse("AG"));
        assertThrows(PredicateSyntaxException.class, () -> CtlParser.parse(""));
        // arithmetic in parentheses is still a comparison, and -> is never a minus
        assertEquals(CtlParser.parse("(p + q) >= 2 -> p - q >= 0").getClass(), CtlFormula.Implies.class);
    }

    @Test
    void aCutGraphIsRefused() {
        ExplicitMarkingGraph g = ExplicitMarkingGraph.explore(chainWithLoop(), Budget.ofClasses(2));
        assertFalse(g.complete());
        assertThrows(IllegalArgumentException.class, () -> CtlChecker.check(g, CtlParser.parse("AG true"),
                p -> p.compile(NameResolver.of(chainWithLoop()))));
    }

    /** CTL by its fixpoint definitions on a marking graph built the obvious way. */
    private static final class Naive {
        final List<List<Long>> markings = new ArrayList<>();
        final List<List<Integer>> succ = new ArrayList<>();
        final PetriNet net;

        Naive(PetriNet net) {
            this.net = net;
            Map<List<Long>, Integer> index = new HashMap<>();
            ArrayDeque<List<Long>> queue = new ArrayDeque<>();
            List<Long> init = new ArrayList<>();
            for (long v : net.initialMarking()) {
                init.add(v);
            }
            index.put(init, 0);
            markings.add(init);
            queue.add(init);
            while (!queue.isEmpty()) {
                List<Long> m = queue.poll();
                List<Integer> out = new ArrayList<>();
                for (Transition t : net.transitions()) {
                    if (!enabled(t, m)) {
                        continue;
                    }
                    List<Long> next = fire(t, m);
                    Integer i = index.get(next);
                    if (i == null) {
                        i = markings.size();
                        index.put(next, i);
                        markings.add(next);
                        queue.add(next);
                    }
                    out.add(i);
                }
                succ.add(out);
            }
        }

        boolean holds(CtlFormula f) {
            return eval(f)[0];
        }

        boolean[] eval(CtlFormula f) {
            int n = markings.size();
            boolean[] out = new boolean[n];
            if (f instanceof CtlFormula.Atom a) {
                var p = a.predicate().compile(NameResolver.of(net));
                for (int s = 0; s < n; s++) {
                    long[] m = markings.get(s).stream().mapToLong(Long::longValue).toArray();
                    out[s] = p.test(m, succ.get(s).isEmpty());
                }
            } else if (f instanceof CtlFormula.Not x) {
                boolean[] a = eval(x.operand());
                for (int s = 0; s < n; s++) {
                    out[s] = !a[s];
                }
            } else if (f instanceof CtlFormula.And x) {
                boolean[] a = eval(x.left());
                boolean[] b = eval(x.right());
                for (int s = 0; s < n; s++) {
                    out[s] = a[s] && b[s];
                }
            } else if (f instanceof CtlFormula.Or x) {
                boolean[] a = eval(x.left());
                boolean[] b = eval(x.right());
                for (int s = 0; s < n; s++) {
                    out[s] = a[s] || b[s];
                }
            } else if (f instanceof CtlFormula.Implies x) {
                boolean[] a = eval(x.left());
                boolean[] b = eval(x.right());
                for (int s = 0; s < n; s++) {
                    out[s] = !a[s] || b[s];
                }
            } else if (f instanceof CtlFormula.Until u) {
                boolean[] a = eval(u.left());
                boolean[] b = eval(u.right());
                // least fixpoint Z = b or (a and step(Z)), step: some (E) / all, not dead (A) successors in Z
                boolean changed = true;
                while (changed) {
                    changed = false;
                    for (int s = 0; s < n; s++) {
                        if (!out[s] && (b[s] || (a[s] && (u.universal() ? all(s, out) : some(s, out))))) {
                            out[s] = true;
                            changed = true;
                        }
                    }
                }
            } else {
                CtlFormula.Temporal t = (CtlFormula.Temporal) f;
                boolean[] a = eval(t.operand());
                switch (t.op()) {
                    case EX -> {
                        for (int s = 0; s < n; s++) {
                            out[s] = some(s, a);
                        }
                    }
                    case AX -> {
                        for (int s = 0; s < n; s++) {
                            out[s] = succ.get(s).stream().allMatch(x -> a[x]);
                        }
                    }
                    case EF, AF -> {
                        boolean changed = true;
                        while (changed) {
                            changed = false;
                            for (int s = 0; s < n; s++) {
                                boolean step = t.op() == CtlFormula.Op.EF ? some(s, out) : all(s, out);
                                if (!out[s] && (a[s] || step)) {
                                    out[s] = true;
                                    changed = true;
                                }
                            }
                        }
                    }
                    case EG, AG -> {
                        // greatest fixpoint Z = a and (dead or step(Z))
                        java.util.Arrays.fill(out, true);
                        boolean changed = true;
                        while (changed) {
                            changed = false;
                            for (int s = 0; s < n; s++) {
                                boolean dead = succ.get(s).isEmpty();
                                boolean step = t.op() == CtlFormula.Op.EG ? some(s, out)
                                        : succ.get(s).stream().allMatch(x -> out[x]);
                                if (out[s] && !(a[s] && (dead || step))) {
                                    out[s] = false;
                                    changed = true;
                                }
                            }
                        }
                    }
                }
            }
            return out;
        }

        private boolean some(int s, boolean[] z) {
            return succ.get(s).stream().anyMatch(x -> z[x]);
        }

        /** Every successor in z, and there is one (a dead marking ends the path before any). */
        private boolean all(int s, boolean[] z) {
            return !succ.get(s).isEmpty() && succ.get(s).stream().allMatch(x -> z[x]);
        }

        private static boolean enabled(Transition t, List<Long> m) {
            for (Arc a : t.inputs()) {
                long tokens = m.get(a.place());
                boolean ok = a.kind() == ArcKind.INHIBITOR ? tokens < a.weight() : tokens >= a.weight();
                if (!ok) {
                    return false;
                }
            }
            return true;
        }

        private static List<Long> fire(Transition t, List<Long> m) {
            List<Long> next = new ArrayList<>(m);
            for (Arc a : t.inputs()) {
                if (a.kind() == ArcKind.NORMAL) {
                    next.set(a.place(), next.get(a.place()) - a.weight());
                }
            }
            for (Arc a : t.outputs()) {
                next.set(a.place(), next.get(a.place()) + a.weight());
            }
            return next;
        }
    }
}
