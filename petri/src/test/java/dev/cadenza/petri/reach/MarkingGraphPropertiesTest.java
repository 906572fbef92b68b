package dev.cadenza.petri.reach;

import dev.cadenza.petri.limit.Budget;
import dev.cadenza.petri.limit.Limit;
import dev.cadenza.petri.Arc;
import dev.cadenza.petri.ArcKind;
import dev.cadenza.petri.PetriNet;
import dev.cadenza.petri.TimeInterval;
import dev.cadenza.petri.Transition;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The explorer against {@link NaiveExplorer} on random small P/T nets with read and inhibitor arcs. */
class MarkingGraphPropertiesTest {

    private static final int CAP = 3000;

    @Property(tries = 500, maxDiscardRatio = 20)
    void sameGraphAsTheNaiveExplorer(@ForAll("nets") PetriNet net) {
        NaiveExplorer naive = new NaiveExplorer(net, CAP);
        Assume.that(naive.complete);
        Statistics.label("markings").collect(naive.markings < 3 ? "1-2" : naive.markings < 20 ? "3-19" : naive.markings < 200 ? "20-199" : "200+");
        ExplorationStatistics s = MarkingGraphExplorer.explore(net).statistics();
        assertTrue(s.complete());
        assertEquals(naive.markings, s.markings(), "markings");
        assertEquals(naive.edges, s.edges(), "edges");
        assertEquals(naive.dead, s.dead(), "dead");
        // Guards re-filed early, after 3 markings: any tested place is a correct guard.
        s = new MarkingGraphExplorer(net).guardSample(3).explore().statistics();
        assertEquals(naive.markings, s.markings(), "markings");
        assertEquals(naive.edges, s.edges(), "edges");
        assertEquals(naive.dead, s.dead(), "dead");
        assertEquals(naive.maxTokens, s.maxTokens(), "max tokens");
    }

    @Property(tries = 300, maxDiscardRatio = 20)
    void aDeadWitnessIsFirableEndsDeadAndIsShortest(@ForAll("nets") PetriNet net) {
        NaiveExplorer naive = new NaiveExplorer(net, CAP);
        Assume.that(naive.complete);
        MarkingGraph g = MarkingGraphExplorer.explore(net);
        assertEquals(naive.deadDepth >= 0, g.firstDeadMarking().isPresent());
        if (g.firstDeadMarking().isEmpty()) {
            return;
        }
        int dead = g.firstDeadMarking().get();
        List<Long> m = NaiveExplorer.toList(net.initialMarking());
        int[] path = g.pathTo(dead);
        for (int t : path) {
            assertTrue(NaiveExplorer.enabled(net.transition(t), m), "witness step " + net.transition(t).name() + " enabled");
            m = NaiveExplorer.fire(net.transition(t), m);
        }
        assertEquals(NaiveExplorer.toList(g.marking(dead)), m, "the path ends in the marking stored");
        for (Transition t : net.transitions()) {
            assertTrue(!NaiveExplorer.enabled(t, m), "no transition enabled at the end, but " + t.name() + " is");
        }
        assertEquals(naive.deadDepth, path.length, "shortest");
    }

    @Property(tries = 100, maxDiscardRatio = 20)
    void aStateLimitStopsWithThatManyMarkings(@ForAll("nets") PetriNet net) {
        NaiveExplorer naive = new NaiveExplorer(net, CAP);
        Assume.that(naive.complete && naive.markings > 2);
        long limit = naive.markings - 1;
        ExplorationStatistics s = new MarkingGraphExplorer(net)
                .budget(Budget.ofClasses(limit)).explore().statistics();
        assertEquals(Limit.CLASSES, s.limit());
        assertEquals(limit, s.markings());
    }

    /**
     * Nets of 2 to 6 places where most transitions move one or two tokens (weights mostly 1) and
     * some test or inhibit a place: small enough to be bounded often, busy enough not to die at once.
     */
    @Provide
    Arbitrary<PetriNet> nets() {
        return Arbitraries.integers().between(2, 6).flatMap(places ->
                Combinators.combine(
                        Arbitraries.frequency(Tuple.of(2, 0L), Tuple.of(4, 1L), Tuple.of(2, 2L), Tuple.of(1, 3L))
                                .list().ofSize(places),
                        transition(places).list().ofMinSize(2).ofMaxSize(7))
                        .as((marking, transitions) -> net(marking, transitions)))
                .withoutEdgeCases();
    }

    private static Arbitrary<Transition> transition(int places) {
        Arbitrary<List<Arc>> normal = arcs(places, ArcKind.NORMAL, 1, 2);
        Arbitrary<List<Arc>> read = arcs(places, ArcKind.READ, 0, 1);
        // An inhibitor arc of weight 1 on a busy place mostly just kills the transition: rarer and heavier.
        Arbitrary<List<Arc>> inhibitor = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.just(List.<Arc>of())),
                Tuple.of(1, Combinators.combine(Arbitraries.integers().between(0, places - 1),
                        Arbitraries.longs().between(1, 4)).as((p, w) -> List.of(new Arc(p, w, ArcKind.INHIBITOR)))));
        Arbitrary<List<Arc>> outputs = arcs(places, ArcKind.NORMAL, 0, 2);
        return Combinators.combine(normal, read, inhibitor, outputs).as((n, r, i, o) -> {
            List<Arc> inputs = new ArrayList<>(n);
            inputs.addAll(r);
            inputs.addAll(i);
            return new Transition("t", null, TimeInterval.UNBOUNDED, inputs, o);
        });
    }

    /** {@code min} to {@code max} arcs of one kind, on distinct places (as Transition requires). */
    private static Arbitrary<List<Arc>> arcs(int places, ArcKind kind, int min, int max) {
        Arbitrary<Long> weight = Arbitraries.frequency(Tuple.of(6, 1L), Tuple.of(2, 2L), Tuple.of(1, 3L));
        Arbitrary<Arc> arc = Combinators.combine(Arbitraries.integers().between(0, places - 1), weight)
                .as((p, w) -> new Arc(p, w, kind));
        return arc.list().ofMinSize(min).ofMaxSize(Math.min(max, places)).uniqueElements(Arc::place);
    }

    private static PetriNet net(List<Long> marking, List<Transition> transitions) {
        PetriNet.Builder b = PetriNet.builder("random");
        for (int p = 0; p < marking.size(); p++) {
            b.place("p" + p, marking.get(p));
        }
        for (int t = 0; t < transitions.size(); t++) {
            Transition tr = transitions.get(t);
            b.transition(new Transition("t" + t, null, tr.interval(), tr.inputs(), tr.outputs()));
        }
        return b.build();
    }
}
