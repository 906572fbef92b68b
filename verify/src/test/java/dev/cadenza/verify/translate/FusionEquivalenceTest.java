package dev.cadenza.verify.translate;

import dev.cadenza.core.model.Model;
import dev.cadenza.verify.Examples;
import dev.cadenza.verify.Subject;
import dev.cadenza.verify.bounds.BoundsReport;
import dev.cadenza.verify.bounds.TimeBoundsAnalysis;
import dev.cadenza.petri.limit.Budget;
import dev.cadenza.verify.engine.StateClassEngine;
import dev.cadenza.verify.property.Deployable;
import dev.cadenza.verify.property.DefectsFixtures;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fusions only remove vanishing zero-time states: with and without them, the same subjects
 * have the same deployability verdicts and the same exact bounds, and the fused net is smaller.
 * Every node of a translated net has a provenance.
 */
class FusionEquivalenceTest {

    private static final TranslationOptions PLAIN = TranslationOptions.DEFAULT.withFuse(false);

    private static void same(Model m, String subject) {
        // the two nets compared, not the executor's replay of their deadlocks
        Subject fused = new Subject(m, subject, new StateClassEngine(), Budget.unlimited()).replay(false);
        Subject plain = new Subject(m, subject, new StateClassEngine(), Budget.unlimited(), PLAIN).replay(false);
        for (boolean untimed : List.of(false, true)) {
            Deployable d = new Deployable(null, untimed, dev.cadenza.core.model.SourcePosition.NONE);
            assertEquals(d.check(plain).word(), d.check(fused).word(), subject + " " + d.name());
        }
        BoundsReport a = TimeBoundsAnalysis.of(fused, null, false);
        BoundsReport b = TimeBoundsAnalysis.of(plain, null, false);
        assertEquals(b.reachable(), a.reachable(), subject);
        assertEquals(b.min(), a.min(), subject + " min");
        assertEquals(b.max(), a.max(), subject + " max");
        assertTrue(fused.net(Subject.Mode.TIMED).net().transitionCount()
                < plain.net(Subject.Mode.TIMED).net().transitionCount(), subject);
    }

    @Test
    void serverClientSubjects() {
        Model m = Examples.example("server-client.cdz");
        for (String s : List.of("deploy", "maintain", "pair")) {
            same(m, s);
        }
    }

    @Test
    void defectsAndTheTimingSafeDesign() {
        same(Examples.parse(DefectsFixtures.CYCLE), "loop");
        same(Examples.parse(DefectsFixtures.TIMING_SAFE), "race");
    }

    @Test
    void everyNodeHasAProvenance() {
        Model m = Examples.example("server-client.cdz");
        for (TranslationOptions o : List.of(TranslationOptions.DEFAULT, PLAIN)) {
            TranslatedNet tn = ModelTranslator.translate(m, "deploy", o);
            assertEquals(tn.net().placeCount(), tn.backMap().placeCount());
            assertEquals(tn.net().transitionCount(), tn.backMap().transitionCount());
            for (int i = 0; i < tn.net().transitionCount(); i++) {
                assertTrue(!tn.backMap().transition(i).describe().isBlank());
            }
        }
    }
}
