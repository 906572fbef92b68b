package dev.cadenza.petri.classes;

import dev.cadenza.petri.limit.Budget;
import dev.cadenza.petri.PetriNet;
import dev.cadenza.petri.io.TinaNetWriter;
import dev.cadenza.petri.query.CompiledPredicate;
import dev.cadenza.petri.query.NameResolver;
import dev.cadenza.petri.query.PredicateParser;
import dev.cadenza.petri.testing.RandomNets;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.commons.math3.fraction.BigFraction;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The engine against the brute-force discrete-time oracle, on random small nets with closed integer intervals. */
class DiscreteOracleTest {

    @Provide
    Arbitrary<PetriNet> nets() {
        return RandomNets.closedIntegerNets();
    }

    @Property(tries = 400)
    void sameReachableMarkings(@ForAll("nets") PetriNet net) {
        DiscreteTimeExplorer.Result oracle = DiscreteTimeExplorer.explore(net, null, 500_000);
        StateClassGraph g = new StateClassGraph(net);
        ClassGraphStatistics s = g.explore(Budget.ofClasses(1_000_000));
        assertTrue(s.complete());
        Set<List<Long>> markings = new HashSet<>();
        for (int id = 0; id < g.classCount(); id++) {
            List<Long> l = new ArrayList<>();
            for (long v : g.marking(id)) {
                l.add(v);
            }
            markings.add(l);
        }
        assertEquals(oracle.markings(), markings, () -> TinaNetWriter.write(net));
        assertEquals(markings.size(), s.markings());
        // every path of classes has a schedule: the deepest class's path, earliest and latest
        int[] path = g.path(g.classCount() - 1);
        TimedTrace early = TraceScheduler.earliest(net, path);
        assertEquals(path.length, early.steps().size());
        assertNull(ScheduleReplay.check(net, early), () -> TinaNetWriter.write(net));
        TimedTrace late = TraceScheduler.latest(net, path);
        if (late != null) {
            assertNull(ScheduleReplay.check(net, late), () -> TinaNetWriter.write(net));
        }
    }

    /**
     * With every interval [0,w[ the class graph is the marking graph: one class per reachable
     * marking, one edge per marking and enabled transition (the oracle explores the untimed net).
     */
    @Property(tries = 300)
    void untimedClassGraphIsTheMarkingGraph(@ForAll("nets") PetriNet timed) {
        java.util.List<dev.cadenza.petri.Transition> ts = new ArrayList<>();
        for (dev.cadenza.petri.Transition t : timed.transitions()) {
            ts.add(new dev.cadenza.petri.Transition(t.name(), t.label(), dev.cadenza.petri.TimeInterval.UNBOUNDED,
                    t.inputs(), t.outputs()));
        }
        PetriNet net = new PetriNet(timed.name(), timed.places(), ts);
        DiscreteTimeExplorer.Result oracle = DiscreteTimeExplorer.explore(net, null, 500_000);
        long edges = 0;
        for (List<Long> m : oracle.markings()) {
            long[] mm = m.stream().mapToLong(Long::longValue).toArray();
            for (int t = 0; t < net.transitionCount(); t++) {
                boolean on = true;
                for (dev.cadenza.petri.Arc a : net.transition(t).inputs()) {
                    on &= a.kind() == dev.cadenza.petri.ArcKind.INHIBITOR ? mm[a.place()] < a.weight()
                            : mm[a.place()] >= a.weight();
                }
                edges += on ? 1 : 0;
            }
        }
        ClassGraphStatistics s = StateClassGraph.explore(net);
        assertEquals(oracle.markings().size(), s.classes());
        assertEquals(oracle.markings().size(), s.markings());
        assertEquals(edges, s.edges());
    }

    @Property(tries = 400)
    void sameTimesToTermination(@ForAll("nets") PetriNet net) {
        check(net, null);
    }

    @Property(tries = 300)
    void sameTimesToAPlace(@ForAll("nets") PetriNet net) {
        String pred = net.place(net.placeCount() - 1).name() + " >= 1 && !" + net.place(0).name();
        check(net, PredicateParser.parse(pred).compile(NameResolver.of(net)));
    }

