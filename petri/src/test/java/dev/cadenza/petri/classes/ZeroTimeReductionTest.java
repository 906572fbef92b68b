package dev.cadenza.petri.classes;

import dev.cadenza.petri.limit.Budget;
import dev.cadenza.petri.Arc;
import dev.cadenza.petri.ArcKind;
import dev.cadenza.petri.PetriNet;
import dev.cadenza.petri.TimeInterval;
import dev.cadenza.petri.Transition;
import dev.cadenza.petri.query.CompiledPredicate;
import dev.cadenza.petri.query.NameResolver;
import dev.cadenza.petri.query.PredicateParser;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The zero-time reduction keeps every answer of {@link TimeBounds}: on random small nets with
 * many [0,0] transitions, read and inhibitor arcs, the min and max time to termination and to a
 * random place being marked, and whether it is reached, are those of the full class graph.
 */
class ZeroTimeReductionTest {

    /**
     * c1.ua and c2.ua, [0,0] and independent: "not dead and c1.qa = 0" holds only after c1.ua and
     * before c2.ua, a live marking that firing either alone first would skip. Both searches said
     * unreachable until the reduction refused targets that read liveness (found by
     * ReachEachPropertiesTest, seed -9750084).
     */
    @org.junit.jupiter.api.Test
    void aTargetThatHoldsBecauseAMarkingIsLiveIsNotSkipped() {
        PetriNet.Builder b = PetriNet.builder("live");
        for (int i = 1; i <= 2; i++) {
            int a = b.place("c" + i + ".qa", 1);
            b.transition("c" + i + ".ua", TimeInterval.closed(0, 0), List.of(Arc.normal(a, 1)), List.of());
        }
        PetriNet net = b.build();
        for (String text : new String[] {"not dead and c1.qa = 0", "c1.qa = 0 and not (dead or c2.qa = 0)"}) {
            CompiledPredicate target = PredicateParser.parse(text).compile(NameResolver.of(net));
            for (boolean withMax : new boolean[] {false, true}) {
                TimeBounds tb = new TimeBounds(net).reducingZeroTimeInterleavings(true).reducingSymmetries(true);
                TimeBoundsResult r = withMax ? tb.compute(target, Budget.unlimited()) : tb.reach(target, Budget.unlimited());
                assertTrue(r.reachable(), text);
                assertEquals(0, r.min().value().intValue(), text);
            }
        }
        // read positively, deadness keeps the reduction: the dead marking is never skipped
        CompiledPredicate dead = PredicateParser.parse("dead and c1.qa = 0").compile(NameResolver.of(net));
        assertTrue(new TimeBounds(net).reducingZeroTimeInterleavings(true).reach(dead, Budget.unlimited()).reachable());
    }

    /** A net drawn from a list of numbers (places 0..8, the first two marked). */
    record Spec(List<Integer> r) {

        PetriNet net() {
            int places = 9;
            PetriNet.Builder b = PetriNet.builder("random");
            for (int p = 0; p < places; p++) {
                b.place("p" + p, p < 2 || r.get(p) % 4 == 0 ? 1 : 0);
            }
            int transitions = 3 + r.get(6) % 5;
            int i = 7;
            for (int t = 0; t < transitions; t++) {
                List<Arc> in = new ArrayList<>();
                List<Arc> out = new ArrayList<>();
                int a = r.get(i++) % places;
                in.add(Arc.normal(a, 1));
                int x = r.get(i++);
                if (x % 3 == 0) {
                    int p = (a + 1 + x / 3 % (places - 1)) % places;
                    in.add(new Arc(p, 1, x % 2 == 0 ? ArcKind.READ : ArcKind.INHIBITOR));
                }
                out.add(Arc.normal(r.get(i++) % places, 1));
                int y = r.get(i++);
                if (y % 2 == 0) {
                    out.add(Arc.normal(y / 2 % places, 1));
                }
                int lo = r.get(i++) % 3;
                int kind = r.get(i++) % 4;
                TimeInterval iv = kind <= 1 ? TimeInterval.closed(0, 0) : TimeInterval.closed(lo, lo + kind - 1);
                b.transition(new Transition("t" + t, null, iv, in, out));
            }
            return b.build();
        }

        int targetPlace() {
            return r.get(r.size() - 1) % 9;
        }
    }

    @Provide
    Arbitrary<Spec> specs() {
        return Arbitraries.integers().between(0, 1_000_000).list().ofSize(7 + 6 * 8 + 1).map(Spec::new);
    }

    @Property(tries = 300)
    void theReducedSearchGivesTheSameBounds(@ForAll("specs") Spec spec) {
        PetriNet net = spec.net();
        CompiledPredicate marked = PredicateParser.parse("p" + spec.targetPlace() + " >= 1")
                .compile(NameResolver.of(net));
        for (CompiledPredicate target : new CompiledPredicate[] {null, marked}) {
            TimeBoundsResult full = new TimeBounds(net).compute(target, Budget.ofClasses(20_000));
            TimeBoundsResult reduced = new TimeBounds(net).reducingZeroTimeInterleavings(true)
                    .compute(target, Budget.ofClasses(20_000));
            Assume.that(full.complete() && reduced.complete());
            String what = net.toString() + " target " + (target == null ? "dead" : "p" + spec.targetPlace());
            assertEquals(full.reachable(), reduced.reachable(), what);
            assertEquals(full.min(), reduced.min(), what);
            assertEquals(full.max(), reduced.max(), what);
        }
    }
}
