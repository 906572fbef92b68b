package dev.cadenza.petri.classes;

import dev.cadenza.petri.Arc;
import dev.cadenza.petri.ArcKind;
import dev.cadenza.petri.PetriNet;
import dev.cadenza.petri.TimeInterval;
import dev.cadenza.petri.limit.Budget;
import dev.cadenza.petri.query.CompiledPredicate;
import dev.cadenza.petri.query.NameResolver;
import dev.cadenza.petri.query.PredicateParser;
import dev.cadenza.petri.testing.RandomNets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link TimeBounds#compute(CompiledPredicate, Budget, List)}, told of firing sequences that may
 * stop short of the target, against {@link TimeBounds#compute(CompiledPredicate, Budget)} (the same
 * reductions) and against the full search without any reduction: the same reachability, min (value
 * and strictness), fastest run and max (value and strictness, the slowest run when finite). The
 * sequences handed over are of every kind: runs to dead markings where the target fails (found by
 * the depth-first search, so they may pass through the target on the way), runs to any dead marking
 * (it may satisfy the target), random untimed firing sequences (often not firable in time, often
 * not ending dead) and junk. A max made infinite by a given sequence must be infinite for the full
 * search too, and the sequence a run of the net that never meets the target. Cut by a class cap, a
 * given sequence still proves only what it proves: never a finite max, never unreachable.
 */
class GivenStopsPropertiesTest {

    @Property(tries = 1500)
    void theSameAnswersOnLoopingNets(@ForAll long seed) {
        Random r = new Random(seed);
        agree(named(RandomNets.generate(r, r.nextBoolean())), r, "looping net (seed " + seed + ")");
    }

    @Property(tries = 1500)
    void theSameAnswersOnTerminatingNets(@ForAll long seed) {
        Random r = new Random(seed);
        agree(named(RandomNets.terminating(r, r.nextBoolean())), r, "terminating net (seed " + seed + ")");
    }

    @Property(tries = 1000)
    void theSameAnswersUnderSymmetry(@ForAll long seed) {
        Random r = new Random(seed);
        int k = 2 + r.nextInt(3);
        agree(SymmetryPropertiesTest.bundles(r, k), r, "copies (seed " + seed + ")");
    }

    /**
     * A place to mark as the target, on terminating nets: reached by some runs, avoided by others
     * (a deployment's end that a deadlock misses), where a run to a dead marking short of it is the
     * usual proof of an infinite max.
     */
    @Property(tries = 1500)
    void theSameAnswersWhenSomeRunsMissAPlace(@ForAll long seed) {
        Random r = new Random(seed);
        PetriNet net = named(RandomNets.terminating(r, r.nextBoolean()));
        agree(net, "p" + r.nextInt(net.placeCount()) + " >= 1", r, "terminating net, a place (seed " + seed + ")");
    }

    @Property(tries = 800)
    void aCutSearchProvesNoMoreThanTheRunsDo(@ForAll long seed) {
        Random r = new Random(seed);
        PetriNet net = named(r.nextBoolean() ? RandomNets.generate(r, true) : RandomNets.terminating(r, true));
        String text = target(r, net);
        CompiledPredicate target = compile(text, net);
        List<int[]> stops = stops(r, net, text);
        long cap = 1 + r.nextInt(40);
        TimeBoundsResult mine = reduced(net).capped(cap).compute(target, Budget.ofClasses(300_000), stops);
        TimeBoundsResult full = new TimeBounds(net).compute(target, Budget.ofClasses(300_000));
        String where = "cap " + cap + " (seed " + seed + ")";
        Statistics.label("complete").collect(mine.complete());
        assertTrue(mine.classes() <= cap, "the cap holds: " + where);
        if (!mine.complete()) {
            assertNull(mine.max(), "no max from a cut search: " + where);
            if (mine.min() != null && full.complete()) {
                assertEquals(full.min(), mine.min(), "a min settled before the cut is exact: " + where);
            }
        } else if (full.complete()) {
            Statistics.label("complete by a given run").collect(mine.divergence() != null && mine.divergence().given());
            assertEquals(full.reachable(), mine.reachable(), where);
            assertEquals(full.min(), mine.min(), where);
            assertEquals(full.max(), mine.max(), where);
        }
    }

    /** A run that passes through the target before it stops dead proves nothing: the max search runs. */
    @Test
    void aRunThroughTheTargetIsNotAStopShortOfIt() {
        PetriNet.Builder b = PetriNet.builder("through");
        int a = b.place("a", 1);
        int g = b.place("g", 0);
        int z = b.place("z", 0);
        b.transition("in", TimeInterval.closed(1, 2), List.of(Arc.normal(a, 1)), List.of(Arc.normal(g, 1)));
        b.transition("out", TimeInterval.closed(0, 3), List.of(Arc.normal(g, 1)), List.of(Arc.normal(z, 1)));
        PetriNet net = b.build();
        CompiledPredicate target = PredicateParser.parse("g >= 1").compile(NameResolver.of(net));
        int in = net.transitionIndex("in");
        int out = net.transitionIndex("out");
        TimeBoundsResult r = reduced(net).compute(target, Budget.unlimited(), List.of(new int[] {in, out}));
        assertEquals(2, r.max().value().intValue(), "every run meets g by 2");
        assertFalse(r.max().isInfinite());
        assertTrue(new TimeBounds(net).stopsShort(PredicateParser.parse("z >= 1").compile(NameResolver.of(net)),
                new int[] {in}, new FiringDomain(new TimedNet(net), 0)) == false, "not dead after in");
    }