    private static void check(PetriNet net, CompiledPredicate target) {
        DiscreteTimeExplorer.Result oracle = DiscreteTimeExplorer.explore(net, target, 500_000);
        TimeBoundsResult r = new TimeBounds(net).compute(target, Budget.ofClasses(1_000_000));
        String why = TinaNetWriter.write(net) + "\noracle " + oracle.reachable() + " " + oracle.min() + " "
                + oracle.max() + "\nengine " + r;
        assertTrue(r.complete(), why);
        assertEquals(oracle.reachable(), r.reachable(), why);
        if (!oracle.reachable()) {
            return;
        }
        assertEquals(new BigFraction(oracle.min()), r.min().value(), why);
        assertTrue(r.min().attained(), why);
        assertEquals(r.min().value(), lastTime(r.minTrace()), why);
        assertNull(ScheduleReplay.check(net, r.minTrace()), why);
        if (oracle.max() < 0) {
            assertTrue(r.max().isInfinite(), why);
            assertNull(r.maxTrace());
        } else {
            assertEquals(new BigFraction(oracle.max()), r.max().value(), why);
            assertEquals(r.max().value(), lastTime(r.maxTrace()), why);
            assertNull(ScheduleReplay.check(net, r.maxTrace()), why);
        }
    }

    @Provide
    Arbitrary<PetriNet> openNets() {
        return RandomNets.anyNets();
    }

    /**
     * Open and rational bounds, which the oracle cannot take directly. Closing every interval
     * only adds runs (a run of the narrow net is one of the wide net), and scaling by the LCM of
     * the denominators makes the closed net integer, where the oracle is exact. So: markings are
     * a subset, the minimum can only be later and a finite maximum only earlier.
     */
    @Property(tries = 200)
    void openBoundsStayWithinTheirClosure(@ForAll("openNets") PetriNet net) {
        java.math.BigInteger lcm = java.math.BigInteger.ONE;
        for (dev.cadenza.petri.Transition t : net.transitions()) {
            lcm = lcm(lcm, t.interval().lower().getDenominator());
            if (t.interval().upper() != null) {
                lcm = lcm(lcm, t.interval().upper().getDenominator());
            }
        }
        BigFraction scale = new BigFraction(lcm);
        List<dev.cadenza.petri.Transition> closed = new ArrayList<>();
        for (dev.cadenza.petri.Transition t : net.transitions()) {
            dev.cadenza.petri.TimeInterval iv = t.interval();
            dev.cadenza.petri.TimeInterval c = new dev.cadenza.petri.TimeInterval(iv.lower().multiply(scale), false,
                    iv.upper() == null ? null : iv.upper().multiply(scale), iv.upper() == null);
            closed.add(new dev.cadenza.petri.Transition(t.name(), t.label(), c, t.inputs(), t.outputs()));
        }
        PetriNet closure = new PetriNet(net.name(), net.places(), closed);
        DiscreteTimeExplorer.Result oracle = DiscreteTimeExplorer.explore(closure, null, 2_000_000);
        StateClassGraph g = new StateClassGraph(net);
        assertTrue(g.explore(Budget.ofClasses(1_000_000)).complete());
        for (int id = 0; id < g.classCount(); id++) {
            List<Long> l = new ArrayList<>();
            for (long v : g.marking(id)) {
                l.add(v);
            }
            assertTrue(oracle.markings().contains(l), () -> TinaNetWriter.write(net));
        }
        TimeBoundsResult r = TimeBounds.toTermination(net);
        String why = TinaNetWriter.write(net) + "\nclosure x" + lcm + ": " + oracle + "\nengine " + r;
        if (!r.reachable()) {
            return;
        }
        assertTrue(oracle.reachable(), why);
        assertTrue(r.min().value().multiply(scale).compareTo(new BigFraction(oracle.min())) >= 0, why);
        if (oracle.max() >= 0) {
            assertTrue(!r.max().isInfinite(), why);
            assertTrue(r.max().value().multiply(scale).compareTo(new BigFraction(oracle.max())) <= 0, why);
        }
        assertNull(ScheduleReplay.check(net, r.minTrace()), why);
        if (r.maxTrace() != null) {
            assertNull(ScheduleReplay.check(net, r.maxTrace()), why);
        }
    }

    private static java.math.BigInteger lcm(java.math.BigInteger a, java.math.BigInteger b) {
        return a.divide(a.gcd(b)).multiply(b);
    }

    static BigFraction lastTime(TimedTrace t) {
        return t.steps().isEmpty() ? BigFraction.ZERO : t.steps().get(t.steps().size() - 1).time();
    }
}
