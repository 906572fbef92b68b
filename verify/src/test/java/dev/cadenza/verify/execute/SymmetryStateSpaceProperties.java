package dev.cadenza.verify.execute;

import dev.cadenza.petri.limit.Budget;
import dev.cadenza.verify.Examples;
import dev.cadenza.verify.execute.ExecutorAgainstCheckProperties.Design;
import dev.cadenza.verify.execute.ExecutorAgainstCheckProperties.Tape;
import dev.cadenza.verify.execute.PredicateStateSpaceProperties.Case;
import dev.cadenza.verify.trace.Run;
import dev.cadenza.verify.trace.RunEnd;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The symmetry of alike bundles in the runtime's state space ({@link LoopSymmetry}) against the
 * same exploration without it, on random models with alike bundles: a random design whose
 * components are either shared (one instance) or copied into 2 or 3 hosts (instances
 * {@code c<i>h<k>}, the bundle {@code k}), with programs that treat the hosts alike (pushes to
 * every host, in any order; a {@code waitAll} then every host's connections cut and an
 * instance deleted) or not (a push to one host, a {@code wait} on one instance). Same deadlock
 * verdict, same min and max, same predicate verdicts; the runs returned are the executor's and
 * end as they should.
 */
class SymmetryStateSpaceProperties {

    static final AtomicInteger MODELS = new AtomicInteger();
    static final AtomicInteger REDUCED = new AtomicInteger();
    static final AtomicInteger PREDICATES = new AtomicInteger();
    static final AtomicInteger CUT = new AtomicInteger();
    static final AtomicLong NANOS = new AtomicLong();
    static final AtomicLong STATES_ON = new AtomicLong();
    static final AtomicLong STATES_OFF = new AtomicLong();

    @AfterContainer
    static void counts() {
        System.err.println("SymmetryStateSpaceProperties: " + MODELS + " models compared in " + NANOS.get() / 1_000_000
                + " ms (" + CUT + " cut by the budget, skipped), " + REDUCED
                + " of them with fewer states (" + STATES_ON + " states with the symmetry, " + STATES_OFF
                + " without); " + PREDICATES + " predicates compared");
    }

    /** States per exploration: larger models are skipped (the suite stays short), and counted. */
    static final int BUDGET = 4_000;

    static {
        // -Dsymmetry.broken=true: every class used at every program counter, the program unchecked —
        // a broken rule these properties must catch (they do: a deadlock or a bound differs)
        LoopSymmetry.uncheckedForTests = Boolean.getBoolean("symmetry.broken");
    }

    @Provide
    Arbitrary<List<Integer>> tapes() {
        return Arbitraries.integers().between(0, 1 << 20).list().ofMinSize(30).ofMaxSize(140);
    }

