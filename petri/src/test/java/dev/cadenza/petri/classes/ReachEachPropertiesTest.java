package dev.cadenza.petri.classes;

import dev.cadenza.petri.Arc;
import dev.cadenza.petri.ArcKind;
import dev.cadenza.petri.PetriNet;
import dev.cadenza.petri.TimeInterval;
import dev.cadenza.petri.limit.Budget;
import dev.cadenza.petri.query.CompiledPredicate;
import dev.cadenza.petri.query.NameResolver;
import dev.cadenza.petri.query.PredicateParser;
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
 * one answered as complete has the full answer.
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
            assertTrue(mine.complete(), "the shared search cut where the full one completed: " + where);
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
    private static List<CompiledPredicate> targets(Random r, int k, PetriNet net) {
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
    private static void assertRunReaches(PetriNet net, TimedTrace trace, CompiledPredicate target, String where) {
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
