package dev.cadenza.verify.execute;

import dev.cadenza.core.model.Duration;
import dev.cadenza.core.model.Model;
import dev.cadenza.core.model.SourcePosition;
import dev.cadenza.verify.Examples;
import dev.cadenza.verify.Subject;
import dev.cadenza.verify.bounds.BoundsReport;
import dev.cadenza.verify.bounds.TimeBoundsAnalysis;
import dev.cadenza.petri.limit.Budget;
import dev.cadenza.verify.LimitReachedException;
import dev.cadenza.verify.engine.StateClassEngine;
import dev.cadenza.verify.property.Deployable;
import dev.cadenza.verify.property.Verdict;
import dev.cadenza.verify.trace.Run;
import dev.cadenza.verify.trace.RunEnd;
import dev.cadenza.verify.translate.TranslationOptions;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.constraints.IntRange;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The executor against the exact analysis of the translated net, on random assemblies with
 * service ports bound to places, groups and transitions, forks and joins: every run the executor
 * finishes ends within the exact bounds of {@code bounds}, and every run it deadlocks in is a
 * deadlock {@code deployable} reports. Both readings of the semantics must agree for this to hold;
 * where they do not, the minimal model jqwik shrinks to says which rule differs.
 */
class ExecutorAgainstCheckProperties {

    /** A transition from place src to dst (> src) taking [a, a + w]. */
    record T(int src, int dst, int a, int w) {
    }

    /** A port: provide (at a place or the group) or use (at a place, or by a transition). */
    record Port(boolean provide, int place, boolean group, int transition) {
    }

    record Comp(int places, List<T> transitions, int[] group, List<Port> ports) {
    }

    record Design(List<Comp> comps, List<int[]> connections) {

