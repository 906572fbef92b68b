package dev.cadenza.petri.classes;

import dev.cadenza.petri.Arc;
import dev.cadenza.petri.PetriNet;
import dev.cadenza.petri.TimeInterval;
import dev.cadenza.petri.Transition;
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
 * {@link TimeBounds#reachAny}, a depth-first search of the reduced plain classes that stops at the
 * first class where each target holds, against the full exploration ({@link TimeBounds#reach}
 * without any reduction: Dijkstra over every class with its elapsed time): a target is found iff
 * the full search finds it, and the run found replays on the net as given (every firing enabled,
 * within its interval, no transition overstaying; open bounds met strictly unless the trace says
 * it is a limit) and ends where the target holds. On random looping nets (cycles, weights, read and
 * inhibitor arcs, open and fractional bounds; again with a third of the intervals made [0,0], so
 * that the zero-time reduction and its ignoring proviso have cycles to work on), random
 * terminating nets, and nets of alike copies (the symmetry), one to five targets a search. Cut by a
 * class cap, a target is never unreachable and a run found is real.
 */
class ReachAnyPropertiesTest {

    @Property(tries = 2000)
    void foundIffTheFullSearchFindsItOnLoopingNets(@ForAll long seed) {
        Random r = new Random(seed);
        PetriNet net = copy(RandomNets.generate(r, r.nextBoolean()), r, false);
        agree(net, targets(r, net), "looping net (seed " + seed + ")");
    }

    @Property(tries = 2000)
    void foundIffTheFullSearchFindsItOnZeroTimeLoops(@ForAll long seed) {
        Random r = new Random(seed);
        PetriNet net = copy(RandomNets.generate(r, r.nextBoolean()), r, true);
        agree(net, targets(r, net), "zero-time looping net (seed " + seed + ")");
    }

    @Property(tries = 2000)
    void foundIffTheFullSearchFindsItOnTerminatingNets(@ForAll long seed) {
        Random r = new Random(seed);
        PetriNet net = RandomNets.terminating(r, r.nextBoolean());
        agree(net, targets(r, net), "terminating net (seed " + seed + ")");
    }

    @Property(tries = 1500)
    void foundIffTheFullSearchFindsItUnderSymmetry(@ForAll long seed) {
        Random r = new Random(seed);
        int k = 2 + r.nextInt(3);
        PetriNet net = SymmetryPropertiesTest.bundles(r, k);
        List<CompiledPredicate> targets = ReachEachPropertiesTest.targets(r, k, net);
        agree(net, r.nextInt(3) == 0 ? targets.subList(0, 1) : targets, "copies (seed " + seed + ")");
    }

    @Property(tries = 1000)
    void aCutSearchNeverSaysUnreachable(@ForAll long seed) {
        Random r = new Random(seed);
        PetriNet net = r.nextBoolean() ? copy(RandomNets.generate(r, true), r, r.nextBoolean())
                : SymmetryPropertiesTest.bundles(r, 2 + r.nextInt(3));
        List<CompiledPredicate> targets = targets(r, net);
        long cap = 1 + r.nextInt(30);
        List<TimeBoundsResult> any = reduced(net).capped(cap).reachAny(targets, Budget.ofClasses(300_000));
        for (int i = 0; i < targets.size(); i++) {
            String where = "target " + i + ", cap " + cap + " (seed " + seed + ")";
            TimeBoundsResult mine = any.get(i);
            assertTrue(mine.classes() <= cap, "the cap holds: " + where);
            Statistics.label("complete").collect(mine.complete());
            if (mine.reachable()) {
                assertTrue(mine.complete(), "a target found is settled: " + where);
                assertReal(net, mine.minTrace(), targets.get(i), where);
                continue;
            }
            TimeBoundsResult full = new TimeBounds(net).reach(targets.get(i), Budget.ofClasses(300_000));
            if (mine.complete() && full.complete()) {
                assertFalse(full.reachable(), "unreachable only after a complete search: " + where);
            }
        }
    }

    /** The same answers, one search for all targets or one each, reduced or not, and against the full Dijkstra. */
    private static void agree(PetriNet net, List<CompiledPredicate> targets, String where) {
        List<TimeBoundsResult> shared = reduced(net).reachAny(targets, Budget.ofClasses(300_000));
        List<TimeBoundsResult> plain = new TimeBounds(net).reachAny(targets, Budget.ofClasses(300_000));
        for (int i = 0; i < targets.size(); i++) {
            String at = "target " + i + ", " + where;
            TimeBoundsResult full = new TimeBounds(net).reach(targets.get(i), Budget.ofClasses(300_000));
            if (!full.complete()) {
                continue;
            }
            TimeBoundsResult alone = reduced(net).reachAny(targets.get(i), Budget.ofClasses(300_000));
            for (TimeBoundsResult mine : List.of(shared.get(i), plain.get(i), alone)) {
                assertTrue(mine.complete(), "cut where the full search completed: " + at);
                assertEquals(full.reachable(), mine.reachable(), "found: " + at);
                assertNull(mine.min(), "no min is asked for: " + at);
                if (mine.reachable()) {
                    assertReal(net, mine.minTrace(), targets.get(i), at);
                    Statistics.label("a limit of runs").collect(mine.minTrace().limit());
                }
            }
            Statistics.label("reachable").collect(full.reachable());
            Statistics.label("reduced classes <= full classes").collect(alone.classes() <= full.classes());
        }
    }

    /** A run of the net as given, open bounds strict unless it says it is a limit, ending where the target holds. */
    private static void assertReal(PetriNet net, TimedTrace trace, CompiledPredicate target, String where) {
        ReachEachPropertiesTest.assertRunReaches(net, trace, target, where);
        if (!trace.limit()) {
            assertNull(ScheduleReplay.checkOpen(net, trace), "not a limit, so a real run: " + where);
        }
    }

    private static TimeBounds reduced(PetriNet net) {
        return new TimeBounds(net).reducingZeroTimeInterleavings(true).reducingSymmetries(true);
    }

    private static List<CompiledPredicate> targets(Random r, PetriNet net) {
        List<CompiledPredicate> out = new ArrayList<>();
        for (int n = 1 + r.nextInt(4); n > 0; n--) {
            out.add(PredicateParser.parse(ReachEachPropertiesTest.placePredicate(r, net, 0))
                    .compile(NameResolver.of(net)));
        }
        return out;
    }

    /**
     * The net with its places named p0, p1, … (the generator escapes some names, which the
     * predicates here do not), and with {@code zeroTime} about a third of its intervals made [0,0].
     */
    private static PetriNet copy(PetriNet net, Random r, boolean zeroTime) {
        PetriNet.Builder b = PetriNet.builder(net.name());
        for (int p = 0; p < net.placeCount(); p++) {
            b.place("p" + p, net.place(p).initialTokens());
        }
        for (Transition t : net.transitions()) {
            TimeInterval iv = zeroTime && r.nextInt(3) == 0 ? TimeInterval.closed(0, 0) : t.interval();
            b.transition(new Transition(t.name(), t.label(), iv, t.inputs(), t.outputs()));
        }
        return b.build();
    }

    /**
     * A cycle of [0,0] moves and a target behind a timed move: with t fired alone from the cycle's
     * classes, the reduced search must still leave the cycle (the ignoring proviso) to find it.
     */
    @Test
    void aZeroTimeCycleDoesNotHideTheTarget() {
        PetriNet.Builder b = PetriNet.builder("cycle");
        int a = b.place("a", 1);
        int c = b.place("c", 0);
        int x = b.place("x", 1);
        int y = b.place("y", 0);
        b.transition("go", TimeInterval.closed(0, 0), List.of(Arc.normal(a, 1)), List.of(Arc.normal(c, 1)));
        b.transition("back", TimeInterval.closed(0, 0), List.of(Arc.normal(c, 1)), List.of(Arc.normal(a, 1)));
        b.transition("slow", TimeInterval.closed(0, 2), List.of(Arc.normal(x, 1)), List.of(Arc.normal(y, 1)));
        PetriNet net = b.build();
        CompiledPredicate target = PredicateParser.parse("y >= 1").compile(NameResolver.of(net));
        TimeBoundsResult r = reduced(net).reachAny(target, Budget.unlimited());
        assertTrue(r.reachable());
        assertTrue(r.complete());
        assertReal(net, r.minTrace(), target, "cycle");
    }

    /** Nothing reachable: the search runs to its end and says so; the initial marking counts. */
    @Test
    void unreachableAfterACompleteSearchAndTheInitialClassIsTested() {
        PetriNet.Builder b = PetriNet.builder("line");
        int a = b.place("a", 1);
        int c = b.place("c", 0);
        b.place("never", 0);
        b.transition("t", TimeInterval.closed(1, 2), List.of(Arc.normal(a, 1)), List.of(Arc.normal(c, 1)));
        PetriNet net = b.build();
        NameResolver names = NameResolver.of(net);
        List<TimeBoundsResult> r = reduced(net).reachAny(List.of(PredicateParser.parse("never >= 1").compile(names),
                PredicateParser.parse("a >= 1").compile(names), PredicateParser.parse("dead").compile(names)),
                Budget.unlimited());
        assertFalse(r.get(0).reachable());
        assertTrue(r.get(0).complete());
        assertTrue(r.get(1).reachable());
        assertTrue(r.get(1).minTrace().steps().isEmpty(), "the initial class");
        assertTrue(r.get(2).reachable());
        assertEquals(1, r.get(2).minTrace().steps().size());
        assertEquals(1, r.get(2).minTrace().steps().get(0).time().intValue(), "the earliest date of the path");
    }
}
