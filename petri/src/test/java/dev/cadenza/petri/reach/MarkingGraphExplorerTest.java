package dev.cadenza.petri.reach;

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
                .limits(ExplorationLimits.none().withMaxStates(1000)).explore();
        assertFalse(g.statistics().complete());
        assertEquals(StopReason.STATE_LIMIT, g.statistics().stopReason());
        assertEquals(1000, g.statistics().markings());
    }

    @Test
    void aFullHeapStopsCleanlyInsteadOfThrowing() {
        // Keeping 99.9% of the heap in reserve leaves the store no room at all.
        PetriNet.Builder b = PetriNet.builder("source");
        b.place("p", 0);
        b.transition("t", TimeInterval.UNBOUNDED, List.of(), List.of(Arc.normal(0, 1)));
        ExplorationStatistics s = new MarkingGraphExplorer(b.build())
                .limits(ExplorationLimits.none().withMemoryReserve(0.999)).explore().statistics();
        assertEquals(StopReason.MEMORY, s.stopReason());
        assertFalse(s.complete());
    }

    @Test
    void progressIsReportedOnlyAfterTwoSeconds() {
        List<ExplorationProgress> reports = new java.util.ArrayList<>();
        new MarkingGraphExplorer(counter(0, 1000)).listener(reports::add).explore();
        assertEquals(List.of(), reports, "a run of milliseconds says nothing");
    }

    @Test
    void aTimeoutStopsCleanly() {
        PetriNet.Builder b = PetriNet.builder("source");
        b.place("p", 0);
        b.place("q", 0);
        b.transition("t", TimeInterval.UNBOUNDED, List.of(), List.of(Arc.normal(0, 1)));
        b.transition("u", TimeInterval.UNBOUNDED, List.of(), List.of(Arc.normal(1, 1)));
        List<ExplorationProgress> reports = new java.util.ArrayList<>();
        ExplorationStatistics s = new MarkingGraphExplorer(b.build())
                .limits(ExplorationLimits.none().withTimeout(2.5)).listener(reports::add).explore().statistics();
        assertEquals(StopReason.TIMEOUT, s.stopReason());
        assertTrue(s.seconds() < 6, "stopped soon after the timeout, not " + s.seconds());
        assertFalse(reports.isEmpty(), "a run past two seconds reports progress");
        assertTrue(reports.get(0).seconds() >= 2, "first report after two seconds: " + reports.get(0));
        assertTrue(reports.get(0).markings() > 0);
    }
}
