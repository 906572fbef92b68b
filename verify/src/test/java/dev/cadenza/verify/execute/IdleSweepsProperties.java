package dev.cadenza.verify.execute;

import dev.cadenza.core.model.Model;
import dev.cadenza.petri.limit.Budget;
import dev.cadenza.verify.Examples;
import dev.cadenza.verify.execute.ExecutorAgainstCheckProperties.Design;
import dev.cadenza.verify.execute.ExecutorAgainstCheckProperties.Prog;
import dev.cadenza.verify.execute.ExecutorAgainstCheckProperties.Tape;
import dev.cadenza.verify.execute.PredicateStateSpaceProperties.Case;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static dev.cadenza.verify.execute.IncrementalDecodeProperties.lines;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sweeps known to change nothing taken without running them ({@link LoopGraph}'s idleAlone), and
 * sweeps met before with the same reads taken from their kept outcomes ({@link LoopGraph}'s
 * sweepsMet), against the same exploration running every sweep, the other reductions on in both, on the
 * random models of the runtime-state-space properties (programs, assemblies, alike hosts, a step
 * cost, Concerto-D, observed predicates): the same states in the same order, the same edges one
 * by one, the same cut if any, the same answers (min, max, deadlock, stop, endless runs, the
 * predicate's verdict) and the same runs; only the sweeps run differ, never more with the skips.
 */
class IdleSweepsProperties {

    static final AtomicInteger EXPLORATIONS = new AtomicInteger();
    static final AtomicInteger SKIPPING = new AtomicInteger();
    static final AtomicLong RUN = new AtomicLong();
    static final AtomicLong SKIPPED = new AtomicLong();

    @AfterContainer
    static void counts() {
        System.err.println("IdleSweepsProperties: " + EXPLORATIONS + " explorations compared, " + SKIPPING
                + " of them with sweeps skipped; " + RUN + " sweeps run with the skips, " + SKIPPED + " skipped");
    }

    /** States per exploration: a budget of states, so that both sides stop at the same one. */
    static final int BUDGET = 6_000;

    @Provide
    Arbitrary<List<Integer>> tapes() {
        return Arbitraries.integers().between(0, 1 << 20).list().ofMinSize(30).ofMaxSize(140);
    }

    @Property(tries = 200)
    void programs(@ForAll("tapes") List<Integer> tape) {
        String text = Prog.read(new Tape(tape)).text();
        compare(text, Examples.parse(text));
    }

    @Property(tries = 150)
    void assemblies(@ForAll("tapes") List<Integer> tape) {
        String text = Design.read(new Tape(tape)).text();
        compare(text, Examples.parse(text));
    }

    @Property(tries = 200)
    void alikeHosts(@ForAll("tapes") List<Integer> tape) {
        String text = SymmetryStateSpaceProperties.hosts(new Tape(tape));
        compare(text, Examples.parse(text));
    }

    @Property(tries = 100)
    void programsWithAStep(@ForAll("tapes") List<Integer> tape, @ForAll @IntRange(min = 1, max = 2) int a,
                           @ForAll @IntRange(min = 0, max = 2) int w) {
        String text = Prog.read(new Tape(tape)).text();
        compare(text, IncrementalDecodeProperties.withStep(text, a, w));
    }

    @Property(tries = 100)
    void concertoD(@ForAll("tapes") List<Integer> tape, @ForAll boolean freeSteps) {
        String text = Prog.read(new Tape(tape)).text();
        compare(text, IncrementalDecodeProperties.concertoD(text, freeSteps));
    }

    @Property(tries = 200)
    void predicates(@ForAll("tapes") List<Integer> tape) {
        Tape t = new Tape(tape);
        String text = t.next(2) == 0 ? Prog.read(t).text() : SymmetryStateSpaceProperties.hosts(t);
        Executor x = Executor.of(Examples.parse(text), "gen");
        for (int n = 0; n < 2; n++) {
            Case c = PredicateStateSpaceProperties.randomPredicate(x, t);
            String why = text + "\npredicate: " + c;
            PredicateSearch a = space(x, BUDGET, true).reach(c.predicate());
            PredicateSearch b = space(x, BUDGET, false).reach(c.predicate());
            EXPLORATIONS.incrementAndGet();
            assertEquals(b.statistics().states(), a.statistics().states(), why);
            assertEquals(b.statistics().edges(), a.statistics().edges(), why);
            assertEquals(b.statistics().cut(), a.statistics().cut(), why);
            assertTrue(a.statistics().sweeps() <= b.statistics().sweeps(), why);
            assertEquals(b.getClass(), a.getClass(), why);
            if (a instanceof PredicateSearch.Found fa && b instanceof PredicateSearch.Found fb) {
                assertEquals(lines(fb.run()), lines(fa.run()), why);
            }
        }
    }

    /** galera's to_galera (examples/galera.cdz), its first states: sweeps are skipped, the same graph is built. */
    @Example
    void galeraToGalera() {
        Executor x = Executor.of(Examples.example("galera.cdz"), "to_galera");
        long skipped = SKIPPED.get();
        compare(x, "galera.cdz to_galera", 3_000);
        assertTrue(SKIPPED.get() > skipped, "no sweep was skipped");
    }

    static void compare(String text, Model m) {
        Executor x = Executor.of(m, "gen");
        compare(x, text + "\n" + m.semantics() + " step " + x.step(), BUDGET);
    }

    static void compare(Executor x, String text, int budget) {
        LoopGraph[] g = new LoopGraph[2];
        FinishTimes a = space(x, budget, true).finishTimes(e -> g[0] = e);
        FinishTimes b = space(x, budget, false).finishTimes(e -> g[1] = e);
        Assume.that(g[0] != null && g[1] != null); // refused (a step [0, b]): nothing explored
        EXPLORATIONS.incrementAndGet();
        RUN.addAndGet(g[0].sweeps);
        SKIPPED.addAndGet(g[0].skippedSweeps);
        if (g[0].skippedSweeps > 0) {
            SKIPPING.incrementAndGet();
        }
        String why = text + "\nskipping: [" + a.min() + ", " + a.max() + "] " + a.statistics().describe()
                + "\nrunning all: [" + b.min() + ", " + b.max() + "] " + b.statistics().describe();
        assertEquals(0, g[1].skippedSweeps, why);
        assertEquals(g[1].sweeps, g[0].sweeps + g[0].skippedSweeps, why);
        assertEquals(b.statistics().states(), a.statistics().states(), why);
        assertEquals(b.statistics().edges(), a.statistics().edges(), why);
        assertEquals(b.statistics().cut(), a.statistics().cut(), why);
        for (int v = 0; v < g[1].states.size(); v++) {
            assertEquals(java.util.Arrays.toString(g[1].stateKey(v)), java.util.Arrays.toString(g[0].stateKey(v)),
                    why + "\nstate " + v);
        }
        IncrementalDecodeProperties.assertSameEdges(g[0], g[1], why);
        assertEquals(b.complete(), a.complete(), why);
        assertEquals(b.min(), a.min(), why);
        assertEquals(b.max(), a.max(), why);
        assertEquals(b.deadlockReachable(), a.deadlockReachable(), why);
        assertEquals(b.stopReachable(), a.stopReachable(), why);
        assertEquals(b.runsForever(), a.runsForever(), why);
        assertEquals(lines(b.fastest()), lines(a.fastest()), why);
        assertEquals(lines(b.slowest()), lines(a.slowest()), why);
        DeadlockSearch da = space(x, budget, true).deadlock();
        DeadlockSearch db = space(x, budget, false).deadlock();
        EXPLORATIONS.incrementAndGet();
        assertEquals(db.statistics().states(), da.statistics().states(), why);
        assertEquals(db.getClass(), da.getClass(), why);
        if (da instanceof DeadlockSearch.Found fa && db instanceof DeadlockSearch.Found fb) {
            assertEquals(lines(fb.run()), lines(fa.run()), why);
        }
    }

    /** The state space of {@code x} with a budget of its own (a budget counts what every use spent). */
    private static RuntimeStateSpace space(Executor x, int states, boolean skipping) {
        RuntimeStateSpace s = RuntimeStateSpace.of(x, Budget.of(states, 120));
        return skipping ? s : s.withoutIdleSweepSkips();
    }
}