        String text() {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < comps.size(); i++) {
                Comp c = comps.get(i);
                sb.append("component C").append(i).append(" {\n  places");
                for (int q = 0; q < c.places(); q++) {
                    sb.append(" q").append(q);
                }
                sb.append("\n  initial q0\n  behavior deploy {\n");
                for (int k = 0; k < c.transitions().size(); k++) {
                    T t = c.transitions().get(k);
                    sb.append("    t").append(k).append(": q").append(t.src()).append(" -> q").append(t.dst())
                            .append(" [").append(t.a()).append(", ").append(t.a() + t.w()).append("]\n");
                }
                sb.append("  }\n");
                if (c.group() != null) {
                    sb.append("  group g {");
                    for (int q = c.group()[0]; q <= c.group()[1]; q++) {
                        sb.append(" q").append(q);
                    }
                    sb.append(" }\n");
                }
                for (int p = 0; p < c.ports().size(); p++) {
                    Port x = c.ports().get(p);
                    sb.append(x.provide() ? "  provide p" : "  use p").append(p);
                    if (x.transition() >= 0) {
                        sb.append(" by t").append(x.transition());
                    } else {
                        sb.append(" at ").append(x.group() ? "g" : "q" + x.place());
                    }
                    sb.append('\n');
                }
                sb.append("}\n");
            }
            sb.append("assembly gen {\n");
            for (int i = 0; i < comps.size(); i++) {
                sb.append("  c").append(i).append(": C").append(i).append('\n');
            }
            for (int[] k : connections) {
                sb.append("  connect c").append(k[0]).append(".p").append(k[1]).append(" -> c").append(k[2])
                        .append(".p").append(k[3]).append('\n');
            }
            return sb.append("}\n").toString();
        }
    }

    /**
     * True would keep use ports off the initial place. The translation enters it through
     * {@code _init}'s guards as the runtime does (component.py:662; RuntimeRulesTranslationTest),
     * so such ports are generated too.
     */
    static final boolean NO_INITIAL_USE = false;

    /**
     * True would make a component with a group a chain (never two tokens inside). The
     * translation counts a group's tokens as the runtime does, only on activation and
     * deactivation (component.py:891-900, 745-754; the Groups rule), so groups get forks too.
     */
    static final boolean GROUPS_ON_CHAINS_ONLY = false;

    @Provide
    Arbitrary<Design> designs() {
        Arbitrary<Comp> comp = Arbitraries.integers().between(2, 4).flatMap(n -> {
            Arbitrary<int[]> group = n >= 3 ? Arbitraries.integers().between(0, 100).list().ofSize(3)
                    .map(r -> r.get(0) % 2 == 0 ? null : new int[] {1, 1 + r.get(1) % (n - 1)})
                    : Arbitraries.just(null);
            return group.flatMap(g -> {
                Arbitrary<List<T>> ts = g != null && GROUPS_ON_CHAINS_ONLY ? chain(n) : transitions(n);
                return ts.flatMap(list -> {
                    Arbitrary<Port> port = Arbitraries.integers().between(0, 1000).list().ofSize(4).map(r -> {
                        boolean provide = r.get(0) % 2 == 0;
                        boolean onGroup = g != null && r.get(1) % 3 == 0;
                        boolean byTransition = !provide && !onGroup && r.get(2) % 2 == 0;
                        int place = r.get(3) % n;
                        if (!provide && NO_INITIAL_USE && place == 0) {
                            place = 1;
                        }
                        return new Port(provide, place, onGroup, byTransition ? r.get(3) % list.size() : -1);
                    });
                    return port.list().ofMaxSize(3).map(ps -> new Comp(n, list, g, ps));
                });
            });
        });
        return comp.list().ofMinSize(2).ofMaxSize(3).flatMap(cs -> Arbitraries.integers().between(0, 1000).list()
                .ofSize(16).map(r -> {
                    // every use port connected to one provide port of another component, when there is one
                    List<int[]> providers = new ArrayList<>();
                    for (int i = 0; i < cs.size(); i++) {
                        for (int p = 0; p < cs.get(i).ports().size(); p++) {
                            if (cs.get(i).ports().get(p).provide()) {
                                providers.add(new int[] {i, p});
                            }
                        }
                    }
                    List<int[]> connections = new ArrayList<>();
                    int k = 0;
                    for (int i = 0; i < cs.size(); i++) {
                        for (int p = 0; p < cs.get(i).ports().size(); p++) {
                            if (cs.get(i).ports().get(p).provide()) {
                                continue;
                            }
                            int user = i;
                            List<int[]> others = providers.stream().filter(x -> x[0] != user).toList();
                            if (!others.isEmpty()) {
                                int[] x = others.get(r.get(k++ % r.size()) % others.size());
                                connections.add(new int[] {x[0], x[1], i, p});
                            }
                        }
                    }
                    return new Design(cs, connections);
                }));
    }

    /** q0 -> q1 -> … -> q(n-1). */
    private static Arbitrary<List<T>> chain(int n) {
        Arbitrary<int[]> duration = Combinators.combine(Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(0, 2)).as((a, w) -> new int[] {a, w});
        return duration.list().ofSize(n - 1).map(ds -> {
            List<T> out = new ArrayList<>();
            for (int q = 1; q < n; q++) {
                out.add(new T(q - 1, q, ds.get(q - 1)[0], ds.get(q - 1)[1]));
            }
            return out;
        });
    }

    private static Arbitrary<List<T>> transitions(int n) {
        Arbitrary<int[]> duration = Combinators.combine(Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(0, 2)).as((a, w) -> new int[] {a, w});
        List<Arbitrary<List<T>>> incoming = new ArrayList<>();
        for (int q = 1; q < n; q++) {
            int dst = q;
            Arbitrary<T> one = Combinators.combine(Arbitraries.integers().between(0, q - 1), duration)
                    .as((src, d) -> new T(src, dst, d[0], d[1]));
            incoming.add(one.list().ofMinSize(1).ofMaxSize(q >= 2 ? 2 : 1).uniqueElements(T::src));
        }
        return Combinators.combine(incoming).as(lists -> {
            List<T> all = new ArrayList<>();
            lists.forEach(all::addAll);
            return all;
        });
    }

    @Property(tries = 100)
    @Tag("fidelity")
    void executorRunsEndInsideTheBoundsAndItsDeadlocksAreReported(@ForAll("designs") Design d) {
        agree(Examples.parse(d.text()), d);
    }

    /**
     * With a step cost [a, b] the net gives each instantaneous move [0, b] (docs/verify.md, "The
     * cost of a step"): the executor's runs, whose loop iterations each take a duration in
     * [a, b], still end inside the bounds.
     */
    @Property(tries = 60)
    @Tag("fidelity")
    void withAStepTheExecutorRunsStillEndInsideTheBounds(@ForAll("designs") Design d,
                                                         @ForAll @IntRange(min = 0, max = 2) int a,
                                                         @ForAll @IntRange(min = 0, max = 2) int w) {
        Duration step = new Duration(BigDecimal.valueOf(a, 1), BigDecimal.valueOf(a + w, 1));
        agree(Examples.parse(d.text()).withStep(step), d);
    }

    private static void agree(Model m, Design d) {
        // the centralized runtime has no refusing state (only Concerto-D has): the translation's option off
        Subject s = new Subject(m, "gen", new StateClassEngine(), Budget.of(600_000, 120),
                TranslationOptions.DEFAULT.withRefusing(false));
        Verdict deployable;
        BoundsReport bounds;
        try {
            deployable = new Deployable(null, false, SourcePosition.NONE).check(s);
            bounds = TimeBoundsAnalysis.of(s, null, false);
        } catch (LimitReachedException e) {
            Assume.that(false);
            return;
        }
        Assume.that(!(deployable instanceof Verdict.Inconclusive));
        Assume.that(bounds.complete());
        Executor x = Executor.of(m, "gen");
        List<Policy> policies = new ArrayList<>(List.of(Policies.allMin(), Policies.allMax()));
        for (long seed = 0; seed < 3; seed++) {
            policies.add(Policies.sampled(seed));
            policies.add(Policies.sampledAnyOrder(seed));
        }
        for (Policy p : policies) {
            Run r = x.run(p);
            String why = r.end().describe() + "\n" + String.join("\n", r.lines()) + "\n"
                    + String.join("\n", r.blockedLines()) + "\n" + d.text() + "\ncheck: " + deployable.word() + " "
                    + String.join("\n", deployable.details());
            if (r.end() instanceof RunEnd.Finished) {
                assertTrue(bounds.reachable(), "the executor finishes, the net never does: " + why);
                assertTrue(r.duration().compareTo(bounds.min()) >= 0
                        && (bounds.max() == null || r.duration().compareTo(bounds.max()) <= 0),
                        "outside [" + bounds.min() + ", " + bounds.max() + "]: " + why);
            } else {
                assertInstanceOf(RunEnd.Deadlock.class, r.end(), why);
                assertInstanceOf(Verdict.Violated.class, deployable, "an executor deadlock check does not report: " + why);
                assertNotNull(deployable);
            }
        }
    }
}
