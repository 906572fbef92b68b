package dev.cadenza.verify.execute;

import dev.cadenza.core.model.Model;
import dev.cadenza.verify.Examples;
import dev.cadenza.verify.trace.Run;
import dev.cadenza.verify.trace.RunEnd;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.commons.math3.fraction.BigFraction;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * On random conflict-free assemblies — each component a DAG of places with forks (every
 * outgoing transition runs) and joins (a place waits for all its incoming transitions), uses of
 * earlier components' ports provided {@code from} a place (never withdrawn, never locked) — the
 * executor with every duration at its minimum (maximum) ends exactly at the longest path with
 * minimum (maximum) durations, computed here by critical-path arithmetic over the design, not by
 * the executor nor the net; and every sampled run ends in between.
 */
class ConflictFreeExecutorProperties {

    /** A transition of a component: from place {@code src} to {@code dst} (> src), taking [a, a + w]. */
    record T(int src, int dst, int a, int w) {
    }

    /** Transition {@code transition} of component {@code user} waits for place {@code place} of component {@code provider} < user. */
    record Use(int user, int transition, int provider, int place) {
    }

    record Design(List<List<T>> components, List<Integer> places, List<Use> uses) {

        String text() {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < components.size(); i++) {
                sb.append("component C").append(i).append(" {\n  places");
                for (int q = 0; q < places.get(i); q++) {
                    sb.append(" q").append(q);
                }
                sb.append("\n  initial q0\n  behavior deploy {\n");
                List<T> ts = components.get(i);
                for (int k = 0; k < ts.size(); k++) {
                    T t = ts.get(k);
                    sb.append("    t").append(k).append(": q").append(t.src()).append(" -> q").append(t.dst())
                            .append(" [").append(t.a()).append(", ").append(t.a() + t.w()).append("]\n");
                }
                sb.append("  }\n");
                for (int q = 1; q < places.get(i); q++) {
                    sb.append("  provide r").append(q).append(" from q").append(q).append('\n');
                }
                for (int u = 0; u < uses.size(); u++) {
                    if (uses.get(u).user() == i) {
                        sb.append("  use u").append(u).append(" by t").append(uses.get(u).transition()).append('\n');
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
                sb.append("  connect c").append(x.provider()).append(".r").append(x.place())
                        .append(" -> c").append(x.user()).append(".u").append(u).append('\n');
            }
            return sb.append("}\n").toString();
        }

        /** The end of the deployment with every duration at its min (side 0) or max (side 1). */
        long longestPath(int side) {
            long[][] reach = new long[components.size()][];
            long end = 0;
            for (int i = 0; i < components.size(); i++) {
                List<T> ts = components.get(i);
                reach[i] = new long[places.get(i)];
                long[] ends = new long[ts.size()];
                for (int q = 0; q < places.get(i); q++) {
                    // q is reached when all its incoming transitions have ended (they come from lower places)
                    long r = 0;
                    for (int k = 0; k < ts.size(); k++) {
                        if (ts.get(k).dst() == q) {
                            r = Math.max(r, ends[k]);
                        }
                    }
                    reach[i][q] = r;
                    for (int k = 0; k < ts.size(); k++) {
                        T t = ts.get(k);
                        if (t.src() == q) {
                            long start = r;
                            for (Use u : uses) {
                                if (u.user() == i && u.transition() == k) {
                                    start = Math.max(start, reach[u.provider()][u.place()]);
                                }
                            }
                            ends[k] = start + t.a() + side * t.w();
                            end = Math.max(end, ends[k]);
                        }
                    }
                }
            }
            return end;
        }
    }

    @Provide
    Arbitrary<Design> designs() {
        Arbitrary<Integer> placeCount = Arbitraries.integers().between(2, 5);
        return placeCount.list().ofMinSize(1).ofMaxSize(4).flatMap(places -> {
            List<Arbitrary<List<T>>> comps = new ArrayList<>();
            for (int n : places) {
                comps.add(component(n));
            }
            return Combinators.combine(comps).as(ArrayList::new).flatMap(cs -> {
                Arbitrary<Use> use = Arbitraries.integers().between(0, 1000).list().ofSize(4).map(r -> {
                    int user = 1 + r.get(0) % (cs.size() - 1);
                    int provider = r.get(1) % user;
                    return new Use(user, r.get(2) % cs.get(user).size(), provider, 1 + r.get(3) % (places.get(provider) - 1));
                });
                Arbitrary<List<Use>> uses = cs.size() > 1 ? use.list().ofMaxSize(5) : Arbitraries.just(List.of());
                return uses.map(us -> new Design(cs, places, us));
            });
        });
    }

    /** A DAG over places 0..n-1: every place above 0 has one or two incoming transitions from lower places. */
    private static Arbitrary<List<T>> component(int n) {
        Arbitrary<int[]> duration = Combinators.combine(Arbitraries.integers().between(0, 4),
                Arbitraries.integers().between(0, 3)).as((a, w) -> new int[] {a, w});
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

    @Property(tries = 300)
    void allMinAndAllMaxEndOnTheLongestPaths(@ForAll("designs") Design d) {
        Model m = Examples.parse(d.text());
        Executor x = Executor.of(m, "gen");
        Run min = x.run(Policies.allMin());
        Run max = x.run(Policies.allMax());
        assertEquals(new RunEnd.Finished(new BigFraction(d.longestPath(0))), min.end(), d.text());
        assertEquals(new RunEnd.Finished(new BigFraction(d.longestPath(1))), max.end(), d.text());
        for (long seed = 0; seed < 3; seed++) {
            Run r = x.run(Policies.sampled(seed));
            assertInstanceOf(RunEnd.Finished.class, r.end(), d.text());
            assertTrue(r.duration().compareTo(min.duration()) >= 0 && r.duration().compareTo(max.duration()) <= 0,
                    r.end().describe() + "\n" + d.text());
        }
    }
}
