package dev.cadenza.verify.bounds;

import dev.cadenza.core.model.Semantics;
import dev.cadenza.petri.classes.PersistentTimeBounds;
import dev.cadenza.petri.limit.Budget;
import dev.cadenza.verify.Examples;
import dev.cadenza.verify.Subject;
import dev.cadenza.verify.engine.StateClassEngine;
import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * galera's deploy_mariadb under Concerto-D is conflict-free: its net's stops (a del of an instance
 * left connected) are never enabled, and once the persistence check knows it, its searches are
 * small (about 50,000 markings in all). Before, every transition's search carried the stops
 * (every transition is inhibited by {@code stopped}) and one of them took 1.65 million markings:
 * the fast path was cut and the state classes ran out of heap. The budget here keeps the fast
 * path to its first try (a quarter of the classes), so a cut shows as the state classes' answer.
 */
class ConcertoDFastPathTest {

    @Test
    void galerasDeployMariadbUnderConcertoDIsAnsweredByTheFastPath() {
        var m = Examples.example("galera.cdz").withSemantics(Semantics.CONCERTO_D);
        Subject s = new Subject(m, "deploy_mariadb", new StateClassEngine(), Budget.ofClasses(600_000));
        BoundsReport r = TimeBoundsAnalysis.of(s, null, false);
        assertEquals(PersistentTimeBounds.STAGE, r.statistics().stage());
        // the centralized [78.4, 84.9] and Concerto-D's 50 ms polling, up to one step per move
        assertEquals(new BigFraction(392, 5), r.min());
        assertEquals(new BigFraction(1761, 20), r.max());
    }
}
