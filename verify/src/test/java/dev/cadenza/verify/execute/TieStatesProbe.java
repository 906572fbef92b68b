package dev.cadenza.verify.execute;

import dev.cadenza.petri.limit.Budget;
import dev.cadenza.verify.Examples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.util.Map;
import java.util.TreeMap;

/**
 * By hand only (-Dprobe=true, -Dprobe.file=/tmp/gN.cdz): what tells the states of galera's
 * to_galera apart. Prints, per stored state, a description of each component (places marked,
 * docks, running threads with how long they ran, "now" or "before"), and counts states by the
 * master's part alone, by the workers' parts as a multiset, and by kind/flags.
 */
@EnabledIfSystemProperty(named = "probe", matches = "true")
class TieStatesProbe {

    @Test
    void describe() throws Exception {
        String file = System.getProperty("probe.file", "/tmp/g3.cdz");
        Executor ex = Executor.of(Examples.parse(java.nio.file.Files.readString(java.nio.file.Path.of(file))),
                System.getProperty("probe.program", "to_galera"));
        RuntimeStateSpace s = RuntimeStateSpace.of(ex, Budget.of(3_000_000, 600));
        if (Boolean.getBoolean("probe.strict")) {
            // every tie noticed at once after a quiet iteration (noticeWhenForced always yes)
            s = s.withStrictTies();
        }
        LoopGraph[] graph = new LoopGraph[1];
        FinishTimes f = s.finishTimes(g -> graph[0] = g);
        LoopGraph g = graph[0];
        System.err.println("finish [" + f.min() + ", " + f.max() + "] " + f.statistics().describe());
        LoopStateCodec codec = new LoopStateCodec(g.x, g.unit, ex.addedNames(), ex.addedTypes());
        Map<String, Integer> byWorkers = new TreeMap<>();
        Map<String, Integer> byRest = new TreeMap<>();
        Map<String, Integer> byHeader = new TreeMap<>();
        Map<String, Integer> workerSpread = new TreeMap<>();
        java.io.PrintWriter dump = new java.io.PrintWriter(System.getProperty("probe.dump", "/tmp/states.txt"));
        for (int v = 0; v < g.states.size(); v++) {
            int[] key = g.stateKey(v);
            codec.decode(key);
            StringBuilder rest = new StringBuilder();
            java.util.List<String> workers = new java.util.ArrayList<>();
            rest.append("pc=").append(g.x.pc).append(LoopStateCodec.kind(key) == 1 ? " WAIT" : " IT")
                    .append(g.x.forceNotice ? " fN" : "").append(g.x.forceAll ? " fA" : "").append(g.x.blocked ? " blk" : "");
            byHeader.merge(rest.toString(), 1, Integer::sum);
            for (ComponentState c : g.x.byId) {
                String d = describe(c, g.x.now, g.unit);
                if (c.name.startsWith("mariadb") && !c.name.equals("mariadb1")) {
                    workers.add(d);
                } else if (!d.isEmpty()) {
                    rest.append(" | ").append(c.name).append(' ').append(d);
                }
            }
            java.util.Collections.sort(workers);
            String w = String.join(" || ", workers);
            byWorkers.merge(w, 1, Integer::sum);
            byRest.merge(rest.toString(), 1, Integer::sum);
            long distinct = workers.stream().distinct().count();
            workerSpread.merge(distinct + " distinct worker parts", 1, Integer::sum);
            dump.println(rest + " ## " + w);
        }
        dump.close();
        System.err.println(byHeader);
        System.err.println(workerSpread);
        System.err.println(byRest.size() + " distinct non-worker parts (with header), " + byWorkers.size() + " distinct worker multisets");
        byWorkers.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(40)
                .forEach(e -> System.err.println(e.getValue() + "\t" + e.getKey()));
    }

    static String describe(ComponentState c, long now, long unit) {
        if (c.deleted) {
            return "deleted";
        }
        StringBuilder b = new StringBuilder();
        for (int p = 0; p < c.marked.length; p++) {
            if (c.marked[p]) {
                b.append(c.type.places[p]).append(c.visited[p] ? "*" : "").append(' ');
            }
        }
        for (int t = 0; t < c.running.length; t++) {
            if (c.running[t]) {
                b.append('>').append(c.type.transitions[t]).append('=');
                if (c.finishAt[t] == now) {
                    b.append("now");
                } else if (c.finishAt[t] < now) {
                    b.append("before");
                } else {
                    b.append((now - c.startedAt[t]) / unit);
                }
                b.append(' ');
            }
            if (c.odock[t]) {
                b.append("od:").append(c.type.transitions[t]).append(' ');
            }
            if (c.idock[t]) {
                b.append("id:").append(c.type.transitions[t]).append(' ');
            }
        }
        b.append("b").append(c.behavior).append(" q").append(c.queue.size()).append(c.inActive ? " A" : "");
        return b.toString();
    }
}