    /** A program over copies of a design's components, read from the tape. */
    static String hosts(Tape t) {
        Design d = Design.read(t);
        int n = d.comps().size();
        int hosts = 2 + t.next(2);
        boolean[] copied = new boolean[n];
        boolean any = false;
        for (int i = 0; i < n; i++) {
            copied[i] = t.next(3) != 0;
            any |= copied[i];
        }
        if (!any) {
            copied[t.next(n)] = true;
        }
        List<int[]> extra = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            extra.add(new int[] {t.next(3), t.next(2), t.next(3), t.next(2)});
        }
        // connections kept: between copies of one host, or a shared provider to each host's user
        List<int[]> cons = new ArrayList<>();
        for (int[] k : d.connections()) {
            if (copied[k[0]] == copied[k[2]] || !copied[k[0]]) {
                cons.add(k);
            }
        }
        StringBuilder sb = new StringBuilder(d.components(true, extra));
        sb.append("program gen {\n");
        List<String> ops = new ArrayList<>();
        // adds: shared ones, then the hosts (in host order or interleaved)
        for (int i = 0; i < n; i++) {
            if (!copied[i]) {
                ops.add("add(" + name(i, -1, copied) + " : C" + i + ")");
            }
        }
        boolean interleave = t.next(2) == 0;
        for (int a = 0; a < n * hosts; a++) {
            int i = interleave ? a % n : a / hosts;
            int h = interleave ? a / n : a % hosts;
            if (copied[i]) {
                ops.add("add(" + name(i, h, copied) + " : C" + i + ")");
            }
        }
        for (int[] k : cons) {
            for (int h = 0; h < (copied[k[0]] || copied[k[2]] ? hosts : 1); h++) {
                ops.add(con("con", k, h, copied));
            }
        }
        for (int i = 0; i < n; i++) {
            for (int h = 0; h < (copied[i] ? hosts : 1); h++) {
                ops.add("pushB(" + name(i, h, copied) + ", deploy)");
            }
        }
        boolean[] deleted = new boolean[n];
        boolean[] cut = new boolean[cons.size()];
        if (t.next(2) == 0) {
            // a wait on one host first: the instructions after it run later, from states the symmetry merges
            int i = t.next(n);
            ops.add("wait(" + name(i, copied[i] ? t.next(hosts) : -1, copied) + ")");
        }
        int count = 1 + t.next(4);
        for (int k = 0; k < count; k++) {
            int op = t.next(9);
            int i = t.next(n);
            if (deleted[i]) {
                continue;
            }
            int[] order = hostOrder(t, hosts);
            switch (op) {
                case 0, 1 -> {
                    // every host alike, in some order
                    String b = op == 0 ? "more" : "back";
                    for (int h : copied[i] ? order : new int[] {-1}) {
                        ops.add("pushB(" + name(i, h, copied) + ", " + b + ")");
                    }
                }
                case 2, 3 -> ops.add("pushB(" + name(i, copied[i] ? t.next(hosts) : -1, copied) + ", "
                        + (op == 2 ? "more" : "back") + ")");
                case 4, 5 -> ops.add("wait(" + name(i, copied[i] ? t.next(hosts) : -1, copied) + ")");
                case 6 -> ops.add("waitAll");
                default -> {
                    if (!copied[i]) {
                        continue;
                    }
                    // a waitAll, then every host's connections of i cut and its copy of i deleted
                    ops.add("waitAll");
                    for (int h : order) {
                        for (int j = 0; j < cons.size(); j++) {
                            int[] c = cons.get(j);
                            if (!cut[j] && (c[0] == i || c[2] == i)) {
                                ops.add(con("dcon", c, h, copied));
                            }
                        }
                        ops.add("del(" + name(i, h, copied) + ")");
                    }
                    for (int j = 0; j < cons.size(); j++) {
                        int[] c = cons.get(j);
                        cut[j] |= c[0] == i || c[2] == i;
                    }
                    deleted[i] = true;
                }
            }
        }
        for (String o : ops) {
            sb.append("  ").append(o).append('\n');
        }
        return sb.append("}\n").toString();
    }

    private static int[] hostOrder(Tape t, int hosts) {
        int[] o = new int[hosts];
        for (int h = 0; h < hosts; h++) {
            o[h] = h;
        }
        for (int h = hosts - 1; h > 0; h--) {
            int j = t.next(h + 1);
            int v = o[h];
            o[h] = o[j];
            o[j] = v;
        }
        return o;
    }

    /** A copied component's instance on host h ({@code c<i>h<h>}), a shared one's ({@code s<letter>}). */
    private static String name(int i, int h, boolean[] copied) {
        return copied[i] ? "c" + i + "h" + h : "s" + (char) ('a' + i);
    }

    private static String con(String op, int[] k, int h, boolean[] copied) {
        return op + "(" + name(k[0], h, copied) + ".p" + k[1] + ", " + name(k[2], h, copied) + ".p" + k[3] + ")";
    }

    @Property(tries = 300)
    void theSymmetryKeepsDeadlocksAndBounds(@ForAll("tapes") List<Integer> tape) {
        String text = hosts(new Tape(tape));
        Executor x = Executor.of(Examples.parse(text), "gen");
        long t0 = System.nanoTime();
        RuntimeStateSpace on = RuntimeStateSpace.of(x, Budget.of(BUDGET, 30));
        RuntimeStateSpace off = on.withoutSymmetry();
        FinishTimes a = on.finishTimes();
        FinishTimes b = off.finishTimes();
        DeadlockSearch da = on.deadlock();
        DeadlockSearch db = off.deadlock();
        NANOS.addAndGet(System.nanoTime() - t0);
        if (!a.complete() || !b.complete() || !da.statistics().complete() || !db.statistics().complete()) {
            CUT.incrementAndGet();
            return;
        }
        String why = text + "\nwith: [" + a.min() + ", " + a.max() + "] " + a.statistics().describe()
                + "\nwithout: [" + b.min() + ", " + b.max() + "] " + b.statistics().describe();
        MODELS.incrementAndGet();
        STATES_ON.addAndGet(a.statistics().states());
        STATES_OFF.addAndGet(b.statistics().states());
        if (a.statistics().states() < b.statistics().states()) {
            REDUCED.incrementAndGet();
        }
        assertEquals(b.min(), a.min(), why);
        assertEquals(b.max(), a.max(), why);
        assertEquals(b.deadlockReachable(), a.deadlockReachable(), why);
        assertEquals(b.stopReachable(), a.stopReachable(), why);
        assertEquals(b.runsForever(), a.runsForever(), why);
        assertTrue(a.statistics().states() <= b.statistics().states(), why);
        // the runs that attain min and max are the executor's, ending then
        if (a.fastest() != null) {
            assertEquals(new RunEnd.Finished(a.min()), a.fastest().end(), why);
        }
        if (a.slowest() != null) {
            assertEquals(new RunEnd.Finished(a.max()), a.slowest().end(), why);
        }
        assertEquals(db instanceof DeadlockSearch.Found, da instanceof DeadlockSearch.Found, why);
        if (da instanceof DeadlockSearch.Found f && f.run() != null) {
            Run r = f.run();
            assertInstanceOf(RunEnd.Deadlock.class, r.end(), why + "\n" + String.join("\n", r.lines()));
        }
    }

    @Property(tries = 200)
    void theSymmetryKeepsPredicateVerdicts(@ForAll("tapes") List<Integer> tape) {
        Tape t = new Tape(tape);
        String text = hosts(t);
        Executor x = Executor.of(Examples.parse(text), "gen");
        for (int n = 0; n < 2; n++) {
            Case c = PredicateStateSpaceProperties.randomPredicate(x, t);
            long t0 = System.nanoTime();
            PredicateSearch on = RuntimeStateSpace.of(x, Budget.of(BUDGET, 30)).reach(c.predicate());
            PredicateSearch off = RuntimeStateSpace.of(x, Budget.of(BUDGET, 30)).withoutSymmetry().reach(c.predicate());
            NANOS.addAndGet(System.nanoTime() - t0);
            if (on instanceof PredicateSearch.Unanswered || off instanceof PredicateSearch.Unanswered) {
                CUT.incrementAndGet();
                continue;
            }
            PREDICATES.incrementAndGet();
            String why = text + "\npredicate: " + c + "\nwith: " + on + "\nwithout: " + off;
            assertEquals(off instanceof PredicateSearch.Found, on instanceof PredicateSearch.Found, why);
            if (on instanceof PredicateSearch.Found f) {
                Run r = f.run();
                assertNotNull(r, why);
                int k = PredicateStateSpaceProperties.firstHolding(c, r);
                assertTrue(k >= 0, why + "\n" + String.join("\n", r.lines()));
                assertTrue(r.end() instanceof RunEnd.Cut || k == r.events().size() || k == 0, why);
            }
        }
    }

    static final AtomicInteger ITERATION_MODELS = new AtomicInteger();
    static final AtomicLong SWEEPS_ON = new AtomicLong();
    static final AtomicLong SWEEPS_OFF = new AtomicLong();

    /**
     * The per-iteration memo's symmetry against the same exploration with the symmetry at the
     * iteration boundaries only: both store the same quotient, so the same states and the same
     * edges (not only the same answers: {@link #assertSameEdges}), with no more sweeps run; deadlocks, stops, min and max, and an observed
     * predicate the same. Both sides are symmetric, so the larger models the full comparison
     * skips fit here.
     */
    @Property(tries = 300)
    void theIterationSymmetryKeepsTheQuotient(@ForAll("tapes") List<Integer> tape) {
        Tape t = new Tape(tape);
        String text = hosts(t);
        Executor x = Executor.of(Examples.parse(text), "gen");
        RuntimeStateSpace on = RuntimeStateSpace.of(x, Budget.of(4 * BUDGET, 30));
        RuntimeStateSpace off = on.withoutIterationSymmetry();
        LoopGraph[] graphs = new LoopGraph[2];
        FinishTimes a = on.finishTimes(g -> graphs[0] = g);
        FinishTimes b = off.finishTimes(g -> graphs[1] = g);
        if (!a.complete() || !b.complete()) {
            return;
        }
        String why = text + "\nwith: [" + a.min() + ", " + a.max() + "] " + a.statistics().describe()
                + "\nwithout: [" + b.min() + ", " + b.max() + "] " + b.statistics().describe();
        ITERATION_MODELS.incrementAndGet();
        SWEEPS_ON.addAndGet(a.statistics().sweeps());
        SWEEPS_OFF.addAndGet(b.statistics().sweeps());
        assertEquals(b.statistics().states(), a.statistics().states(), why);
        assertSameEdges(graphs[0], graphs[1], why);
        assertTrue(a.statistics().sweeps() <= b.statistics().sweeps(), why);
        assertEquals(b.min(), a.min(), why);
        assertEquals(b.max(), a.max(), why);
        assertEquals(b.deadlockReachable(), a.deadlockReachable(), why);
        assertEquals(b.stopReachable(), a.stopReachable(), why);
        assertEquals(b.runsForever(), a.runsForever(), why);
        Case c = PredicateStateSpaceProperties.randomPredicate(x, t);
        PredicateSearch pa = RuntimeStateSpace.of(x, Budget.of(4 * BUDGET, 30)).reach(c.predicate());
        PredicateSearch pb = RuntimeStateSpace.of(x, Budget.of(4 * BUDGET, 30)).withoutIterationSymmetry()
                .reach(c.predicate());
        if (!(pa instanceof PredicateSearch.Unanswered) && !(pb instanceof PredicateSearch.Unanswered)) {
            assertEquals(pb instanceof PredicateSearch.Found, pa instanceof PredicateSearch.Found,
                    why + "\npredicate: " + c);
        }
    }

    /**
     * Two complete explorations store the same quotient edge by edge: every (node, successor, time) of
     * one is in the other (nodes named by their stored keys). The states and the answers alone do
     * not show an iteration's outcome lost by a wrong merge in the memo when another node reaches
     * the same state: a memo key that kept the set of components left as it was while renaming
     * the parts (merging (s, left) with (π(s), left)) loses such edges on a few random models and
     * on {@link #aSharedProviderWithTwoAlikeHosts} (where it loses states too).
     */
    static void assertSameEdges(LoopGraph ga, LoopGraph gb, String why) {
        Set<String> a = edges(ga);
        Set<String> b = edges(gb);
        Set<String> lost = new TreeSet<>(b);
        lost.removeAll(a);
        Set<String> added = new TreeSet<>(a);
        added.removeAll(b);
        if (!lost.isEmpty() || !added.isEmpty()) {
            fail(why + "\n" + lost.size() + " edges only without the memo's symmetry, " + added.size()
                    + " only with it; the first: " + (lost.isEmpty() ? added : lost).iterator().next());
        }
    }

    /** The graph's edges, each as its node's key, its target's key (or the end it is) and its time. */
    private static Set<String> edges(LoopGraph g) {
        Set<String> out = new HashSet<>();
        for (int v = 0; v < g.states.size(); v++) {
            String from = Arrays.toString(g.states.key(v));
            for (int e = g.edgeStart[v]; e < g.edgeEnd[v]; e++) {
                int t = g.to[e];
                out.add(from + " -> " + (t < 0 ? "end " + t : Arrays.toString(g.states.key(t))) + " in " + g.weight[e]);
            }
        }
        return out;
    }

    /**
     * A shared provider {@code z} whose port both hosts' components use by their transitions, and
     * in each host {@code b<k>} providing to {@code a<k>}, with intervals from 0 that let the two
     * alike hosts be in different states in one iteration. A memo key that renamed the parts but
     * not the set of components left (merging (s, left) with (π(s), left)) found 253 states here
     * instead of 256, and 791 of the 802 edges: the same min, max and deadlock verdict, which the
     * answers compared alone would have let through.
     */
    @Example
    void aSharedProviderWithTwoAlikeHosts() {
        String text = """
                component Z {
                  places q0, q1
                  initial q0
                  behavior deploy {
                    t0: q0 -> q1 [0, 1]
                  }
                  provide zp at q0
                }
                component A {
                  places q0, q1
                  initial q0
                  behavior deploy {
                    t0: q0 -> q1 [2, 3]
                  }
                  use u by t0
                  use w by t0
                }
                component B {
                  places q0, q1
                  initial q0
                  behavior deploy {
                    t0: q0 -> q1 [0, 1]
                  }
                  use u by t0
                  provide bp at q0
                }
                program gen {
                  add(z : Z)
                  add(a0 : A)
                  add(b0 : B)
                  add(a1 : A)
                  add(b1 : B)
                  con(z.zp, a0.u)
                  con(z.zp, b0.u)
                  con(b0.bp, a0.w)
                  con(z.zp, a1.u)
                  con(z.zp, b1.u)
                  con(b1.bp, a1.w)
                  pushB(z, deploy)
                  pushB(a0, deploy)
                  pushB(b0, deploy)
                  pushB(a1, deploy)
                  pushB(b1, deploy)
                }
                """;
        Executor x = Executor.of(Examples.parse(text), "gen");
        // the graph pinned here is the one without the secluded ties (with them: 254 states, 798 edges,
        // the same with and without the memo's symmetry)
        RuntimeStateSpace on = RuntimeStateSpace.of(x, Budget.of(4 * BUDGET, 30)).withoutSecludedTies();
        RuntimeStateSpace off = on.withoutIterationSymmetry();
        LoopGraph[] graphs = new LoopGraph[2];
        FinishTimes a = on.finishTimes(g -> graphs[0] = g);
        FinishTimes b = off.finishTimes(g -> graphs[1] = g);
        assertNotNull(graphs[0].symmetry, "the two hosts are alike: the symmetry is used");
        assertTrue(a.complete() && b.complete());
        String why = "with: " + a.statistics().describe() + "\nwithout: " + b.statistics().describe();
        assertEquals(256, b.statistics().states(), why);
        assertEquals(b.statistics().states(), a.statistics().states(), why);
        assertTrue(a.statistics().sweeps() < b.statistics().sweeps(), why);
        assertSameEdges(graphs[0], graphs[1], why);
        assertEquals(b.min(), a.min(), why);
        assertEquals(b.max(), a.max(), why);
        assertEquals(b.deadlockReachable(), a.deadlockReachable(), why);
    }

    @AfterContainer
    static void iterationCounts() {
        System.err.println("SymmetryStateSpaceProperties, inside iterations: " + ITERATION_MODELS
                + " models compared, " + SWEEPS_ON + " sweeps with the memo's symmetry, " + SWEEPS_OFF + " without");
    }
}
