package dev.cadenza.verify.fastpath;

import dev.cadenza.core.model.Model;
import dev.cadenza.core.model.SourcePosition;
import dev.cadenza.verify.Examples;
import dev.cadenza.verify.Subject;
import dev.cadenza.verify.bounds.BoundsReport;
import dev.cadenza.verify.bounds.TimeBoundsAnalysis;
import dev.cadenza.petri.limit.Budget;
import dev.cadenza.verify.engine.StateClassEngine;
import dev.cadenza.verify.property.Deployable;
import dev.cadenza.verify.property.Verdict;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fast path against the state classes: on random conflict-free assemblies (each component a
 * DAG of places with forks — all outgoing transitions run — and joins — a place waits for all its
 * incoming transitions; uses of earlier components' ports provided {@code from} a place, as
 * {@code data at} a place, or {@code at} a final place) both give the same min, max and
 * deployable verdict; and designs with a choice or a lock are refused by the detector.
 */
class ConflictFreeDeploymentTest {

    /** Transition: from place {@code from} to place {@code to} of its component, [min, min + width]. */
    record Step(int from, int to, int min, int width) {
    }

    /** (transition t of component user) waits for port {@code port} of component provider < user. */
    record Use(int user, int transition, int provider, int port) {
    }

    record Design(List<List<Step>> components, List<Use> uses) {

        static int places(List<Step> steps) {
            int n = 0;
            for (Step s : steps) {
                n = Math.max(n, s.to());
            }
            return n + 1;
        }

