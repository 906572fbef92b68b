package dev.cadenza.verify.execute;

import dev.cadenza.core.model.Duration;
import dev.cadenza.core.model.Model;
import dev.cadenza.core.model.Semantics;
import dev.cadenza.petri.limit.Budget;
import dev.cadenza.verify.Examples;
import dev.cadenza.verify.execute.ExecutorAgainstCheckProperties.Design;
import dev.cadenza.verify.execute.ExecutorAgainstCheckProperties.Prog;
import dev.cadenza.verify.execute.ExecutorAgainstCheckProperties.Tape;
import dev.cadenza.verify.trace.Run;
import dev.cadenza.verify.trace.RunEnd;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The runtime's state space with a step cost, held to the executor on the random assemblies and
 * programs of {@link ExecutorAgainstCheckProperties}, under {@code concerto} with a random step
 * [a, a + w] (quarters of a second) and under {@code concerto-d} with its default step (50 ms):
 * <ol type="a">
 * <li>sampled executor runs — durations and steps drawn off the grid, all-minimum, all-maximum —
 * deadlock only where a deadlock is found, stop only where a stop is reachable, and end inside
 * [min, max] (an Absent is never contradicted);</li>
 * <li>a deadlock found is an executor run that deadlocks; the runs attaining min and max are
 * executor runs ending then;</li>
 * <li>the order reductions off give the same answers.</li>
 * </ol>
 */
class StepCostStateSpaceProperties {

    static final AtomicInteger MODELS = new AtomicInteger();
    static final AtomicInteger DEADLOCKS = new AtomicInteger();
    static final AtomicInteger RUNS = new AtomicInteger();
    static final AtomicInteger COMPARED = new AtomicInteger();
    static final AtomicLong STATES = new AtomicLong();

    @AfterContainer
    static void counts() {
        System.err.println("StepCostStateSpaceProperties: " + MODELS + " models (" + STATES + " states in all), "
                + DEADLOCKS + " with a deadlock found, " + RUNS + " sampled executor runs checked; "
                + COMPARED + " compared without the reductions");
    }

    @Provide
    Arbitrary<List<Integer>> tapes() {
        return Arbitraries.integers().between(0, 1 << 20).list().ofMinSize(20).ofMaxSize(120);
    }

    private static Duration quarters(int a, int w) {
        return new Duration(BigDecimal.valueOf(a * 25L, 2), BigDecimal.valueOf((a + w) * 25L, 2));
    }

    @Property(tries = 300)
    void assembliesWithAStep(@ForAll("tapes") List<Integer> tape, @ForAll @IntRange(min = 1, max = 2) int a,
                             @ForAll @IntRange(min = 0, max = 2) int w) {
        Assume.that(a + w > 0);
        String text = Design.read(new Tape(tape)).text();
        agree(text, Examples.parse(text).withStep(quarters(a, w)));
    }

    @Property(tries = 300)
    void programsWithAStep(@ForAll("tapes") List<Integer> tape, @ForAll @IntRange(min = 1, max = 2) int a,
                           @ForAll @IntRange(min = 0, max = 2) int w) {
        Assume.that(a + w > 0);
        String text = Prog.read(new Tape(tape)).text();
        agree(text, Examples.parse(text).withStep(quarters(a, w)));
    }

    @Property(tries = 200)
    void concertoDProgramsWithItsDefaultStep(@ForAll("tapes") List<Integer> tape) {
        String text = Prog.read(new Tape(tape)).text();
        agree(text, Examples.parse(text).withSemantics(Semantics.CONCERTO_D));
    }

    @Property(tries = 150)
    void withAStepTheReductionsKeepTheAnswers(@ForAll("tapes") List<Integer> tape,
                                              @ForAll @IntRange(min = 1, max = 2) int a,
                                              @ForAll @IntRange(min = 0, max = 2) int w) {
        Assume.that(a + w > 0);
        String text = Prog.read(new Tape(tape)).text();
        same(text, Examples.parse(text).withStep(quarters(a, w)));
    }

