package dev.cadenza.petri.reach;

import dev.cadenza.petri.limit.Budget;
import dev.cadenza.petri.limit.Limit;
import dev.cadenza.petri.limit.SimulatedHeap;
import dev.cadenza.petri.limit.MemoryProbe;
import dev.cadenza.petri.Arc;
import dev.cadenza.petri.ArcKind;
import dev.cadenza.petri.PetriNet;
import dev.cadenza.petri.TimeInterval;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MarkingGraphExplorerTest {

    /** A counter up to {@code n}: one place, fed until an inhibitor arc stops it. */
    private static PetriNet counter(long start, long n) {
        PetriNet.Builder b = PetriNet.builder("counter");
        b.place("c", start);
        b.place("other", 1);
        b.transition("inc", TimeInterval.UNBOUNDED,
                List.of(new Arc(0, n, ArcKind.INHIBITOR)), List.of(Arc.normal(0, 1)));
        return b.build();
    }

    @Test
    void aPlaceOutgrowingItsFieldIsWidenedNotOverflowed() {
        ExplorationStatistics s = MarkingGraphExplorer.explore(counter(0, 5000)).statistics();
        assertTrue(s.complete());
        assertEquals(5001, s.markings());
        assertEquals(5000, s.edges());
        assertEquals(1, s.dead());
        assertEquals(5000, s.maxTokens());
    }

    @Test
    void hugeCountsNearTheFieldLimit() {
        long big = 1L << 50;
        MarkingGraph g = MarkingGraphExplorer.explore(counter(big - 3, big));
        assertEquals(4, g.size());
        assertArrayEquals(new long[] {big, 1}, g.marking(g.firstDeadMarking().get()));
        assertEquals(List.of("inc", "inc", "inc"), g.pathNames(g.firstDeadMarking().get()));
    }

    @Test
    void manyPlacesSpanSeveralWords() {
        // 100 places of 1 bit and a token walking around the ring: 100 markings in two words.
        PetriNet.Builder b = PetriNet.builder("ring");
        for (int p = 0; p < 100; p++) {
            b.place("p" + p, p == 0 ? 1 : 0);
        }
        for (int p = 0; p < 100; p++) {
            b.transition("t" + p, TimeInterval.UNBOUNDED, List.of(Arc.normal(p, 1)), List.of(Arc.normal((p + 1) % 100, 1)));
        }
        ExplorationStatistics s = MarkingGraphExplorer.explore(b.build()).statistics();
        assertEquals(100, s.markings());
        assertEquals(100, s.edges());
        assertEquals(0, s.dead());
        assertEquals(99, s.depth());
    }

    @Test
    void anUnboundedNetStopsAtTheStateLimit() {
        PetriNet.Builder b = PetriNet.builder("source");
        b.place("p", 0);
        b.transition("t", TimeInterval.UNBOUNDED, List.of(), List.of(Arc.normal(0, 1)));
        MarkingGraph g = new MarkingGraphExplorer(b.build())
                .budget(Budget.ofClasses(1000)).explore();
        assertFalse(g.statistics().complete());
        assertEquals(Limit.CLASSES, g.statistics().limit());
        assertEquals(1000, g.statistics().markings());
    }

    @Test
    void aFullHeapStopsCleanlyInsteadOfThrowing() {
        // A simulated heap of 64 MB: the store's growth stops at what it would hold.
        PetriNet.Builder b = PetriNet.builder("source");
        b.place("p", 0);
        b.transition("t", TimeInterval.UNBOUNDED, List.of(), List.of(Arc.normal(0, 1)));
        ExplorationStatistics s = new MarkingGraphExplorer(b.build())
                .budget(SimulatedHeap.budget(64L << 20, 0)).explore().statistics();
        assertEquals(Limit.MEMORY, s.limit());
        assertFalse(s.complete());
        assertTrue(s.markings() > 100_000, "it used the room it had: " + s.markings());
    }

    @Test
    void oneTableTooLargeForAnyGenerationStopsTheSearch() {
        // Plenty of free heap in all, but no generation could take the next table whole:
        // the guard refuses the growth rather than let the allocation fail.
        PetriNet.Builder b = PetriNet.builder("source");
        b.place("p", 0);
        b.transition("t", TimeInterval.UNBOUNDED, List.of(), List.of(Arc.normal(0, 1)));
        MemoryProbe fragmented = new MemoryProbe() {
            public long maxHeap() {
                return 8L << 30;
            }

            public long usedHeap() {
                return 0;
            }

            public long largestAllocation() {
                return 2L << 20;
            }

            public void collect() {
            }
        };
        ExplorationStatistics s = new MarkingGraphExplorer(b.build())
                .budget(Budget.unlimited().withMemory(fragmented)).explore().statistics();
        assertEquals(Limit.MEMORY, s.limit());
    }

    @Test
    void aBudgetIsSharedBySearches() {
        Budget budget = Budget.ofClasses(150);
        ExplorationStatistics first = new MarkingGraphExplorer(counter(0, 100)).budget(budget).explore().statistics();
        assertTrue(first.complete());
        ExplorationStatistics second = new MarkingGraphExplorer(counter(0, 100)).budget(budget).explore().statistics();
        assertEquals(Limit.CLASSES, second.limit(), "only 50 of the 150 are left for the second");
        assertEquals(150 - first.markings(), second.markings());
        assertEquals(0, budget.classesLeft());
    }

    @Test
    void aTimeoutStopsCleanly() {
        PetriNet.Builder b = PetriNet.builder("source");
        b.place("p", 0);
        b.place("q", 0);
        b.transition("t", TimeInterval.UNBOUNDED, List.of(), List.of(Arc.normal(0, 1)));
        b.transition("u", TimeInterval.UNBOUNDED, List.of(), List.of(Arc.normal(1, 1)));
        Budget budget = Budget.of(Budget.NO_CLASS_LIMIT, 0.5);
        ExplorationStatistics s = new MarkingGraphExplorer(b.build()).budget(budget).explore().statistics();
        assertEquals(Limit.TIME, s.limit());
        assertTrue(s.seconds() < 4, "stopped soon after the timeout, not " + s.seconds());
        assertTrue(budget.classesUsed() > 0, "the markings are charged to the budget");
        // a later search of the same command has no time left: it stops at once
        ExplorationStatistics later = new MarkingGraphExplorer(counter(0, 100_000)).budget(budget).explore().statistics();
        assertEquals(Limit.TIME, later.limit());
        assertTrue(later.markings() < 10, "stopped at its first look at the clock: " + later.markings());
    }
}
