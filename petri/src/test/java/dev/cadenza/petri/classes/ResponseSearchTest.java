package dev.cadenza.petri.classes;

import dev.cadenza.petri.Arc;
import dev.cadenza.petri.ArcKind;
import dev.cadenza.petri.PetriNet;
import dev.cadenza.petri.Place;
import dev.cadenza.petri.TimeInterval;
import dev.cadenza.petri.Transition;
import dev.cadenza.petri.query.CompiledPredicate;
import dev.cadenza.petri.query.NameResolver;
import dev.cadenza.petri.query.PredicateParser;
import dev.cadenza.petri.testing.RandomNets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The response search against a brute-force discrete-time oracle written apart: states are a
 * marking, an integer clock per enabled transition and the age of the oldest obligation (how long
 * since P held while Q has not held since, or none); time passes in steps of 1; the property is
 * violated when an age passes T. For closed integer intervals and integer T, integer dates suffice
 * (digitization: Henzinger, Manna and Pnueli 1992 — time-bounded response of closed systems is
 * digitizable), so both must agree on random nets with read and inhibitor arcs, for random P, Q
 * and T, zero-time states included.
 */
class ResponseSearchTest {

    record Case(PetriNet net, String p, String q, int t) {
    }

    @Provide
    Arbitrary<Case> cases() {
        return Combinators.combine(RandomNets.closedIntegerNets(), Arbitraries.longs(), Arbitraries.integers().between(0, 4))
                .as((net, seed, t) -> {
                    Random r = new Random(seed);
                    return new Case(net, atom(r, net), atom(r, net), t);
                });
    }

    private static String atom(Random r, PetriNet net) {
        String p = net.place(r.nextInt(net.placeCount())).name();
        return switch (r.nextInt(5)) {
            case 0 -> p + " = 0";
            case 1 -> "dead";
            case 2 -> p + " >= 1 && " + net.place(r.nextInt(net.placeCount())).name() + " = 0";
            default -> p + " >= 1";
        };
    }

    @Property(tries = 600)
    void sameVerdictAsTheDiscreteOracle(@ForAll("cases") Case c) {
        Boolean oracle = Oracle.violated(c.net(), compile(c.net(), c.p()), compile(c.net(), c.q()), c.t(), 200_000);
        net.jqwik.api.statistics.Statistics.collect(oracle == null ? "too large" : oracle ? "violated" : "holds");
        if (oracle == null) {
            return; // too large for the oracle
        }
        ResponseSearch.Result r = search(c.net(), c.p(), c.q(), c.t());
        assertTrue(r.complete());
        assertEquals(oracle, r.violated(), c.p() + " leads to " + c.q() + " within " + c.t() + "\n" + c.net());
        if (r.violated()) {
            // the counterexample is a schedulable run of the observed net that ends with late
            assertEquals("observer.late", r.violation().steps().get(r.violation().steps().size() - 1).transition());
        }
    }

    private static CompiledPredicate compile(PetriNet net, String text) {
        return PredicateParser.parse(text).compile(NameResolver.of(net));
    }

    static ResponseSearch.Result search(PetriNet net, String p, String q, int t) {
        int places = net.placeCount();
        int own = net.transitionCount();
        List<Place> ps = new ArrayList<>(net.places());
        ps.add(new Place("observer.idle", null, 1));
        ps.add(new Place("observer.armed", null, 0));
        ps.add(new Place("observer.late", null, 0));
        List<Transition> ts = new ArrayList<>(net.transitions());
        ts.add(new Transition("observer.arm", null, TimeInterval.UNBOUNDED, List.of(Arc.normal(places, 1)),
                List.of(Arc.normal(places + 1, 1))));
        ts.add(new Transition("observer.disarm", null, TimeInterval.UNBOUNDED, List.of(Arc.normal(places + 1, 1)),
                List.of(Arc.normal(places, 1))));
        ts.add(new Transition("observer.late", null, new TimeInterval(new BigFraction(t), true, null, true),
                List.of(Arc.normal(places + 1, 1)), List.of(Arc.normal(places + 2, 1))));
        PetriNet observed = new PetriNet(net.name(), ps, ts);
        return new ResponseSearch(observed, own, own, own + 1, own + 2, places + 1, places + 2,
                compile(net, p), compile(net, q)).search(dev.cadenza.petri.limit.Budget.unlimited());
    }

