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

    /**
     * A question whose target holds before the end (p1 marked, then a token moves on) makes the
     * fast path step aside without any search cut: the next question on the net (termination)
     * starts with the fast path again. Before, any aside counted as "cut at the first try", and
     * the termination question went to the state classes first (galera's deploy_mariadb bounds in
     * `check`, after its `parallel`: 10 s instead of 1 s at 8 hosts).
     */
    @Test
    void aFastPathThatSteppedAsideForItsTargetIsTriedFirstForTheNextQuestion() {
        StateClassEngine engine = new StateClassEngine(true, 1000, 1000);
        PetriNet net = chainBesideOne();
        TargetTimes p1 = engine.reach(net, Targets.marked(net.placeIndex("p1")), Budget.unlimited());
        assertEquals(null, p1.statistics().stage());
        assertEquals(new BigFraction(1), p1.min());
        TargetTimes t = engine.timeTo(net, new Predicate.Dead(), Budget.unlimited());
        assertEquals(PersistentTimeBounds.STAGE, t.statistics().stage());
        assertEquals(new BigFraction(2), t.min());
        assertEquals(new BigFraction(6), t.max());
    }

    /**
     * a [1, 1] takes p0 to p1; c [0, 3] takes q0 to q1; d [0, 0] takes p1 and q0 to r. The
     * earliest run (c at 0, a at 1) ends dead in {p1, q1}, with no clash on its way; when c waits
     * past 1, d fires and the run ends dead in {r}. Asked "dead and r marked", the fast path
     * steps aside (its run ends where the target does not hold) and the state classes find the
     * target: two dead markings, so the net is not persistent, and no later question tries the
     * fast path on it (galera's to_galera: its bounds after the deadlock found by `deployable`).
     */
    @Test
    void aSecondDeadMarkingRetiresTheFastPath() {
        PetriNet.Builder b = PetriNet.builder("two ends");
        int p0 = b.place("p0", 1);
        int p1 = b.place("p1", 0);
        int q0 = b.place("q0", 1);
        int q1 = b.place("q1", 0);
        int r = b.place("r", 0);
        b.transition("a", TimeInterval.closed(1, 1), List.of(Arc.normal(p0, 1)), List.of(Arc.normal(p1, 1)));
        b.transition("c", TimeInterval.closed(0, 3), List.of(Arc.normal(q0, 1)), List.of(Arc.normal(q1, 1)));
        b.transition("d", TimeInterval.closed(0, 0), List.of(Arc.normal(p1, 1), Arc.normal(q0, 1)),
                List.of(Arc.normal(r, 1)));
        PetriNet net = b.build();
        StateClassEngine engine = new StateClassEngine(true, 1000, 1000);
        TargetTimes found = engine.reach(net, new Predicate.And(new Predicate.Dead(), Targets.marked(r)),
                Budget.unlimited());
        assertEquals(true, found.reachable());
        assertEquals(new BigFraction(1), found.min());
        assertEquals(true, engine.fastPathRetired(net));
        TargetTimes end = engine.timeTo(net, new Predicate.Dead(), Budget.unlimited());
        assertEquals(null, end.statistics().stage());
        assertEquals(new BigFraction(1), end.min());
        assertEquals(new BigFraction(1), end.max()); // at 1, a ends and either c has fired or d fires at once
    }

    @Test
    void theStateClassesAgree() {
        TargetTimes t = new StateClassEngine(false).timeTo(chainBesideOne(), new Predicate.Dead(), Budget.unlimited());
        assertEquals(null, t.statistics().stage());
        assertEquals(new BigFraction(2), t.min());
        assertEquals(new BigFraction(6), t.max());
    }
}
