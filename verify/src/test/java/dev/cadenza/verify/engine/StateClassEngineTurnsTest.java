package dev.cadenza.verify.engine;

import dev.cadenza.petri.Arc;
import dev.cadenza.petri.ArcKind;
import dev.cadenza.petri.PetriNet;
import dev.cadenza.petri.TimeInterval;
import dev.cadenza.petri.classes.PersistentTimeBounds;
import dev.cadenza.petri.limit.Budget;
import dev.cadenza.petri.query.Predicate;
import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The stages' turns ({@link StateClassEngine#search}): a conflict-free net whose persistence check
 * is cut at the fast path's first try, and whose state classes are cut at theirs, is answered by
 * the fast path with its whole cap. The tries are shrunk to 1 (marking, class) so that a net of
 * six transitions needs them all. Before the fix, a cut first try marked the net "not
 * persistent" and the fast path was never tried again (galera's deploy_mariadb under Concerto-D
 * went to the state classes and out of heap).
 */
class StateClassEngineTurnsTest {

    /**
     * a [1, 2] then b [1, 3] (reading r) then d [0, 1] (taking r), beside c [2, 2]. d could disable
     * b (it takes the r that b reads) but is never enabled with it (both need the chain's one
     * token), so the persistence check must search to rule it out. Min max(1 + 1 + 0, 2) = 2, max
     * max(2 + 3 + 1, 2) = 6.
     */
    private static PetriNet chainBesideOne() {
        PetriNet.Builder b = PetriNet.builder("turns");
        int p0 = b.place("p0", 1);
        int p1 = b.place("p1", 0);
        int p2 = b.place("p2", 0);
        int r = b.place("r", 1);
        int s = b.place("s", 0);
        int q0 = b.place("q0", 1);
        int q1 = b.place("q1", 0);
        b.transition("a", TimeInterval.closed(1, 2), List.of(Arc.normal(p0, 1)), List.of(Arc.normal(p1, 1)));
        b.transition("b", TimeInterval.closed(1, 3), List.of(Arc.normal(p1, 1), new Arc(r, 1, ArcKind.READ)),
                List.of(Arc.normal(p2, 1)));
        b.transition("d", TimeInterval.closed(0, 1), List.of(Arc.normal(p2, 1), Arc.normal(r, 1)),
                List.of(Arc.normal(s, 1)));
        b.transition("c", TimeInterval.closed(2, 2), List.of(Arc.normal(q0, 1)), List.of(Arc.normal(q1, 1)));
        return b.build();
    }

    @Test
    void aFastPathCutAtItsFirstTryGetsItsWholeCapAfterTheClassesTry() {
        TargetTimes t = new StateClassEngine(true, 1, 1).timeTo(chainBesideOne(), new Predicate.Dead(),
                Budget.unlimited());
        assertEquals(PersistentTimeBounds.STAGE, t.statistics().stage());
        assertEquals(new BigFraction(2), t.min());
        assertEquals(new BigFraction(6), t.max());
    }

    @Test
    void theStateClassesAgree() {
        TargetTimes t = new StateClassEngine(false).timeTo(chainBesideOne(), new Predicate.Dead(), Budget.unlimited());
        assertEquals(null, t.statistics().stage());
        assertEquals(new BigFraction(2), t.min());
        assertEquals(new BigFraction(6), t.max());
    }
}
