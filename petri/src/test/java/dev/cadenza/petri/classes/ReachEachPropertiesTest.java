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
 * {@link TimeBounds#reachEach}, one exploration for several targets, against {@link TimeBounds#reach}
 * for each target alone, without any reduction (the full class graph): on random nets of alike copies
 * ({@link SymmetryPropertiesTest#bundles}: weights, read and inhibitor arcs, [0,0], open and closed
 * intervals, some copies altered) with two to five random targets (one copy named, symmetric sums,
 * {@code dead}, and/or/not), under the zero-time reduction and the symmetry: the same reachability
 * and the same min (value and strictness) for each target, and each fastest run a valid schedule of
 * the net that reaches its target at that min. Cut by a class cap, a target is never unreachable, and
 * one answered as complete has the full answer. The shared search may be cut where a target's own
 * search ends (it expands, for the others, classes where that target holds): it must then say only
 * what it knows, and it must stay rare (under 1% of the targets).
 */
class ReachEachPropertiesTest {

    @Property(tries = 1500)
    void eachTargetGetsItsOwnSearchsAnswer(@ForAll long seed) {
        Random r = new Random(seed);
        int k = 2 + r.nextInt(3);
        PetriNet net = SymmetryPropertiesTest.bundles(r, k);
        List<CompiledPredicate> targets = targets(r, k, net);
        List<TimeBoundsResult> shared = reduced(net).reachEach(targets, Budget.ofClasses(300_000));
        assertEquals(targets.size(), shared.size());
        for (int i = 0; i < targets.size(); i++) {
            TimeBoundsResult full = new TimeBounds(net).reach(targets.get(i), Budget.ofClasses(300_000));
            if (!full.complete()) {
                continue;
            }
            TimeBoundsResult alone = reduced(net).reach(targets.get(i), Budget.ofClasses(300_000));
            TimeBoundsResult mine = shared.get(i);
            String where = "target " + i + " (seed " + seed + ")";
            if (cutWhereItsOwnEnded(net, mine, full, targets.get(i), where)) {
                continue;
            }
            Statistics.label("reachable").collect(full.reachable());
            assertEquals(full.reachable(), mine.reachable(), "reachable: " + where);
            assertEquals(full.min(), mine.min(), "min: " + where);
            assertEquals(alone.min(), mine.min(), "min alone: " + where);
            assertNull(mine.max(), "no max asked for");
            if (mine.reachable()) {
                assertRunReaches(net, mine.minTrace(), targets.get(i), where);
                if (mine.min().attained()) {
                    assertEquals(mine.min().value(), end(mine.minTrace()), "the run reaches it at the min: " + where);
                }
            }
        }
    }

    /**
     * The same on random terminating nets ({@link RandomNets#terminating}: many [0,0] transitions, so
     * the zero-time reduction fires some alone; open and fractional bounds half of the time), targets
     * over any places: what one target reads must stay visible for the others.
     */
    @Property(tries = 1500)
    void eachTargetGetsItsOwnSearchsAnswerOnTerminatingNets(@ForAll long seed) {
        Random r = new Random(seed);
        PetriNet net = RandomNets.terminating(r, r.nextBoolean());
        List<CompiledPredicate> targets = new ArrayList<>();
        for (int n = 2 + r.nextInt(4); n > 0; n--) {
            targets.add(PredicateParser.parse(placePredicate(r, net, 0)).compile(NameResolver.of(net)));
        }
        List<TimeBoundsResult> shared = reduced(net).reachEach(targets, Budget.ofClasses(300_000));
        for (int i = 0; i < targets.size(); i++) {
            TimeBoundsResult full = new TimeBounds(net).reach(targets.get(i), Budget.ofClasses(300_000));
            if (!full.complete()) {
                continue;
            }
            TimeBoundsResult mine = shared.get(i);
            String where = "target " + i + " (seed " + seed + ")";
            if (cutWhereItsOwnEnded(net, mine, full, targets.get(i), where)) {
                continue;
            }
            Statistics.label("reachable").collect(full.reachable());
            assertEquals(full.reachable(), mine.reachable(), "reachable: " + where);
            assertEquals(full.min(), mine.min(), "min: " + where);
            if (mine.reachable()) {
                assertRunReaches(net, mine.minTrace(), targets.get(i), where);
            }
        }
    }

    /**
     * For the targets still open, the shared search expands classes where this one holds, and it
     * keeps every target's places visible: it may outgrow the cap where this target's own search
     * ends (rarely, and never once this target's best class is attained). Cut, it must say only what
     * it knows, and this must stay rare.
     */
    private static boolean cutWhereItsOwnEnded(PetriNet net, TimeBoundsResult mine, TimeBoundsResult full,
            CompiledPredicate target, String where) {
        String label = "shared search cut where the target's own ended";
        Statistics.label(label).collect(!mine.complete());
        Statistics.label(label).coverage(c -> c.check(true).percentage(p -> p < 1));
        if (mine.complete()) {
            return false;
        }
        assertNull(mine.min(), "a cut target has no min: " + where);
        assertTrue(full.reachable() || !mine.reachable(), "a run found exists: " + where);
        if (mine.reachable()) {
            assertRunReaches(net, mine.minTrace(), target, where);
        }
        return true;
    }

    static String placePredicate(Random r, PetriNet net, int depth) {
        String p = net.place(r.nextInt(net.placeCount())).name();
        return switch (r.nextInt(depth < 2 ? 6 : 3)) {
            case 0 -> p + " >= 1";
            case 1 -> p + " = 0";
            case 2 -> "dead";
            case 3 -> "(" + placePredicate(r, net, depth + 1) + ") and (" + placePredicate(r, net, depth + 1) + ")";
            case 4 -> "(" + placePredicate(r, net, depth + 1) + ") or (" + placePredicate(r, net, depth + 1) + ")";
            default -> "not (" + placePredicate(r, net, depth + 1) + ")";
        };
    }

    @Property(tries = 800)
    void aCutSearchNeverSaysUnreachableAndWhatItSettledIsExact(@ForAll long seed) {
        Random r = new Random(seed);
        int k = 2 + r.nextInt(3);
        PetriNet net = SymmetryPropertiesTest.bundles(r, k);
        List<CompiledPredicate> targets = targets(r, k, net);
        long cap = 1 + r.nextInt(40);
        List<TimeBoundsResult> shared = reduced(net).capped(cap).reachEach(targets, Budget.ofClasses(300_000));
        for (int i = 0; i < targets.size(); i++) {
            TimeBoundsResult full = new TimeBounds(net).reach(targets.get(i), Budget.ofClasses(300_000));
            TimeBoundsResult mine = shared.get(i);
            String where = "target " + i + ", cap " + cap + " (seed " + seed + ")";
            assertTrue(mine.classes() <= cap, "the cap holds: " + where);
            Statistics.label("complete").collect(mine.complete());
            if (mine.reachable()) {
                assertRunReaches(net, mine.minTrace(), targets.get(i), where);
            }
            if (!full.complete()) {
                continue;
            }
            if (mine.complete()) {
                assertEquals(full.reachable(), mine.reachable(), "reachable: " + where);
                assertEquals(full.min(), mine.min(), "min: " + where);
            } else {
                assertNull(mine.min(), "a cut target has no min: " + where);
                assertTrue(full.reachable() || !mine.reachable(), "a run found exists: " + where);
            }
        }
    }

    /**
     * One target reached at 1, one never (its place is never marked), one reached at 3 only after the
     * first holds (a class where the first holds must still be expanded for it).
     */
    @Test
    void oneReachedOneNeverAndOneOnlyPastTheOther() {
        PetriNet.Builder b = PetriNet.builder("three");
        int a = b.place("a", 1);
        int x = b.place("x", 0);
        int y = b.place("y", 0);
        int never = b.place("never", 0);
        int once = b.place("once", 1);
        b.transition("t1", TimeInterval.closed(1, 1), List.of(Arc.normal(a, 1)), List.of(Arc.normal(x, 1)));
        b.transition("t2", TimeInterval.closed(2, 2), List.of(new Arc(x, 1, ArcKind.READ), Arc.normal(once, 1)),
                List.of(Arc.normal(y, 1)));
        b.transition("t3", TimeInterval.closed(0, 0), List.of(Arc.normal(never, 1)), List.of());
        PetriNet net = b.build();
        NameResolver names = NameResolver.of(net);
        List<CompiledPredicate> targets = List.of(PredicateParser.parse("x >= 1").compile(names),
                PredicateParser.parse("never >= 1").compile(names), PredicateParser.parse("y >= 1").compile(names));
        List<TimeBoundsResult> r = reduced(net).reachEach(targets, Budget.unlimited());
        assertTrue(r.get(0).reachable());
        assertEquals(1, r.get(0).min().value().intValue());
        assertTrue(r.get(0).complete());
        assertFalse(r.get(1).reachable());
        assertTrue(r.get(1).complete(), "never reached, and the search ran to its end: unreachable");
        assertTrue(r.get(2).reachable());
        assertEquals(3, r.get(2).min().value().intValue());
        assertEquals(List.of("t1"), names(r.get(0).minTrace()));
        assertEquals(List.of("t1", "t2"), names(r.get(2).minTrace()));
        assertEquals(r.get(0).classes(), r.get(2).classes(), "one exploration: one count");
    }

    /**
     * u and v, [0,0] and independent, both fire at 0. The first target reads neither's places: alone,
     * both would be safe and fired one order only, skipping the marking where v has fired and u not —
     * the only one where the second target holds. Its places stay visible for the one search.
     */
    @Test
    void whatOneTargetReadsStaysVisibleForTheOthers() {
        PetriNet.Builder b = PetriNet.builder("orders");
        int a = b.place("a", 1);
        int a2 = b.place("a2", 0);
        int c = b.place("c", 1);
        int c2 = b.place("c2", 0);
        b.place("never", 0);
        b.transition("u", TimeInterval.closed(0, 0), List.of(Arc.normal(a, 1)), List.of(Arc.normal(a2, 1)));
        b.transition("v", TimeInterval.closed(0, 0), List.of(Arc.normal(c, 1)), List.of(Arc.normal(c2, 1)));
        PetriNet net = b.build();
        NameResolver names = NameResolver.of(net);
        for (String first : new String[] {"never >= 1", "dead"}) {
            List<CompiledPredicate> targets = List.of(PredicateParser.parse(first).compile(names),
                    PredicateParser.parse("a >= 1 and c2 >= 1").compile(names));
            List<TimeBoundsResult> r = reduced(net).reachEach(targets, Budget.unlimited());
            assertTrue(r.get(1).reachable(), first + ": the order v then u is explored");
            assertEquals(List.of("v"), names(r.get(1).minTrace()));
        }
    }

    /**
     * Two alike copies; the first target is symmetric in them, the second names one (c1 done, c2 not).
     * Up to the symmetry of the first alone, "c1 done first" and "c2 done first" are one class, stored
     * as whichever comes first: the second target may never be seen. The swap must keep both.
     */
    @Test
    void aSwapIsUsedOnlyWhenEveryTargetKeepsItsValue() {
        PetriNet.Builder b = PetriNet.builder("copies");
        for (int i = 1; i <= 2; i++) {
            int p = b.place("c" + i + ".qa", 1);
            int q = b.place("c" + i + ".qb", 0);
            b.transition("c" + i + ".ua", TimeInterval.closed(1, 2), List.of(Arc.normal(p, 1)), List.of(Arc.normal(q, 1)));
        }
        PetriNet net = b.build();
        NameResolver names = NameResolver.of(net);
        for (String second : new String[] {"c1.qb >= 1 and c2.qa >= 1", "c2.qb >= 1 and c1.qa >= 1"}) {
            List<CompiledPredicate> targets = List.of(PredicateParser.parse("c1.qb + c2.qb >= 2").compile(names),
                    PredicateParser.parse(second).compile(names));
            List<TimeBoundsResult> r = reduced(net).reachEach(targets, Budget.unlimited());
            assertTrue(r.get(0).reachable());
            assertTrue(r.get(1).reachable(), second);
            assertRunReaches(net, r.get(1).minTrace(), targets.get(1), second);
        }
    }

    private static List<String> names(TimedTrace t) {
        List<String> out = new ArrayList<>();
        for (TimedTrace.Step s : t.steps()) {
            out.add(s.transition());
        }
        return out;
    }

    private static TimeBounds reduced(PetriNet net) {
        return new TimeBounds(net).reducingZeroTimeInterleavings(true).reducingSymmetries(true);
    }

    /** Two to five targets over the copies' and the shared places (copy names, sums, dead, and/or/not). */
    static List<CompiledPredicate> targets(Random r, int k, PetriNet net) {
        int n = 2 + r.nextInt(4);
        List<CompiledPredicate> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(PredicateParser.parse(predicate(r, k, 0)).compile(NameResolver.of(net)));
        }
        return out;
    }

    private static String predicate(Random r, int k, int depth) {
        int kind = r.nextInt(depth < 2 ? 8 : 5);
        String copy = "c" + (1 + r.nextInt(k)) + ".q" + "ab".charAt(r.nextInt(2));
        StringBuilder sum = new StringBuilder();
        for (int i = 1; i <= k; i++) {
            sum.append(i == 1 ? "" : " + ").append("c").append(i).append(".qb");
        }
        return switch (kind) {
            case 0 -> copy + " >= 1";
            case 1 -> copy + " = 0";
            case 2 -> "g" + "ab".charAt(r.nextInt(2)) + " >= 1";
            case 3 -> sum + " >= " + (1 + r.nextInt(2));
            case 4 -> "dead";
            case 5 -> "(" + predicate(r, k, depth + 1) + ") and (" + predicate(r, k, depth + 1) + ")";
            case 6 -> "(" + predicate(r, k, depth + 1) + ") or (" + predicate(r, k, depth + 1) + ")";
            default -> "not (" + predicate(r, k, depth + 1) + ")";
        };
    }

    private static org.apache.commons.math3.fraction.BigFraction end(TimedTrace t) {
        return t.steps().isEmpty() ? org.apache.commons.math3.fraction.BigFraction.ZERO
                : t.steps().get(t.steps().size() - 1).time();
    }

    /** A valid schedule of the net (ScheduleReplay) ending in a marking where the target holds. */
    static void assertRunReaches(PetriNet net, TimedTrace trace, CompiledPredicate target, String where) {
        assertNull(ScheduleReplay.check(net, trace), "the run replays: " + where);
        long[] m = net.initialMarking();
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
        }
        boolean dead = true;
        for (int t = 0; t < net.transitionCount() && dead; t++) {
            boolean on = true;
            for (Arc a : net.transition(t).inputs()) {
                on &= a.kind() == ArcKind.INHIBITOR ? m[a.place()] < a.weight() : m[a.place()] >= a.weight();
            }
            dead = !on;
        }
        assertTrue(target.test(m, dead), "the run ends where its target holds: " + where);
    }
}
