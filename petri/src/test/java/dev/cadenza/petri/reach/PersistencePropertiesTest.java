package dev.cadenza.petri.reach;

import dev.cadenza.petri.Arc;
import dev.cadenza.petri.ArcKind;
import dev.cadenza.petri.PetriNet;
import dev.cadenza.petri.Transition;
import dev.cadenza.petri.limit.Budget;
import dev.cadenza.petri.testing.RandomNets;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link Persistence} against the obvious check on the whole marking graph ({@link NaiveExplorer}):
 * in every reachable marking, for every two enabled transitions t ≠ u, t is still enabled in
 * m − Pre(u) and after u; with an allowed set, also no other transition is ever enabled. The
 * stubborn-set searches say "persistent" exactly when that holds, and a clash they report is
 * reached by a firing sequence of the net.
 */
class PersistencePropertiesTest {

    @Provide
    Arbitrary<PetriNet> terminating() {
        return RandomNets.terminatingNets(false);
    }

    @Provide
    Arbitrary<PetriNet> products() {
        return new StubbornSetsPropertiesTest().products();
    }

    @Property(tries = 1500)
    void persistentExactlyWhenNoReachableMarkingClashes(@ForAll("terminating") PetriNet net, @ForAll long seed) {
        same(net, seed);
    }

    // 600: about 60 % of the products have a small enough whole graph to compare (the rest are skipped)
    @Property(tries = 600, maxDiscardRatio = 20)
    void alsoOnNetsWithCyclesAndCoupledParts(@ForAll("products") PetriNet net, @ForAll long seed) {
        same(net, seed);
    }

    /**
     * The same with stops, as Concerto-D's translation has them: a place every transition is
     * inhibited by, raised by one or two transitions guarded by random places and weights (often
     * never enabled, which the check asks first and then leaves them out of its searches; when
     * enabled, they clash with whatever else is).
     */
    @Property(tries = 800)
    void alsoWithStops(@ForAll("terminating") PetriNet net, @ForAll long seed) {
        PetriNet stopped = withStops(net, new Random(seed));
        NaiveExplorer full = new NaiveExplorer(stopped, 20_000);
        int stop = stopped.placeIndex("stop");
        Statistics.label("a stop fires").collect(full.complete
                && full.reached.keySet().stream().anyMatch(m -> m.get(stop) > 0));
        same(stopped, seed);
    }

    static PetriNet withStops(PetriNet net, Random r) {
        List<dev.cadenza.petri.Place> places = new java.util.ArrayList<>(net.places());
        int stop = places.size();
        places.add(new dev.cadenza.petri.Place("stop", null, 0));
        Arc inhibited = new Arc(stop, 1, ArcKind.INHIBITOR);
        List<Transition> ts = new java.util.ArrayList<>();
        for (Transition t : net.transitions()) {
            List<Arc> in = new java.util.ArrayList<>(t.inputs());
            in.add(inhibited);
            ts.add(new Transition(t.name(), t.label(), t.interval(), in, t.outputs()));
        }
        int stops = 1 + r.nextInt(2);
        for (int k = 0; k < stops; k++) {
            List<Arc> in = new java.util.ArrayList<>();
            int a = r.nextInt(stop);
            in.add(new Arc(a, 1 + r.nextInt(3), r.nextBoolean() ? ArcKind.READ : ArcKind.NORMAL));
            int b = r.nextInt(stop);
            if (b != a && r.nextBoolean()) {
                in.add(new Arc(b, 1 + r.nextInt(3), r.nextBoolean() ? ArcKind.READ : ArcKind.NORMAL));
            }
            in.add(inhibited);
            ts.add(new Transition("stops." + k, null, dev.cadenza.petri.TimeInterval.closed(0, 1), in,
                    List.of(Arc.normal(stop, 1))));
        }
        return new PetriNet(net.name(), places, ts);
    }

    private static void same(PetriNet net, long seed) {
        NaiveExplorer full = new NaiveExplorer(net, 20_000);
        if (!full.complete) {
            return;
        }
        Random r = new Random(seed);
        boolean[] allowed = null;
        if (r.nextBoolean()) {
            allowed = new boolean[net.transitionCount()];
            for (int t = 0; t < allowed.length; t++) {
                allowed[t] = r.nextInt(4) != 0;
            }
        }
        boolean expected = persistent(net, full, allowed);
        Persistence.Answer a = new Persistence(net).check(allowed, Budget.unlimited(), Long.MAX_VALUE);
        Statistics.label("persistent").collect(expected);
        assertEquals(dev.cadenza.petri.limit.Limit.NONE, a.limit());
        assertEquals(expected, a.proven(), a.clash());
        if (!a.persistent()) {
            assertNotNull(a.path());
            List<Long> m = NaiveExplorer.toList(net.initialMarking());
            for (int t : a.path()) {
                assertTrue(NaiveExplorer.enabled(net.transition(t), m), "the path fires");
                m = NaiveExplorer.fire(net.transition(t), m);
            }
        }
    }

    private static boolean persistent(PetriNet net, NaiveExplorer full, boolean[] allowed) {
        for (List<Long> m : full.reached.keySet()) {
            for (int t = 0; t < net.transitionCount(); t++) {
                Transition tt = net.transition(t);
                if (!NaiveExplorer.enabled(tt, m)) {
                    continue;
                }
                if (allowed != null && !allowed[t]) {
                    return false;
                }
                for (int u = 0; u < net.transitionCount(); u++) {
                    Transition tu = net.transition(u);
                    if (u == t || !NaiveExplorer.enabled(tu, m) || allowed != null && !allowed[u]) {
                        continue;
                    }
                    List<Long> mid = new java.util.ArrayList<>(m);
                    for (Arc a : tu.inputs()) {
                        if (a.kind() == ArcKind.NORMAL) {
                            mid.set(a.place(), mid.get(a.place()) - a.weight());
                        }
                    }
                    if (!NaiveExplorer.enabled(tt, mid) || !NaiveExplorer.enabled(tt, NaiveExplorer.fire(tu, m))) {
                        return false;
                    }
                }
            }
        }
        return true;
    }
}