    /** Firable untimed, not in time: b must fire by 1, c cannot before 2; the max search runs. */
    @Test
    void aSequenceNotFirableInTimeIsIgnored() {
        PetriNet.Builder b = PetriNet.builder("race");
        int x = b.place("x", 1);
        int y = b.place("y", 1);
        int done = b.place("done", 0);
        int lost = b.place("lost", 0);
        b.transition("b", TimeInterval.closed(0, 1), List.of(Arc.normal(x, 1)), List.of(Arc.normal(done, 1)));
        b.transition("c", TimeInterval.closed(2, 3), List.of(Arc.normal(y, 1), Arc.normal(x, 1)),
                List.of(Arc.normal(lost, 1)));
        PetriNet net = b.build();
        CompiledPredicate target = PredicateParser.parse("done >= 1").compile(NameResolver.of(net));
        TimeBoundsResult r = reduced(net).compute(target, Budget.unlimited(),
                List.of(new int[] {net.transitionIndex("c")}));
        assertFalse(r.max().isInfinite(), "c never fires first: every run meets done");
        assertEquals(1, r.max().value().intValue());
    }

    private static void agree(PetriNet net, Random r, String where) {
        agree(net, target(r, net), r, where);
    }

    private static void agree(PetriNet net, String text, Random r, String where) {
        CompiledPredicate target = compile(text, net);
        TimeBoundsResult plain = new TimeBounds(net).compute(target, Budget.ofClasses(300_000));
        if (!plain.complete()) {
            return;
        }
        TimeBoundsResult alone = reduced(net).compute(target, Budget.ofClasses(300_000));
        List<int[]> stops = stops(r, net, text);
        TimeBoundsResult mine = reduced(net).compute(target, Budget.ofClasses(300_000), stops);
        assertTrue(mine.complete(), "complete where the full search is: " + where);
        assertEquals(plain.reachable(), mine.reachable(), "reachable: " + where);
        assertEquals(plain.min(), mine.min(), "min (value, strictness): " + where);
        assertEquals(plain.max(), mine.max(), "max (value, strictness): " + where);
        assertEquals(alone.min(), mine.min(), where);
        assertEquals(alone.max(), mine.max(), where);
        assertEquals(text(alone.minTrace()), text(mine.minTrace()), "the same fastest run: " + where);
        assertEquals(text(alone.maxTrace()), text(mine.maxTrace()), "the same slowest run: " + where);
        boolean given = mine.divergence() != null && mine.divergence().given();
        Statistics.label("max").collect(!mine.reachable() ? "unreachable"
                : mine.max().isInfinite() ? (given ? "inf, by a given run" : "inf, by the search") : "finite");
        if (given) {
            assertTrue(plain.max().isInfinite(), "a given run proves only a true infinity: " + where);
            assertTrue(mine.classes() <= alone.classes(), "the max search skipped: " + where);
            stopsShortOnTheNet(net, mine.divergence().prefix(), target, where);
        }
    }

    /** The given run, replayed on the net: a valid schedule, the target never met, ending dead. */
    private static void stopsShortOnTheNet(PetriNet net, TimedTrace trace, CompiledPredicate target, String where) {
        assertNull(ScheduleReplay.check(net, trace), "the run replays: " + where);
        long[] m = net.initialMarking();
        assertFalse(target.test(m, dead(net, m) && trace.steps().isEmpty()), "short of the target: " + where);
        for (TimedTrace.Step s : trace.steps()) {
            int t = net.transitionIndex(s.transition());
            for (Arc a : net.transition(t).inputs()) {
                if (a.kind() == ArcKind.NORMAL) {
                    m[a.place()] -= a.weight();
                }
            }
            for (Arc a : net.transition(t).outputs()) {
                m[a.place()] += a.weight();
            }
            assertFalse(target.test(m, dead(net, m)), "short of the target: " + where);
        }
        assertTrue(dead(net, m), "ending dead: " + where);
    }

    private static boolean dead(PetriNet net, long[] m) {
        for (int t = 0; t < net.transitionCount(); t++) {
            boolean on = true;
            for (Arc a : net.transition(t).inputs()) {
                on &= a.kind() == ArcKind.INHIBITOR ? m[a.place()] < a.weight() : m[a.place()] >= a.weight();
            }
            if (on) {
                return false;
            }
        }
        return true;
    }

    private static String text(TimedTrace t) {
        return t == null ? null : t.toText() + (t.limit() ? " (limit)" : "");
    }