    /** t0 [2,2] a -> b, t1 [0,3] b -> c: "a leads to c within 4" fails (up to 5), "within 5" holds. */
    @Test
    void byHand() {
        PetriNet.Builder b = PetriNet.builder("n");
        int a = b.place("a", 1);
        int bb = b.place("b", 0);
        int c = b.place("c", 0);
        b.transition("t0", TimeInterval.closed(2, 2), List.of(Arc.normal(a, 1)), List.of(Arc.normal(bb, 1)));
        b.transition("t1", TimeInterval.closed(0, 3), List.of(Arc.normal(bb, 1)), List.of(Arc.normal(c, 1)));
        PetriNet net = b.build();
        assertFalse(search(net, "a >= 1", "c >= 1", 5).violated());
        ResponseSearch.Result r = search(net, "a >= 1", "c >= 1", 4);
        assertTrue(r.violated());
        // armed at 0, late at 4 (the limit of ]4, ...): t0 fired at 2 on the way
        assertEquals(List.of("observer.arm", "t0", "observer.late"),
                r.violation().steps().stream().map(TimedTrace.Step::transition).toList());
        assertEquals(new BigFraction(4), r.violation().steps().get(2).time());
        // b lasts no time at all when t1 is [0,0]: "b leads to c within 0" holds
        PetriNet.Builder z = PetriNet.builder("z");
        int za = z.place("a", 1);
        int zb = z.place("b", 0);
        int zc = z.place("c", 0);
        z.transition("t0", TimeInterval.closed(2, 2), List.of(Arc.normal(za, 1)), List.of(Arc.normal(zb, 1)));
        z.transition("t1", TimeInterval.closed(0, 0), List.of(Arc.normal(zb, 1)), List.of(Arc.normal(zc, 1)));
        PetriNet zero = z.build();
        assertFalse(search(zero, "b >= 1", "c >= 1", 0).violated());
        // and a state that lasts no time still discharges: "a leads to b within 2" holds although b is left at once
        assertFalse(search(zero, "a >= 1", "b >= 1", 2).violated());
        assertTrue(search(zero, "a >= 1", "b >= 1", 1).violated());
    }

    /** The oracle: discrete time, obligations aged by the clock. */
    private static final class Oracle {

        /** True/false, or null when over {@code cap} states. */
        static Boolean violated(PetriNet net, CompiledPredicate p, CompiledPredicate q, int bound, int cap) {
            int n = net.transitionCount();
            int[] eft = new int[n];
            int[] lft = new int[n];
            for (int t = 0; t < n; t++) {
                TimeInterval i = net.transition(t).interval();
                eft[t] = i.lower().intValue();
                lft[t] = i.upper() == null ? -1 : i.upper().intValue();
            }
            long[] m0 = net.initialMarking();
            int[] c0 = new int[n];
            for (int t = 0; t < n; t++) {
                c0[t] = enabled(net, t, m0) ? 0 : -1;
            }
            // state: marking, clocks, age (-1: no obligation)
            record S(long[] m, int[] c, int age) {
                @Override
                public boolean equals(Object o) {
                    return o instanceof S s && Arrays.equals(m, s.m) && Arrays.equals(c, s.c) && age == s.age;
                }

                @Override
                public int hashCode() {
                    return Arrays.hashCode(m) * 31 * 31 + Arrays.hashCode(c) * 31 + age;
                }
            }
            Set<S> seen = new HashSet<>();
            ArrayDeque<S> todo = new ArrayDeque<>();
            S init = new S(m0, c0, age(net, m0, -1, p, q));
            seen.add(init);
            todo.add(init);
            while (!todo.isEmpty()) {
                S s = todo.poll();
                List<S> next = new ArrayList<>();
                for (int t = 0; t < n; t++) {
                    if (s.c[t] < 0 || s.c[t] < eft[t]) {
                        continue;
                    }
                    long[] mid = s.m.clone();
                    for (Arc a : net.transition(t).inputs()) {
                        if (a.kind() == ArcKind.NORMAL) {
                            mid[a.place()] -= a.weight();
                        }
                    }
                    long[] m = mid.clone();
                    for (Arc a : net.transition(t).outputs()) {
                        m[a.place()] += a.weight();
                    }
                    int[] c = new int[n];
                    for (int u = 0; u < n; u++) {
                        if (!enabled(net, u, m)) {
                            c[u] = -1;
                        } else if (u != t && s.c[u] >= 0 && enabled(net, u, mid)) {
                            c[u] = s.c[u];
                        } else {
                            c[u] = 0;
                        }
                    }
                    next.add(new S(m, c, age(net, m, s.age, p, q)));
                }
                // a time step, if no enabled transition would overstay its upper bound
                boolean canWait = true;
                int[] c = s.c.clone();
                for (int u = 0; u < n; u++) {
                    if (c[u] < 0) {
                        continue;
                    }
                    if (lft[u] >= 0) {
                        if (c[u] + 1 > lft[u]) {
                            canWait = false;
                            break;
                        }
                        c[u]++;
                    } else {
                        c[u] = Math.min(c[u] + 1, eft[u]);
                    }
                }
                if (canWait) {
                    int age = s.age < 0 ? -1 : s.age + 1;
                    if (age > bound) {
                        return true;
                    }
                    next.add(new S(s.m, c, age));
                }
                for (S x : next) {
                    if (seen.add(x)) {
                        if (seen.size() > cap) {
                            return null;
                        }
                        todo.add(x);
                    }
                }
            }
            return false;
        }

        /** Entering marking m with an obligation of this age: Q discharges it, P starts one. */
        private static int age(PetriNet net, long[] m, int age, CompiledPredicate p, CompiledPredicate q) {
            boolean dead = true;
            for (int t = 0; t < net.transitionCount(); t++) {
                dead &= !enabled(net, t, m);
            }
            if (q.test(m, dead)) {
                return -1;
            }
            if (age < 0 && p.test(m, dead)) {
                return 0;
            }
            return age;
        }

        private static boolean enabled(PetriNet net, int t, long[] m) {
            for (Arc a : net.transition(t).inputs()) {
                if (a.kind() == ArcKind.INHIBITOR ? m[a.place()] >= a.weight() : m[a.place()] < a.weight()) {
                    return false;
                }
            }
            return true;
        }
    }
}
