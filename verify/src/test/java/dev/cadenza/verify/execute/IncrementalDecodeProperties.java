package dev.cadenza.verify.execute;

import dev.cadenza.core.model.Duration;
import dev.cadenza.core.model.Model;
import dev.cadenza.core.model.Semantics;
import dev.cadenza.petri.limit.Budget;
import dev.cadenza.verify.Examples;
import dev.cadenza.verify.execute.ExecutorAgainstCheckProperties.Design;
import dev.cadenza.verify.execute.ExecutorAgainstCheckProperties.Prog;
import dev.cadenza.verify.execute.ExecutorAgainstCheckProperties.Tape;
import dev.cadenza.verify.execute.PredicateStateSpaceProperties.Case;
import dev.cadenza.verify.trace.Run;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The incremental decode inside iterations ({@link LoopStateCodec#resume}) against the whole decode
 * ({@link RuntimeStateSpace#withoutIncrementalDecode}), on the random models of the runtime-state-space
 * properties: programs, assemblies, alike hosts (the symmetry on), a step cost, Concerto-D, and
 * observed predicates. The side with the fast path also runs with {@link LoopStateCodec#checkForTests}:
 * every resume that takes the fast path decodes the key whole as well and compares the two
 * executions field by field (a difference throws), and every sweep's reads written from a compact
 * key against the execution's ({@code LoopStateCodec.readsHeld}). Then the two explorations are
 * held to the same states, the same edges (node keys, targets, times), no more sweeps run, the same
 * cut if any (the budget counts states, so a cut falls at the same state on both sides), and the
 * same verdicts and runs.
 */
class IncrementalDecodeProperties {

    static final AtomicInteger EXPLORATIONS = new AtomicInteger();
    static final AtomicInteger CUT = new AtomicInteger();
    static final AtomicLong STATES = new AtomicLong();
    static final AtomicLong PARTIAL = new AtomicLong();
    static final AtomicLong FULL = new AtomicLong();

    @AfterContainer
    static void counts() {
        System.err.println("IncrementalDecodeProperties: " + EXPLORATIONS + " explorations compared (" + CUT
                + " cut by the state budget, compared as far as they went), " + STATES + " states; resumes inside "
                + "iterations: " + PARTIAL + " incremental (each checked against the whole decode), " + FULL + " whole");
    }

    /** States per exploration: a budget of states (not seconds), so that both sides stop at the same one. */
    static final int BUDGET = 6_000;

    @Provide
    Arbitrary<List<Integer>> tapes() {
        return Arbitraries.integers().between(0, 1 << 20).list().ofMinSize(30).ofMaxSize(140);
    }

    @Property(tries = 150)
    void programs(@ForAll("tapes") List<Integer> tape) {
        String text = Prog.read(new Tape(tape)).text();
        compare(text, Examples.parse(text));
    }

    @Property(tries = 100)
    void assemblies(@ForAll("tapes") List<Integer> tape) {
        String text = Design.read(new Tape(tape)).text();
        compare(text, Examples.parse(text));
    }

    @Property(tries = 150)
    void alikeHosts(@ForAll("tapes") List<Integer> tape) {
        String text = SymmetryStateSpaceProperties.hosts(new Tape(tape));
        compare(text, Examples.parse(text));
    }

    @Property(tries = 100)
    void programsWithAStep(@ForAll("tapes") List<Integer> tape, @ForAll @IntRange(min = 1, max = 2) int a,
                           @ForAll @IntRange(min = 0, max = 2) int w) {
        String text = Prog.read(new Tape(tape)).text();
        compare(text, withStep(text, a, w));
    }

    /** {@code text}'s model with a step cost [a, a + w] quarter seconds (the runtime-state-space properties' steps). */
    static Model withStep(String text, int a, int w) {
        return Examples.parse(text).withStep(new Duration(BigDecimal.valueOf(a * 25L, 2),
                BigDecimal.valueOf((a + w) * 25L, 2)));
    }

    /** {@code text}'s model under Concerto-D, with its own 50 ms steps or free ones. */
    static Model concertoD(String text, boolean freeSteps) {
        Model m = Examples.parse(text).withSemantics(Semantics.CONCERTO_D);
        return freeSteps ? m.withStep(new Duration(BigDecimal.ZERO, BigDecimal.ZERO)) : m;
    }

    @Property(tries = 100)
    void concertoD(@ForAll("tapes") List<Integer> tape, @ForAll boolean freeSteps) {
        String text = Prog.read(new Tape(tape)).text();
        compare(text, concertoD(text, freeSteps));
    }

    /** With a predicate observed after every move (its flags end every key; the order reductions keep its orders). */
    @Property(tries = 150)
    void predicates(@ForAll("tapes") List<Integer> tape) {
        Tape t = new Tape(tape);
        String text = t.next(2) == 0 ? Prog.read(t).text() : SymmetryStateSpaceProperties.hosts(t);
        Executor x = Executor.of(Examples.parse(text), "gen");
        for (int n = 0; n < 2; n++) {
            Case c = PredicateStateSpaceProperties.randomPredicate(x, t);
            String why = text + "\npredicate: " + c;
            PredicateSearch a = checked(() -> space(x, BUDGET, true).reach(c.predicate()));
            PredicateSearch b = space(x, BUDGET, false).reach(c.predicate());
            EXPLORATIONS.incrementAndGet();
            assertSame(a.statistics(), b.statistics(), why);
            assertEquals(b.getClass(), a.getClass(), why);
            if (a instanceof PredicateSearch.Found fa && b instanceof PredicateSearch.Found fb) {
                assertEquals(lines(fb.run()), lines(fa.run()), why);
            }
        }
    }

    /**
     * The first states of galera's to_galera (examples/galera.cdz; its full space takes seconds):
     * the fast path is taken, checked, and the same graph is built.
     */
    @Example
    void galeraToGalera() {
        Executor x = Executor.of(Examples.example("galera.cdz"), "to_galera");
        long partial = PARTIAL.get();
        compare(x, "galera.cdz to_galera", 2_000);
        assertTrue(PARTIAL.get() > partial, "no resume took the fast path");
    }

    static void compare(String text, Model m) {
        Executor x = Executor.of(m, "gen");
        compare(x, text + "\n" + m.semantics() + " step " + x.step(), BUDGET);
    }

    static void compare(Executor x, String text, int budget) {
        LoopGraph[] g = new LoopGraph[2];
        FinishTimes a = checked(() -> space(x, budget, true).finishTimes(e -> g[0] = e));
        FinishTimes b = space(x, budget, false).finishTimes(e -> g[1] = e);
        Assume.that(g[0] != null && g[1] != null); // refused (a step [0, b]): nothing explored
        EXPLORATIONS.incrementAndGet();
        STATES.addAndGet(a.statistics().states());
        PARTIAL.addAndGet(g[0].partialResumes());
        FULL.addAndGet(g[0].fullResumes());
        if (!b.complete()) {
            CUT.incrementAndGet();
        }
        String why = text + "\nincremental: [" + a.min() + ", " + a.max() + "] " + a.statistics().describe()
                + "\nwhole: [" + b.min() + ", " + b.max() + "] " + b.statistics().describe();
        assertEquals(0, g[1].partialResumes(), why);
        assertSame(a.statistics(), b.statistics(), why);
        assertSameEdges(g[0], g[1], why);
        assertEquals(b.complete(), a.complete(), why);
        assertEquals(b.min(), a.min(), why);
        assertEquals(b.max(), a.max(), why);
        assertEquals(b.deadlockReachable(), a.deadlockReachable(), why);
        assertEquals(b.stopReachable(), a.stopReachable(), why);
        assertEquals(b.runsForever(), a.runsForever(), why);
        assertEquals(lines(b.fastest()), lines(a.fastest()), why);
        assertEquals(lines(b.slowest()), lines(a.slowest()), why);
        DeadlockSearch da = checked(() -> space(x, budget, true).deadlock());
        DeadlockSearch db = space(x, budget, false).deadlock();
        EXPLORATIONS.incrementAndGet();
        assertSame(da.statistics(), db.statistics(), why);
        assertEquals(db.getClass(), da.getClass(), why);
        if (da instanceof DeadlockSearch.Found fa && db instanceof DeadlockSearch.Found fb) {
            assertEquals(lines(fb.run()), lines(fa.run()), why);
        }
    }

    /** The state space of {@code x} with a budget of its own (a budget counts what every use spent). */
    private static RuntimeStateSpace space(Executor x, int states, boolean incremental) {
        RuntimeStateSpace s = RuntimeStateSpace.of(x, Budget.of(states, 120));
        // the memo's twins need compact keys (LoopGraph.canonicalMid): off on both sides, so that the
        // same iteration states are followed (TwinsStateSpaceProperties holds them to the memo without)
        return incremental ? s.withoutIterationSymmetry() : s.withoutIncrementalDecode();
    }

    /**
     * Runs {@code search} with every incremental decode checked against the whole one, and every
     * bundle description's connections (kept from the last key with the same connections) against
     * the ones written from the key itself.
     */
    static <T> T checked(Supplier<T> search) {
        boolean was = LoopStateCodec.checkForTests;
        boolean wasSymmetry = LoopSymmetry.checkForTests;
        LoopStateCodec.checkForTests = true;
        LoopSymmetry.checkForTests = true;
        try {
            return search.get();
        } finally {
            LoopStateCodec.checkForTests = was;
            LoopSymmetry.checkForTests = wasSymmetry;
        }
    }

    private static void assertSame(StateSpaceStatistics a, StateSpaceStatistics b, String why) {
        assertEquals(b.states(), a.states(), why);
        assertEquals(b.edges(), a.edges(), why);
        // sweeps met before with the same reads are taken from their kept outcomes, with compact keys
        // only (LoopGraph.sweepsMet; IdleSweepsProperties holds that to running every sweep)
        assertTrue(a.sweeps() <= b.sweeps(), why);
        assertEquals(b.cut(), a.cut(), why);
    }

    static String lines(Run r) {
        return r == null ? null : r.end() + "\n" + String.join("\n", r.lines());
    }

    /**
     * Two complete explorations store the same graph edge by edge: every (node, successor, time) of
     * one is in the other (nodes named by their stored keys). The states and the answers alone do
     * not show an iteration's outcome lost when another node reaches the same state.
     */
    static void assertSameEdges(LoopGraph ga, LoopGraph gb, String why) {
        Set<String> a = edges(ga);
        Set<String> b = edges(gb);
        Set<String> lost = new TreeSet<>(b);
        lost.removeAll(a);
        Set<String> added = new TreeSet<>(a);
        added.removeAll(b);
        if (!lost.isEmpty() || !added.isEmpty()) {
            fail(why + "\n" + lost.size() + " edges only in the second, " + added.size()
                    + " only in the first; the first: " + (lost.isEmpty() ? added : lost).iterator().next());
        }
    }

    /** The graph's edges, each as its node's key, its target's key (or the end it is) and its time. */
    private static Set<String> edges(LoopGraph g) {
        Set<String> out = new HashSet<>();
        for (int v = 0; v < g.states.size(); v++) {
            String from = Arrays.toString(g.stateKey(v));
            for (int e = g.edgeStart[v]; e < g.edgeEnd[v]; e++) {
                int t = g.to[e];
                out.add(from + " -> " + (t < 0 ? "end " + t : Arrays.toString(g.stateKey(t))) + " in " + g.weight[e]);
            }
        }
        return out;
    }
}
