package dev.cadenza.petri.classes;

import dev.cadenza.petri.Arc;
import dev.cadenza.petri.PetriNet;
import dev.cadenza.petri.TimeInterval;
import dev.cadenza.petri.limit.Budget;
import dev.cadenza.petri.limit.Limit;
import dev.cadenza.petri.limit.SimulatedHeap;
import dev.cadenza.petri.testing.RandomNets;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Time bounds cut by a budget keep exactly what is certain: a run found (a valid schedule, not
 * claimed the fastest), the exact min when only the max search was cut; never a "false" for
 * reachable or an infinite max read off a partial search.
 */
class CutTimeBoundsTest {

    @Provide
    Arbitrary<PetriNet> nets() {
        return RandomNets.closedIntegerNets();
    }

    @Property(tries = 300)
    void aCutSearchStatesOnlyWhatTheFullOneConfirms(@ForAll("nets") PetriNet net,
                                                   @ForAll @LongRange(min = 1, max = 60) long classes) {
        TimeBoundsResult full = TimeBounds.toTermination(net);
        TimeBoundsResult cut = new TimeBounds(net).compute(null, Budget.ofClasses(classes));
        if (cut.complete()) {
            assertEquals(full.reachable(), cut.reachable());
            assertEquals(full.min(), cut.min());
            assertEquals(full.max(), cut.max());
            return;
        }
        assertNull(cut.max(), "no max from a cut search");
        if (cut.min() != null) {
            assertEquals(full.min(), cut.min(), "a min given at a limit is exact");
        }
        if (cut.reachable()) {
            assertTrue(full.reachable());
            assertNull(ScheduleReplay.check(net, cut.minTrace()), "the run found is a run of the net");
        }
    }

    @Test
    void reachAloneSkipsTheMaxSearch() {
        PetriNet net = RandomNets.generate(new java.util.Random(7), false);
        TimeBoundsResult r = new TimeBounds(net).reach(null, Budget.unlimited());
        TimeBoundsResult full = TimeBounds.toTermination(net);
        assertTrue(r.complete());
        assertEquals(full.reachable(), r.reachable());
        assertEquals(full.min(), r.min());
        assertNull(r.max());
    }

    @Test
    void aSmallHeapStopsTheSearchAtMemory() {
        // a token generator: infinitely many classes; the heap is what stops it
        PetriNet.Builder b = PetriNet.builder("gen");
        b.place("p", 1);
        b.place("q", 0);
        b.transition("t", TimeInterval.closed(1, 1),
                List.of(Arc.normal(0, 1)), List.of(Arc.normal(0, 1), Arc.normal(1, 1)));
        TimeBoundsResult r = new TimeBounds(b.build()).compute(null, SimulatedHeap.budget(64L << 20, 40L << 20));
        assertEquals(Limit.MEMORY, r.limit());
        assertFalse(r.reachable());
        assertTrue(r.classes() > 1000, "it used the room it had: " + r.classes());
    }

    @Test
    void aNetTooLargeForTheDomainBuffersIsAMemoryStopNotACrash() {
        // 50,000 transitions: a domain over all of them would be 2.5e9 cells, beyond an int index
        PetriNet.Builder b = PetriNet.builder("wide");
        b.place("p", 1);
        for (int i = 0; i < 50_000; i++) {
            b.transition("t" + i, TimeInterval.UNBOUNDED, List.of(Arc.normal(0, 1)), List.of(Arc.normal(0, 1)));
        }
        PetriNet net = b.build();
        assertEquals(Limit.MEMORY, new TimeBounds(net).compute(null, Budget.unlimited()).limit());
        assertEquals(Limit.MEMORY, new StateClassGraph(net).explore(Budget.unlimited()).limit());
    }

    @Test
    void aPassedDeadlineStopsBeforeTheSetUp() {
        // the same wide net: its set-up alone would stop at the heap, so TIME (not MEMORY) shows
        // that nothing of it was done once the command's time was up
        PetriNet.Builder b = PetriNet.builder("wide");
        b.place("p", 1);
        for (int i = 0; i < 50_000; i++) {
            b.transition("t" + i, TimeInterval.UNBOUNDED, List.of(Arc.normal(0, 1)), List.of(Arc.normal(0, 1)));
        }
        Budget spent = Budget.of(Budget.NO_CLASS_LIMIT, 1e-9);
        while (spent.spent() == Limit.NONE) {
            Thread.onSpinWait(); // a nanosecond: the deadline passes on the next clock reads
        }
        TimeBoundsResult r = new TimeBounds(b.build()).compute(null, spent);
        assertEquals(Limit.TIME, r.limit());
        assertEquals(0, r.classes());
        assertFalse(r.reachable());
    }
}
