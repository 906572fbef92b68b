package dev.cadenza.verify.fastpath;

import dev.cadenza.core.model.Model;
import dev.cadenza.verify.Examples;
import dev.cadenza.petri.limit.Budget;
import dev.cadenza.verify.engine.StateClassEngine;
import dev.cadenza.verify.sensitivity.Delta;
import dev.cadenza.verify.sensitivity.SensitivityAnalysis;
import dev.cadenza.verify.sensitivity.SensitivityReport;
import dev.cadenza.verify.sensitivity.Slack;
import dev.cadenza.verify.sensitivity.TransitionSensitivity;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.commons.math3.fraction.BigFraction;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sensitivity from the critical path (exact slacks) against sensitivity from the state classes
 * (slacks as bounds by monotonicity), on random conflict-free assemblies: the same recomputed
 * totals for every transition moved down and up, slacks that agree (exact slack ≥ delta exactly
 * when the engine finds the max unchanged after growing it by the delta; likewise for the min),
 * and every transition on the engine's critical path has exact slack 0.
 */
class SensitivityAgreementTest {

    @Provide
    Arbitrary<ConflictFreeDeploymentTest.Design> designs() {
        return new ConflictFreeDeploymentTest().designs();
    }

    @Property(tries = 25)
    void exactSlacksAndEngineBoundsAgree(@ForAll("designs") ConflictFreeDeploymentTest.Design d) {
        Model m = Examples.parse(d.text());
        Delta one = Delta.parse("1");
        Budget limits = Budget.of(500_000, 120);
        SensitivityReport fast = SensitivityAnalysis.of(m, "gen", one, new StateClassEngine(), limits);
        SensitivityReport engine = SensitivityAnalysis.withoutFastPath(m, "gen", one, new StateClassEngine(), limits);
        assertEquals(SensitivityAnalysis.CRITICAL_PATH, fast.answeredBy());
        assertEquals(SensitivityAnalysis.STATE_CLASSES, engine.answeredBy());
        assertTrue(engine.complete(), d.text());
        assertEquals(fast.base().min(), engine.base().min(), d.text());
        assertEquals(fast.base().max(), engine.base().max(), d.text());
        Map<String, TransitionSensitivity> byName = new HashMap<>();
        fast.rows().forEach(t -> byName.put(t.name(), t));
        assertEquals(fast.rows().size(), engine.rows().size());
        for (TransitionSensitivity e : engine.rows()) {
            TransitionSensitivity x = byName.get(e.name());
            String where = e.name() + "\n" + d.text();
            assertEquals(x.faster().totals().min(), e.faster().totals().min(), where);
            assertEquals(x.faster().totals().max(), e.faster().totals().max(), where);
            assertEquals(x.slower().totals().min(), e.slower().totals().min(), where);
            assertEquals(x.slower().totals().max(), e.slower().totals().max(), where);
            Slack.Exact exactMax = assertInstanceOf(Slack.Exact.class, x.maxSlack(), where);
            boolean roomForOne = exactMax.value().compareTo(BigFraction.ONE) >= 0;
            assertEquals(roomForOne, e.maxSlack() instanceof Slack.AtLeast, where + " " + e.maxSlack());
            if (e.critical()) {
                assertEquals(BigFraction.ZERO, exactMax.value(), where);
            }
            assertEquals(exactMax.value().compareTo(BigFraction.ZERO) == 0, x.critical(), where);
            if (e.interval().min().signum() > 0) {
                boolean noEffect = x.minSlack() instanceof Slack.All;
                assertEquals(noEffect, !(e.minSlack() instanceof Slack.Below), where + " " + e.minSlack());
            }
        }
    }
}