    private static String target(Random r, PetriNet net) {
        return ReachEachPropertiesTest.placePredicate(r, net, 0);
    }

    private static CompiledPredicate compile(String p, PetriNet net) {
        return PredicateParser.parse(p).compile(NameResolver.of(net));
    }

    /**
     * Sequences of every kind: runs to dead markings where the target fails, runs to any dead
     * marking, random untimed firing sequences, junk; in a random order.
     */
    private static List<int[]> stops(Random r, PetriNet net, String target) {
        List<int[]> out = new ArrayList<>();
        for (String p : List.of("dead", "dead and not (" + target + ")")) {
            TimeBoundsResult any = reduced(net).reachAny(compile(p, net), Budget.ofClasses(50_000));
            if (any.reachable()) {
                out.add(indices(net, any.minTrace()));
            }
        }
        for (int n = r.nextInt(3); n > 0; n--) {
            out.add(randomWalk(r, net));
        }
        for (int n = 0; n < 50; n++) {
            int[] walk = classWalk(r, net, compile(target, net));
            if (walk != null) {
                out.add(walk);
                break;
            }
        }
        if (r.nextInt(4) == 0) {
            int[] junk = new int[r.nextInt(5)];
            for (int i = 0; i < junk.length; i++) {
                junk[i] = r.nextInt(net.transitionCount());
            }
            out.add(junk);
        }
        java.util.Collections.shuffle(out, r);
        return out;
    }

    private static int[] indices(PetriNet net, TimedTrace trace) {
        int[] out = new int[trace.steps().size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = net.transitionIndex(trace.steps().get(i).transition());
        }
        return out;
    }

    /**
     * A random walk on the plain class graph that avoids classes where the target holds, until a
     * class where nothing is enabled (null when it meets the target or takes 60 steps): the kind
     * of run that proves the max infinite, found without the search under test.
     */
    private static int[] classWalk(Random r, PetriNet net, CompiledPredicate target) {
        TimedNet tnet = new TimedNet(net);
        FiringDomain step = new FiringDomain(tnet, 0);
        int n = tnet.transitions;
        int[] marking = tnet.initialMarking.clone();
        int[] enabled = new int[n];
        int[] domain = new int[(n + 1) * (n + 1)];
        int k = tnet.enabledList(marking, enabled);
        step.initialDomain(enabled, k, domain);
        List<Integer> fired = new ArrayList<>();
        if (target.test(marking, k == 0)) {
            return null;
        }
        while (k > 0) {
            if (fired.size() >= 60) {
                return null;
            }
            List<Integer> firable = new ArrayList<>();
            for (int fi = 0; fi < k; fi++) {
                if (FiringDomain.firable(domain, 0, k, k + 1, fi)) {
                    firable.add(fi);
                }
            }
            int fi = firable.get(r.nextInt(firable.size()));
            fired.add(enabled[fi]);
            int nd = step.fire(marking, enabled, k, domain, 0, fi);
            System.arraycopy(step.nextMarking, 0, marking, 0, marking.length);
            k = step.nextCount;
            System.arraycopy(step.nextEnabled, 0, enabled, 0, k);
            System.arraycopy(step.nextDomain, 0, domain, 0, nd * nd);
            if (target.test(marking, k == 0)) {
                return null;
            }
        }
        return fired.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Untimed firing, random enabled transitions, until dead or 30 steps. */
    private static int[] randomWalk(Random r, PetriNet net) {
        long[] m = net.initialMarking();
        List<Integer> fired = new ArrayList<>();
        for (int step = 0; step < 30; step++) {
            List<Integer> on = new ArrayList<>();
            for (int t = 0; t < net.transitionCount(); t++) {
                boolean ok = true;
                for (Arc a : net.transition(t).inputs()) {
                    ok &= a.kind() == ArcKind.INHIBITOR ? m[a.place()] < a.weight() : m[a.place()] >= a.weight();
                }
                if (ok) {
                    on.add(t);
                }
            }
            if (on.isEmpty()) {
                break;
            }
            int t = on.get(r.nextInt(on.size()));
            for (Arc a : net.transition(t).inputs()) {
                if (a.kind() == ArcKind.NORMAL) {
                    m[a.place()] -= a.weight();
                }
            }
            for (Arc a : net.transition(t).outputs()) {
                m[a.place()] += a.weight();
            }
            fired.add(t);
        }
        return fired.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The net with its places named p0, p1, … (the generator escapes some names, which the predicates here do not). */
    private static PetriNet named(PetriNet net) {
        PetriNet.Builder b = PetriNet.builder(net.name());
        for (int p = 0; p < net.placeCount(); p++) {
            b.place("p" + p, net.place(p).initialTokens());
        }
        for (dev.cadenza.petri.Transition t : net.transitions()) {
            b.transition(t);
        }
        return b.build();
    }

    private static TimeBounds reduced(PetriNet net) {
        return new TimeBounds(net).reducingZeroTimeInterleavings(true).reducingSymmetries(true);
    }
}
