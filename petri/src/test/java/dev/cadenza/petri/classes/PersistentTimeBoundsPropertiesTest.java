package dev.cadenza.petri.classes;

import dev.cadenza.petri.PetriNet;
import dev.cadenza.petri.limit.Budget;
import dev.cadenza.petri.query.NameResolver;
import dev.cadenza.petri.query.Predicate;
import dev.cadenza.petri.query.PredicateParser;
import dev.cadenza.petri.testing.RandomNets;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The conflict-free fast path against the full state class exploration (no zero-time reduction):
 * wherever it answers, the same min and max, value and strictness, and its earliest and latest
 * runs replay on the net as valid schedules ending at those times.
 */
class PersistentTimeBoundsPropertiesTest {

    private static final NameResolver NAMES = name -> new int[] {Integer.parseInt(name.substring(1))};

    @Provide
    Arbitrary<PetriNet> closedNets() {
        return RandomNets.terminatingNets(false);
    }

    @Provide
    Arbitrary<PetriNet> anyNets() {
        return RandomNets.terminatingNets(true);
    }

    @Property(tries = 3000)
    void sameBoundsToTheEndAsTheStateClasses(@ForAll("closedNets") PetriNet net) {
        agree(net, null);
    }

    @Property(tries = 2000)
    void sameBoundsAndStrictnessWithOpenAndFractionalBounds(@ForAll("anyNets") PetriNet net) {
        agree(net, null);
    }

    @Property(tries = 2000)
    void sameBoundsToATarget(@ForAll("closedNets") PetriNet net, @ForAll long seed) {
        Random r = new Random(seed);
        int p = net.placeCount() - 1 - r.nextInt(Math.min(3, net.placeCount()));
        String text = switch (r.nextInt(3)) {
            case 0 -> "p" + p + " >= 1";
            case 1 -> "dead and p" + p + " >= 1";
            default -> "p" + p + " = 0";
        };
        agree(net, PredicateParser.parse(text));
    }

    private static void agree(PetriNet net, Predicate target) {
        var fast = new PersistentTimeBounds(net).compute(target, NAMES, Budget.unlimited(), 100_000, true);
        Statistics.label("answered").collect(fast.answered());
        if (!fast.answered()) {
            return;
        }
        TimeBoundsResult r = fast.result();
        TimeBoundsResult full = new TimeBounds(net).reducingZeroTimeInterleavings(false)
                .compute(target == null ? null : target.compile(NAMES), Budget.ofClasses(2_000_000));
        if (!full.complete()) {
            return;
        }
        Statistics.label("strict").collect(!r.min().attained() || !r.max().attained());
        assertTrue(full.reachable(), "the fast path answered for an unreachable target");
        assertEquals(full.min(), r.min(), "min");
        assertEquals(full.max(), r.max(), "max");
        assertNull(ScheduleReplay.check(net, r.minTrace()), "the earliest run replays");
        assertNull(ScheduleReplay.check(net, r.maxTrace()), "the latest run replays");
        assertEquals(r.min().value(), end(r.minTrace()), "the earliest run ends at the min");
        assertEquals(r.max().value(), end(r.maxTrace()), "the latest run ends at the max");
    }

    private static org.apache.commons.math3.fraction.BigFraction end(TimedTrace t) {
        return t.steps().isEmpty() ? org.apache.commons.math3.fraction.BigFraction.ZERO
                : t.steps().get(t.steps().size() - 1).time();
    }

    @Test
    void answersOftenEnoughToMeanSomething() {
        int answered = 0;
        int strict = 0;
        for (long seed = 0; seed < 1000; seed++) {
            PetriNet net = RandomNets.terminating(new Random(seed), true);
            var fast = new PersistentTimeBounds(net).compute(null, NAMES, Budget.unlimited(), 100_000, true);
            if (fast.answered()) {
                answered++;
                if (!fast.result().min().attained() || !fast.result().max().attained()) {
                    strict++;
                }
            }
        }
        assertTrue(answered >= 150, "answered " + answered + " of 1000");
        assertTrue(strict >= 20, "with a bound not attained: " + strict);
    }

    @Test
    void aChainOfTwoGivesTheSumsOfItsBounds() {
        PetriNet.Builder b = PetriNet.builder("chain");
        b.place("a", 1);
        b.place("b", 0);
        b.place("c", 0);
        b.transition("t1", dev.cadenza.petri.TimeInterval.closed(1, 4),
                java.util.List.of(dev.cadenza.petri.Arc.normal(0, 1)), java.util.List.of(dev.cadenza.petri.Arc.normal(1, 1)));
        b.transition("t2", dev.cadenza.petri.TimeInterval.closed(2, 6),
                java.util.List.of(dev.cadenza.petri.Arc.normal(1, 1)), java.util.List.of(dev.cadenza.petri.Arc.normal(2, 1)));
        var a = new PersistentTimeBounds(b.build()).compute(null, NAMES, Budget.unlimited(), 1000, true);
        assertNotNull(a.result(), a.why());
        assertEquals(new TimeValue(new org.apache.commons.math3.fraction.BigFraction(3), true), a.result().min());
        assertEquals(new TimeValue(new org.apache.commons.math3.fraction.BigFraction(10), true), a.result().max());
    }

    @Test
    void aChoiceStepsAside() {
        PetriNet.Builder b = PetriNet.builder("choice");
        b.place("a", 1);
        b.place("b", 0);
        b.transition("t1", dev.cadenza.petri.TimeInterval.closed(1, 4),
                java.util.List.of(dev.cadenza.petri.Arc.normal(0, 1)), java.util.List.of(dev.cadenza.petri.Arc.normal(1, 1)));
        b.transition("t2", dev.cadenza.petri.TimeInterval.closed(2, 6),
                java.util.List.of(dev.cadenza.petri.Arc.normal(0, 1)), java.util.List.of());
        var a = new PersistentTimeBounds(b.build()).compute(null, NAMES, Budget.unlimited(), 1000, true);
        assertNull(a.result());
    }
}