    @Property(tries = 100)
    void concertoDTheReductionsKeepTheAnswers(@ForAll("tapes") List<Integer> tape) {
        String text = Prog.read(new Tape(tape)).text();
        same(text, Examples.parse(text).withSemantics(Semantics.CONCERTO_D));
    }

    static void same(String text, Model m) {
        Executor x = Executor.of(m, "gen");
        RuntimeStateSpace on = RuntimeStateSpace.of(x, Budget.of(100_000, 20));
        RuntimeStateSpace off = RuntimeStateSpace.of(x, Budget.of(100_000, 20)).withoutReductions();
        FinishTimes a = on.finishTimes();
        FinishTimes b = off.finishTimes();
        Assume.that(a.complete() && b.complete());
        String why = text + "\n" + m.semantics();
        assertEquals(a.min(), b.min(), why);
        assertEquals(a.max(), b.max(), why);
        assertEquals(a.deadlockReachable(), b.deadlockReachable(), why);
        assertEquals(a.stopReachable(), b.stopReachable(), why);
        assertEquals(a.runsForever(), b.runsForever(), why);
        assertEquals(on.deadlock() instanceof DeadlockSearch.Found, off.deadlock() instanceof DeadlockSearch.Found, why);
        COMPARED.incrementAndGet();
    }

    static void agree(String text, Model m) {
        Executor x = Executor.of(m, "gen");
        RuntimeStateSpace space = RuntimeStateSpace.of(x, Budget.of(200_000, 20));
        DeadlockSearch d = space.deadlock();
        FinishTimes f = space.finishTimes();
        Assume.that(d.statistics().complete() && f.complete());
        MODELS.incrementAndGet();
        STATES.addAndGet(f.statistics().states());
        String why = text + "\n" + m.semantics() + " step " + x.step() + "\nstate space: " + d.getClass().getSimpleName()
                + ", finish [" + f.min() + ", " + f.max() + "] stop " + f.stopReachable() + " "
                + f.statistics().describe();
        assertEquals(d instanceof DeadlockSearch.Found, f.deadlockReachable(), why);
        if (d instanceof DeadlockSearch.Found found) {
            DEADLOCKS.incrementAndGet();
            Run r = found.run();
            assertNotNull(r, why);
            assertInstanceOf(RunEnd.Deadlock.class, r.end(), why + "\n" + String.join("\n", r.lines()));
        }
        if (f.fastest() != null) {
            assertEquals(new RunEnd.Finished(f.min()), f.fastest().end(), why);
        }
        if (f.slowest() != null) {
            assertEquals(new RunEnd.Finished(f.max()), f.slowest().end(), why);
        }
        List<Policy> policies = new ArrayList<>(List.of(Policies.allMin()));
        if (x.bounded()) {
            policies.add(Policies.allMax());
        }
        for (long seed = 0; seed < 5; seed++) {
            policies.add(Policies.sampled(seed));
            policies.add(Policies.sampledAnyOrder(seed));
        }
        for (Policy p : policies) {
            Run r = x.run(p);
            RUNS.incrementAndGet();
            String w = why + "\nexecutor: " + r.end().describe() + "\n" + String.join("\n", r.lines());
            if (r.end() instanceof RunEnd.Deadlock) {
                assertInstanceOf(DeadlockSearch.Found.class, d, "the executor deadlocks, the state space never: " + w);
            } else if (r.end() instanceof RunEnd.Stopped) {
                assertTrue(f.stopReachable(), "the executor stops, the state space never: " + w);
            } else {
                RunEnd.Finished fin = assertInstanceOf(RunEnd.Finished.class, r.end(), w);
                assertNotNull(f.min(), w);
                assertTrue(fin.time().compareTo(f.min()) >= 0 && (f.max() == null || fin.time().compareTo(f.max()) <= 0),
                        "outside [" + f.min() + ", " + f.max() + "]: " + w);
            }
        }
    }
}
