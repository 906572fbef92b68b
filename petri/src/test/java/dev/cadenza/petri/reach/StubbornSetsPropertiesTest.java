package dev.cadenza.petri.reach;

import dev.cadenza.petri.Arc;
import dev.cadenza.petri.ArcKind;
import dev.cadenza.petri.PetriNet;
import dev.cadenza.petri.Transition;
import dev.cadenza.petri.query.CompiledPredicate;
import dev.cadenza.petri.query.NameResolver;
import dev.cadenza.petri.query.PredicateParser;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Stubborn sets against the full marking graph ({@link NaiveExplorer}) on random nets with
 * weights, read and inhibitor arcs, alone and as products of two or three such nets sharing a
 * few read and inhibitor arcs (where the reduction has something to reduce): the reduced graph
 * has exactly the full graph's deadlocks, finds a target exactly when one is reachable, and its
 * paths replay on the full net.
 */
class StubbornSetsPropertiesTest {

    private static final int CAP = 4000;

    @Property(tries = 1500, maxDiscardRatio = 20)
    void sameDeadlocksAsTheFullGraph(@ForAll("products") PetriNet net) {
        NaiveExplorer full = new NaiveExplorer(net, CAP);
        Assume.that(full.complete);
        Set<List<Long>> fullDead = new HashSet<>();
        for (List<Long> m : full.reached.keySet()) {
            if (isDead(net, m)) {
                fullDead.add(m);
            }
        }
        MarkingGraph reduced = new MarkingGraphExplorer(net).stubborn(true).explore();
        assertTrue(reduced.statistics().complete());
        Set<List<Long>> reducedDead = new HashSet<>();
        for (int s = 0; s < reduced.size(); s++) {
            List<Long> m = NaiveExplorer.toList(reduced.marking(s));
            assertTrue(full.reached.containsKey(m), "a reduced marking is reachable");
            if (isDead(net, m)) {
                reducedDead.add(m);
            }
        }
        assertEquals(fullDead, reducedDead, "the deadlocks");
        assertEquals(fullDead.size(), reduced.statistics().dead(), "dead count");
        Statistics.label("reduced/full").collect(reduced.size() == full.markings ? "same"
                : reduced.size() * 2 <= full.markings ? "half or less" : "smaller");
    }

    /** Single comparisons, where the direction each must move in is all the interest set says. */
    @Property(tries = 1500, maxDiscardRatio = 20)
    void findsAComparisonExactlyWhenOneIsReachable(@ForAll("products") PetriNet net, @ForAll("seeds") long seed) {
        java.util.Random r = new java.util.Random(seed);
        int places = net.placeCount();
        String text = switch (r.nextInt(4)) {
            case 0 -> "p" + r.nextInt(places) + " >= " + (1 + r.nextInt(3));
            case 1 -> "p" + r.nextInt(places) + " + p" + r.nextInt(places) + " > " + (1 + r.nextInt(3));
            case 2 -> "p" + r.nextInt(places) + " - p" + r.nextInt(places) + " < 0";
            default -> "p" + r.nextInt(places) + " = " + r.nextInt(2);
        };
        sameTarget(net, text);
    }

    @Property(tries = 1000, maxDiscardRatio = 20)
    void findsATargetExactlyWhenOneIsReachable(@ForAll("products") PetriNet net, @ForAll("seeds") long seed) {
        sameTarget(net, predicate(net.placeCount(), new java.util.Random(seed), 2));
    }

    private static void sameTarget(PetriNet net, String text) {
        NaiveExplorer full = new NaiveExplorer(net, CAP);
        Assume.that(full.complete);
        CompiledPredicate target = PredicateParser.parse(text).compile(NameResolver.of(net));
        boolean reachable = false;
        int depth = Integer.MAX_VALUE;
        for (Map.Entry<List<Long>, Integer> e : full.reached.entrySet()) {
            if (target.test(array(e.getKey()), isDead(net, e.getKey()))) {
                reachable = true;
                depth = Math.min(depth, e.getValue());
            }
        }
        MarkingGraph g = new MarkingGraphExplorer(net).target(target).stubborn(true).explore();
        assertEquals(reachable, g.target().isPresent(), text);
        MarkingGraph plain = new MarkingGraphExplorer(net).target(target).explore();
        assertEquals(reachable, plain.target().isPresent(), text + " (no reduction)");
        Statistics.label("reachable").collect(reachable);
        if (!reachable) {
            assertTrue(g.statistics().complete());
            return;
        }
        assertEquals(depth, plain.pathTo(plain.target().get()).length, "breadth-first: the shortest without reduction");
        List<Long> m = NaiveExplorer.toList(net.initialMarking());
        for (int t : g.pathTo(g.target().get())) {
            assertTrue(NaiveExplorer.enabled(net.transition(t), m), "a step of the path is enabled");
            m = NaiveExplorer.fire(net.transition(t), m);
        }
        assertTrue(target.test(array(m), isDead(net, m)), "the path ends where the target holds: " + text);
    }