        String text() {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < components.size(); i++) {
                List<Step> steps = components.get(i);
                int places = places(steps);
                sb.append("component C").append(i).append(" {\n  places");
                for (int k = 0; k < places; k++) {
                    sb.append(k == 0 ? " " : ", ").append('q').append(k);
                }
                sb.append("\n  initial q0\n  behavior deploy {\n");
                for (int k = 0; k < steps.size(); k++) {
                    Step s = steps.get(k);
                    sb.append("    t").append(k).append(": q").append(s.from()).append(" -> q").append(s.to())
                            .append(" [").append(s.min()).append(", ").append(s.min() + s.width()).append("]\n");
                }
                sb.append("  }\n");
                // port 0: service at the last place (never left); 1..: from / data at each later place
                sb.append("  provide p0 at q").append(places - 1).append('\n');
                for (int k = 1; k < places; k++) {
                    sb.append("  provide p").append(k).append(k % 2 == 0 ? " data at q" : " from q").append(k).append('\n');
                }
                for (int u = 0; u < uses.size(); u++) {
                    Use x = uses.get(u);
                    if (x.user() == i) {
                        boolean data = x.port() > 0 && x.port() % 2 == 0;
                        sb.append("  use u").append(u).append(data ? " data" : "").append(" by t")
                                .append(x.transition()).append('\n');
                    }
                }
                sb.append("}\n");
            }
            sb.append("assembly gen {\n");
            for (int i = 0; i < components.size(); i++) {
                sb.append("  c").append(i).append(": C").append(i).append('\n');
            }
            for (int u = 0; u < uses.size(); u++) {
                Use x = uses.get(u);
                sb.append("  connect c").append(x.provider()).append(".p").append(x.port())
                        .append(" -> c").append(x.user()).append(".u").append(u).append('\n');
            }
            return sb.append("}\n").toString();
        }
    }

    /** A DAG over places 0..n: each place k >= 1 entered from one or two earlier places. */
    private static Arbitrary<List<Step>> component() {
        Arbitrary<int[]> raw = Arbitraries.integers().between(0, 1000).array(int[].class).ofSize(6);
        return Combinators.combine(Arbitraries.integers().between(1, 3), raw.list().ofSize(3)).as((n, r) -> {
            List<Step> steps = new ArrayList<>();
            for (int k = 1; k <= n; k++) {
                int[] x = r.get(k - 1);
                steps.add(new Step(x[0] % k, k, x[1] % 4, x[2] % 3));
                if (x[3] % 3 == 0 && k >= 2) {
                    steps.add(new Step(x[4] % k, k, x[5] % 4, x[3] % 2));
                }
            }
            return steps;
        });
    }

    @Provide
    Arbitrary<Design> designs() {
        return component().list().ofMinSize(1).ofMaxSize(3).flatMap(cs -> {
            if (cs.size() < 2) {
                return Arbitraries.just(new Design(cs, List.of()));
            }
            Arbitrary<Use> use = Arbitraries.integers().between(0, 1000).list().ofSize(4).map(r -> {
                int user = 1 + r.get(0) % (cs.size() - 1);
                int provider = r.get(1) % user;
                return new Use(user, r.get(2) % cs.get(user).size(), provider,
                        r.get(3) % Design.places(cs.get(provider)));
            });
            return use.list().ofMaxSize(3).map(us -> new Design(cs, us));
        });
    }

    @Property(tries = 60)
    void theCriticalPathAndTheStateClassesAgree(@ForAll("designs") Design d) {
        Model m = Examples.parse(d.text());
        ConflictFreeDeployment fast = ConflictFreeDeployment.of(m, "gen");
        assertTrue(fast.applies(), () -> fast.reason() + "\n" + d.text());

        Subject s = new Subject(m, "gen", new StateClassEngine(), Budget.of(500_000, 120));
        BoundsReport r = TimeBoundsAnalysis.of(s, null, false);
        assertTrue(r.statistics().complete(), d.text());
        assertEquals(r.min(), fast.min(), d.text());
        assertEquals(r.max(), fast.max(), d.text());
        Verdict v = new Deployable(null, false, SourcePosition.NONE).check(s);
        assertInstanceOf(Verdict.Holds.class, v, d.text());
        // with a step cost the arithmetic (which counts no move) steps aside: the state classes answer
        Model stepped = m.withStep(new dev.cadenza.core.model.Duration(java.math.BigDecimal.ZERO,
                new java.math.BigDecimal("0.05")));
        ConflictFreeDeployment aside = ConflictFreeDeployment.of(stepped, "gen");
        assertTrue(!aside.applies() && aside.reason().contains("step"), aside::reason);
    }

    private static final String PROVIDER = """
            component P {
              places off, running, stopped
              initial off
              behavior deploy {
                start: off -> running [1, 2]
                stop:  running -> stopped [1, 2]
              }
              provide service at running
            }
            component U {
              places off, on
              initial off
              behavior deploy { go: off -> on [1, 1] }
              use service at on
            }
            component V {
              places off, on
              initial off
              behavior deploy { go: off -> on [1, 1] }
              use service by go
            }
            """;

    @Test
    void aProviderThatLeavesWhileUsedIsRefused() {
        Model m = Examples.parse(PROVIDER + "assembly a {\n p: P\n v: V\n connect p.service -> v.service\n}\n");
        ConflictFreeDeployment cf = ConflictFreeDeployment.of(m, "a");
        assertFalse(cf.applies());
        assertTrue(cf.reason().contains("may be withdrawn"), cf.reason());
    }

    @Test
    void aUserBoundToPlacesIsRefused() {
        Model m = Examples.parse(PROVIDER + "assembly a {\n p: P\n u: U\n connect p.service -> u.service\n}\n");
        assertFalse(ConflictFreeDeployment.of(m, "a").applies());
    }

    @Test
    void anUnconnectedUseIsRefused() {
        Model m = Examples.parse(PROVIDER + "assembly a {\n v: V\n}\n");
        ConflictFreeDeployment cf = ConflictFreeDeployment.of(m, "a");
        assertFalse(cf.applies());
        assertTrue(cf.reason().contains("not connected"), cf.reason());
    }

    @Test
    void aJoinWithAlternativesIsRefused() {
        Model m = Examples.parse("""
                component J {
                  places a, b, c
                  initial a
                  behavior deploy {
                    x: a -> b [1, 1]
                    y: a -> c [1, 2]
                    z: c -> b [1, 1]
                  }
                  join b { x } or { z }
                }
                assembly a { j: J }
                """);
        assertFalse(ConflictFreeDeployment.of(m, "a").applies());
    }

    @Test
    void theOpenStackExampleIsConflictFreeWithItsKnownBounds() {
        Model m = Examples.example("openstack.cdz");
        ConflictFreeDeployment cf = ConflictFreeDeployment.of(m, "openstack");
        assertTrue(cf.applies(), cf.reason());
        assertEquals("141.216", new java.math.BigDecimal(cf.min().getNumerator())
                .divide(new java.math.BigDecimal(cf.min().getDenominator())).toPlainString());
        assertEquals("mariadb.pull", cf.criticalPath().get(0).toString());
        assertEquals("nova.cell_setup", cf.criticalPath().get(cf.criticalPath().size() - 1).toString());
    }
}
