package dev.cadenza.verify.bounds;

import dev.cadenza.core.model.Model;
import dev.cadenza.verify.Examples;
import dev.cadenza.verify.Subject;
import dev.cadenza.petri.limit.Budget;
import dev.cadenza.verify.engine.StateClassEngine;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jgrapht.alg.shortestpath.BellmanFordShortestPath;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleDirectedWeightedGraph;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * On random conflict-free assemblies — chains of transitions, uses forming a DAG, every provide
 * port {@code from} a place (never withdrawn), so nothing ever waits for a lock or chooses — the
 * deployment time is a max-plus function of the durations, increasing in each: its min is the
 * longest path with every min duration and its max the longest path with every max duration.
 * The expected values come from a separate critical-path routine over a jgrapht DAG (longest
 * path as shortest path with negated weights), not from the net.
 */
class ConflictFreeBoundsProperties {

    /** Component i: a chain of durations; uses: (transition k of i) waits for (place q of j < i). */
    record Use(int user, int transition, int provider, int place) {
    }

    record Design(List<int[][]> chains, List<Use> uses) {

        String text() {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < chains.size(); i++) {
                int[][] chain = chains.get(i);
                sb.append("component C").append(i).append(" {\n  places");
                for (int k = 0; k <= chain.length; k++) {
                    sb.append(" q").append(k);
                }
                sb.append("\n  initial q0\n  behavior deploy {\n");
                for (int k = 0; k < chain.length; k++) {
                    sb.append("    t").append(k).append(": q").append(k).append(" -> q").append(k + 1)
                            .append(" [").append(chain[k][0]).append(", ").append(chain[k][1]).append("]\n");
                }
                sb.append("  }\n");
                for (int k = 1; k <= chain.length; k++) {
                    sb.append("  provide r").append(k).append(" from q").append(k).append('\n');
                }
                for (int u = 0; u < uses.size(); u++) {
                    if (uses.get(u).user() == i) {
                        sb.append("  use u").append(u).append(" by t").append(uses.get(u).transition()).append('\n');
                    }
                }
                sb.append("}\n");
            }
            sb.append("assembly gen {\n");
            for (int i = 0; i < chains.size(); i++) {
                sb.append("  c").append(i).append(": C").append(i).append('\n');
            }
            for (int u = 0; u < uses.size(); u++) {
                Use x = uses.get(u);
                sb.append("  connect c").append(x.provider()).append(".r").append(x.place())
                        .append(" -> c").append(x.user()).append(".u").append(u).append('\n');
            }
            return sb.append("}\n").toString();
        }

        /** Longest path from the start to the end with durations bound {@code side} (0 min, 1 max). */
        long longestPath(int side) {
            var g = new SimpleDirectedWeightedGraph<String, DefaultWeightedEdge>(DefaultWeightedEdge.class);
            g.addVertex("start");
            g.addVertex("end");
            for (int i = 0; i < chains.size(); i++) {
                int[][] chain = chains.get(i);
                for (int k = 0; k <= chain.length; k++) {
                    g.addVertex(i + ".reach" + k);
                }
                for (int k = 0; k < chain.length; k++) {
                    g.addVertex(i + ".start" + k);
                    edge(g, i + ".reach" + k, i + ".start" + k, 0);
                    edge(g, i + ".start" + k, i + ".reach" + (k + 1), chain[k][side]);
                }
                edge(g, "start", i + ".reach0", 0);
                edge(g, i + ".reach" + chain.length, "end", 0);
            }
            for (Use u : uses) {
                edge(g, u.provider() + ".reach" + u.place(), u.user() + ".start" + u.transition(), 0);
            }
            return Math.round(-new BellmanFordShortestPath<>(g).getPathWeight("start", "end"));
        }

        private static void edge(SimpleDirectedWeightedGraph<String, DefaultWeightedEdge> g, String a, String b,
                                 double w) {
            if (!g.containsEdge(a, b)) {
                g.setEdgeWeight(g.addEdge(a, b), -w);
            }
        }
    }

    @Provide
    Arbitrary<Design> designs() {
        Arbitrary<int[]> duration = Combinators.combine(Arbitraries.integers().between(0, 4),
                Arbitraries.integers().between(0, 3)).as((a, w) -> new int[] {a, a + w});
        Arbitrary<int[][]> chain = duration.array(int[][].class).ofMinSize(1).ofMaxSize(3);
        return chain.list().ofMinSize(1).ofMaxSize(4).flatMap(chains -> {
            Arbitrary<Use> use = Arbitraries.integers().between(0, 1000).list().ofSize(4)
                    .filter(r -> chains.size() > 1)
                    .map(r -> {
                        int user = 1 + r.get(0) % (chains.size() - 1);
                        int provider = r.get(1) % user;
                        return new Use(user, r.get(2) % chains.get(user).length, provider,
                                1 + r.get(3) % chains.get(provider).length);
                    });
            Arbitrary<List<Use>> uses = chains.size() > 1 ? use.list().ofMaxSize(4) : Arbitraries.just(List.of());
            return uses.map(us -> new Design(chains, new ArrayList<>(us)));
        });
    }

    @Property(tries = 40)
    void minAndMaxAreTheLongestPathsWithMinAndMaxDurations(@ForAll("designs") Design d) {
        Model m = Examples.parse(d.text());
        Subject s = new Subject(m, "gen", new StateClassEngine(), Budget.unlimited());
        BoundsReport r = TimeBoundsAnalysis.of(s, null, false);
        assertEquals(new org.apache.commons.math3.fraction.BigFraction(d.longestPath(0)), r.min(), d.text());
        assertEquals(new org.apache.commons.math3.fraction.BigFraction(d.longestPath(1)), r.max(), d.text());
    }
}