    private static boolean isDead(PetriNet net, List<Long> m) {
        for (Transition t : net.transitions()) {
            if (NaiveExplorer.enabled(t, m)) {
                return false;
            }
        }
        return true;
    }

    private static long[] array(List<Long> m) {
        long[] a = new long[m.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = m.get(i);
        }
        return a;
    }

    /** A random predicate over places p0…: comparisons, dead, and/or/not. */
    static String predicate(int places, java.util.Random r, int depth) {
        int k = depth == 0 ? r.nextInt(5) : r.nextInt(8);
        return switch (k) {
            case 0, 1 -> "p" + r.nextInt(places) + " >= " + (1 + r.nextInt(2));
            case 2 -> "p" + r.nextInt(places) + " = " + r.nextInt(2);
            case 3 -> "p" + r.nextInt(places) + " + p" + r.nextInt(places) + " <= " + r.nextInt(3);
            case 4 -> "dead";
            case 5 -> "(" + predicate(places, r, depth - 1) + ") and (" + predicate(places, r, depth - 1) + ")";
            case 6 -> "(" + predicate(places, r, depth - 1) + ") or (" + predicate(places, r, depth - 1) + ")";
            default -> "not (" + predicate(places, r, depth - 1) + ")";
        };
    }

    @Provide
    Arbitrary<Long> seeds() {
        return Arbitraries.longs();
    }

    /**
     * One to three random nets side by side (places renumbered), with up to three read or
     * inhibitor arcs from a transition of one to a place of another: independent parts that
     * interleave, with some coupling.
     */
    @Provide
    Arbitrary<PetriNet> products() {
        Arbitrary<PetriNet> one = new MarkingGraphPropertiesTest().nets();
        return Combinators.combine(one.list().ofMinSize(1).ofMaxSize(3), Arbitraries.longs())
                .as(StubbornSetsPropertiesTest::product);
    }

    static PetriNet product(List<PetriNet> parts, long seed) {
        java.util.Random r = new java.util.Random(seed);
        PetriNet.Builder b = PetriNet.builder("product");
        List<List<Arc>> inputs = new ArrayList<>();
        List<List<Arc>> outputs = new ArrayList<>();
        List<Transition> originals = new ArrayList<>();
        int offset = 0;
        for (PetriNet part : parts) {
            for (int p = 0; p < part.placeCount(); p++) {
                b.place("p" + (offset + p), part.place(p).initialTokens());
            }
            for (Transition t : part.transitions()) {
                List<Arc> in = new ArrayList<>();
                for (Arc a : t.inputs()) {
                    in.add(new Arc(a.place() + offset, a.weight(), a.kind()));
                }
                List<Arc> out = new ArrayList<>();
                for (Arc a : t.outputs()) {
                    out.add(new Arc(a.place() + offset, a.weight(), a.kind()));
                }
                inputs.add(in);
                outputs.add(out);
                originals.add(t);
            }
            offset += part.placeCount();
        }
        int places = offset;
        int couplings = parts.size() == 1 ? 0 : r.nextInt(4);
        for (int c = 0; c < couplings; c++) {
            int t = r.nextInt(inputs.size());
            int p = r.nextInt(places);
            List<Arc> in = inputs.get(t);
            if (in.stream().anyMatch(a -> a.place() == p)) {
                continue;
            }
            in.add(new Arc(p, 1 + r.nextInt(2), r.nextBoolean() ? ArcKind.READ : ArcKind.INHIBITOR));
        }
        for (int t = 0; t < inputs.size(); t++) {
            b.transition(new Transition("t" + t, null, originals.get(t).interval(), inputs.get(t), outputs.get(t)));
        }
        return b.build();
    }
}
