package dev.cadenza.verify.sensitivity;

import dev.cadenza.core.model.Model;
import dev.cadenza.verify.Examples;
import dev.cadenza.petri.limit.Budget;
import dev.cadenza.verify.engine.StateClassEngine;
import dev.cadenza.verify.fastpath.ConflictFreeDeployment;
import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SensitivityAnalysisTest {

    /** A fresh budget per analysis: a budget is one command's, its clock starts when it is made. */
    private static Budget limits() {
        return Budget.of(1_000_000, 120);
    }

    private static BigFraction f(String decimal) {
        BigDecimal d = new BigDecimal(decimal);
        return new BigFraction(d.unscaledValue(), BigDecimal.TEN.pow(Math.max(0, d.scale())).toBigInteger());
    }

    private static TransitionSensitivity row(SensitivityReport r, String name) {
        return r.rows().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void onOpenStackTheRankingAgreesWithTheCriticalPath() {
        Model m = Examples.example("openstack.cdz");
        Set<String> path = new HashSet<>();
        ConflictFreeDeployment.of(m, "openstack").criticalPath().forEach(s -> path.add(s.toString()));
        assertEquals(9, path.size());
        for (Delta delta : List.of(Delta.parse("1"), Delta.parse("10%"))) {
            SensitivityReport r = SensitivityAnalysis.of(m, "openstack", delta, new StateClassEngine(), limits());
            assertEquals(SensitivityAnalysis.CRITICAL_PATH, r.answeredBy());
            assertEquals(31, r.rows().size());
            // the critical transitions, and only they, have slack 0, and they rank first
            for (int i = 0; i < r.rows().size(); i++) {
                TransitionSensitivity t = r.rows().get(i);
                boolean onPath = path.contains(t.name());
                assertEquals(onPath, t.critical(), t.name());
                assertEquals(onPath, t.maxSlack().value().compareTo(BigFraction.ZERO) == 0, t.name());
                assertEquals(onPath, i < path.size(), delta + ": " + t.name() + " ranks " + (i + 1));
            }
        }
    }

    @Test
    void openStackNumbersCheckedByHand() {
        Model m = Examples.example("openstack.cdz");
        SensitivityReport r = SensitivityAnalysis.of(m, "openstack", Delta.parse("10%"), new StateClassEngine(), limits());
        assertEquals(f("141.216"), r.base().min());
        assertEquals(f("160.633"), r.base().max());
        // mariadb.register [2.736, 2.946] is on both critical paths (min and max): +10% moves each total by
        // 10% of its own bound: [141.216 + 0.2736, 160.633 + 0.2946]
        TransitionSensitivity register = row(r, "mariadb.register");
        assertEquals(f("141.4896"), register.slower().totals().min());
        assertEquals(f("160.9276"), register.slower().totals().max());
        assertEquals(f("140.9424"), register.faster().totals().min());
        assertEquals(f("160.3384"), register.faster().totals().max());
        // keystone.deploy: mariadb is deployed at 27.191 + 23.329 + 12.726 + 2.946 + 12.592 = 78.784 (keystone.pull
        // ends by 33.353), keystone.deploy ends by 78.784 + 35.997 = 114.781; the longest after it is
        // neutron.register + neutron.deploy = 19.264 + 18.873, so the longest path through it is 152.918:
        // slack 160.633 - 152.918 = 7.715. Its +10% (3.5997) fits: the total max stays.
        TransitionSensitivity keystone = row(r, "keystone.deploy");
        assertEquals(new Slack.Exact(f("7.715")), keystone.maxSlack());
        assertEquals(f("160.633"), keystone.slower().totals().max());
        // on the min side keystone.deploy is critical (the min path goes through it): its min cannot shrink
        assertEquals(new Slack.Exact(BigFraction.ZERO), keystone.minSlack());
        assertEquals(f("144.713"), keystone.slower().totals().min());
        // nova.cell_setup is not on the min path: its min can shrink to 0 without moving the total min
        assertEquals(new Slack.All(f("34.428")), row(r, "nova.cell_setup").minSlack());
    }

    @Test
    void theStateClassesRecomputeAndBoundTheSlack() {
        Model m = Examples.example("server-client.cdz");
        SensitivityReport r = SensitivityAnalysis.of(m, "deploy", Delta.parse("1"), new StateClassEngine(), limits());
        assertEquals(SensitivityAnalysis.STATE_CLASSES, r.answeredBy());
        assertTrue(r.complete());
        assertEquals(5, r.rows().size());
        // by hand, c.install [3, 6] -> [4, 7]: min 4 + configure 1 + start 0 = 5 (s is running by 3);
        // max 7 + configure 2 + start 1 = 10
        TransitionSensitivity install = row(r, "c.install");
        assertEquals(new BigFraction(5), install.slower().totals().min());
        assertEquals(new BigFraction(10), install.slower().totals().max());
        assertTrue(install.critical());
        assertEquals(new Slack.Below(BigFraction.ONE), install.maxSlack());
        // s.allocate [2, 5]: its ip is needed by c.configure, which starts at 3 at the earliest and 6 at the
        // latest; s is running by 8 <= 9: one more second changes nothing
        TransitionSensitivity allocate = row(r, "s.allocate");
        assertEquals(new Slack.AtLeast(BigFraction.ONE), allocate.maxSlack());
        assertEquals(new BigFraction(4), allocate.slower().totals().min());
        assertEquals(new BigFraction(9), allocate.slower().totals().max());
        assertTrue(!allocate.critical());
        // the ranking: the three transitions of c first
        assertEquals(Set.of("c.install", "c.configure", "c.start"),
                Set.of(r.rows().get(0).name(), r.rows().get(1).name(), r.rows().get(2).name()));
    }

    @Test
    void aProgramAfterAnotherOnlyCountsWhatItPushes() {
        Model m = Examples.example("server-client.cdz");
        SensitivityReport r = SensitivityAnalysis.of(m, "maintain", Delta.parse("1"), new StateClassEngine(), limits());
        assertEquals(Set.of("s.stop", "s.allocate", "s.start", "c.pause", "c.install", "c.configure", "c.start"),
                new HashSet<>(r.rows().stream().map(TransitionSensitivity::name).toList()));
        assertEquals(new BigFraction(2), r.base().min());
        assertEquals(new BigFraction(6), r.base().max());
    }

    @Test
    void deltas() {
        Delta tenth = Delta.parse("10%");
        assertEquals(new dev.cadenza.core.model.Duration(new BigDecimal("2.7"), new BigDecimal("4.5")),
                tenth.faster(dev.cadenza.core.model.Duration.of(3, 5)));
        assertEquals(new dev.cadenza.core.model.Duration(new BigDecimal("3.3"), null),
                tenth.slower(new dev.cadenza.core.model.Duration(new BigDecimal("3"), null)));
        Delta two = Delta.parse("2");
        assertEquals(dev.cadenza.core.model.Duration.of(0, 3), two.faster(dev.cadenza.core.model.Duration.of(1, 5)));
        assertEquals("10%", tenth.toString());
        assertEquals("2 s", two.toString());
        assertThrows(IllegalArgumentException.class, () -> Delta.parse("0"));
        assertThrows(IllegalArgumentException.class, () -> Delta.parse("-1"));
        assertThrows(IllegalArgumentException.class, () -> Delta.parse("ten%"));
        assertInstanceOf(Delta.class, Delta.parse("2.5%"));
    }
}
