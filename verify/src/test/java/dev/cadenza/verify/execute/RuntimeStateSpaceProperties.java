package dev.cadenza.verify.execute;

import dev.cadenza.core.model.Duration;
import dev.cadenza.core.model.Model;
import dev.cadenza.core.model.Semantics;
import dev.cadenza.core.model.SourcePosition;
import dev.cadenza.petri.limit.Budget;
import dev.cadenza.verify.Examples;
import dev.cadenza.verify.LimitReachedException;
import dev.cadenza.verify.Subject;
import dev.cadenza.verify.bounds.BoundsReport;
import dev.cadenza.verify.bounds.TimeBoundsAnalysis;
import dev.cadenza.verify.engine.StateClassEngine;
import dev.cadenza.verify.execute.ExecutorAgainstCheckProperties.Design;
import dev.cadenza.verify.execute.ExecutorAgainstCheckProperties.Prog;
import dev.cadenza.verify.execute.ExecutorAgainstCheckProperties.Tape;
import dev.cadenza.verify.property.Deployable;
import dev.cadenza.verify.property.Verdict;
import dev.cadenza.verify.trace.Run;
import dev.cadenza.verify.trace.RunEnd;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
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
 * The runtime's state space held to the executor's sampled runs and to the net ({@code check}),
 * on the random assemblies and programs of {@link ExecutorAgainstCheckProperties}:
 * <ol type="a">
 * <li>no deadlock found (complete) ⇒ no sampled executor run deadlocks, and every one ends inside
 * the state space's [min, max];</li>
 * <li>a deadlock found is a run that ends in a deadlock, and it replays to the same deadlock when
 * the executor follows it ({@link SchedulePolicy#following});</li>
 * <li>the net's exhaustive check says no deadlock ⇒ the state space finds none (the net's runs
 * include the runtime's);</li>
 * <li>the state space's [min, max] lies inside the net's exact bounds;</li>
 * </ol>
 * and, for the reductions (house rule): the state space with them off gives the same answers.
 */
class RuntimeStateSpaceProperties {

    static final AtomicInteger MODELS = new AtomicInteger();
    static final AtomicInteger DEADLOCKS = new AtomicInteger();
    static final AtomicInteger FOLLOWED = new AtomicInteger();
    static final AtomicInteger NET_ONLY = new AtomicInteger();
    static final AtomicInteger NET_COMPARED = new AtomicInteger();
    static final AtomicInteger NET_CUT = new AtomicInteger();
    static final AtomicLong NANOS = new AtomicLong();
    static final AtomicLong STATES = new AtomicLong();

    @AfterContainer
    static void counts() {
        System.err.println("RuntimeStateSpaceProperties: " + MODELS + " models in " + NANOS.get() / 1_000_000
                + " ms (" + STATES + " states in all); " + DEADLOCKS + " deadlocks found, " + FOLLOWED
                + " of them reproduced by SchedulePolicy.following; " + NET_ONLY
                + " models where the net deadlocks and the runtime's loop cannot; " + NET_COMPARED
                + " compared with the net (" + NET_CUT + " where the net's search was cut)");
    }

    @Provide
    Arbitrary<List<Integer>> tapes() {
        return Arbitraries.integers().between(0, 1 << 20).list().ofMinSize(20).ofMaxSize(120);
    }

    @Property(tries = 400)
    void assembliesAgree(@ForAll("tapes") List<Integer> tape) {
        agree(Design.read(new Tape(tape)).text(), "gen");
    }

    @Property(tries = 400)
    void programsAgree(@ForAll("tapes") List<Integer> tape) {
        agree(Prog.read(new Tape(tape)).text(), "gen");
    }

    @Property(tries = 250)
    void theReductionsKeepTheAnswers(@ForAll("tapes") List<Integer> tape) {
        String text = Prog.read(new Tape(tape)).text();
        Executor x = Executor.of(Examples.parse(text), "gen");
        RuntimeStateSpace on = RuntimeStateSpace.of(x, Budget.of(100_000, 20));
        RuntimeStateSpace off = RuntimeStateSpace.of(x, Budget.of(100_000, 20)).withoutReductions();
        FinishTimes a = on.finishTimes();
        FinishTimes b = off.finishTimes();
        Assume.that(a.complete() && b.complete());
        assertEquals(a.min(), b.min(), text);
        assertEquals(a.max(), b.max(), text);
        assertEquals(a.deadlockReachable(), b.deadlockReachable(), text);
        assertEquals(a.runsForever(), b.runsForever(), text);
        assertEquals(on.deadlock() instanceof DeadlockSearch.Found, off.deadlock() instanceof DeadlockSearch.Found, text);
        assertTrue(a.statistics().states() <= b.statistics().states(), text);
    }

    /** Splitting ties only adds runs: whatever the strict reading finds, the default one finds too. */
    @Property(tries = 250)
    void strictTiesAreAmongTheRuns(@ForAll("tapes") List<Integer> tape) {
        String text = Prog.read(new Tape(tape)).text();
        Executor x = Executor.of(Examples.parse(text), "gen");
        FinishTimes split = RuntimeStateSpace.of(x, Budget.of(100_000, 20)).finishTimes();
        FinishTimes strict = RuntimeStateSpace.of(x, Budget.of(100_000, 20)).withStrictTies().finishTimes();
        Assume.that(split.complete() && strict.complete());
        assertTrue(!strict.deadlockReachable() || split.deadlockReachable(), text);
        if (strict.min() != null) {
            assertTrue(split.min() != null && split.min().compareTo(strict.min()) <= 0, text);
        }
        if (split.max() != null) {
            assertTrue(strict.max() == null ? strict.min() == null : strict.max().compareTo(split.max()) <= 0, text);
        }
    }

    /**
     * Under {@code semantics concerto-d} (its rules in the executor: refusing, dcon that does not
     * wait, del that fails, the process ending with its program) with steps at 0: sampled runs
     * deadlock only where the state space finds a deadlock, stop only where it finds a stop, and
     * end inside its [min, max].
     */
    @Property(tries = 300)
    void concertoDProgramsAgreeWithSampledRuns(@ForAll("tapes") List<Integer> tape) {
        String text = Prog.read(new Tape(tape)).text();
        Model m = Examples.parse(text).withSemantics(Semantics.CONCERTO_D)
                .withStep(new Duration(BigDecimal.ZERO, BigDecimal.ZERO));
        Executor x = Executor.of(m, "gen");
        RuntimeStateSpace space = RuntimeStateSpace.of(x, Budget.of(200_000, 20));
        DeadlockSearch d = space.deadlock();
        FinishTimes f = space.finishTimes();
        Assume.that(d.statistics().complete() && f.complete());
        MODELS.incrementAndGet();
        if (d instanceof DeadlockSearch.Found found) {
            assertInstanceOf(RunEnd.Deadlock.class, found.run().end(), text);
        }
        for (long seed = 0; seed < 8; seed++) {
            for (Policy p : List.of(Policies.sampled(seed), Policies.sampledAnyOrder(seed))) {
                Run r = x.run(p);
                String w = text + "\nexecutor: " + r.end().describe() + "\n" + String.join("\n", r.lines())
                        + "\nstate space: " + d + " [" + f.min() + ", " + f.max() + "] stop " + f.stopReachable();
                if (r.end() instanceof RunEnd.Deadlock) {
                    assertInstanceOf(DeadlockSearch.Found.class, d, w);
                } else if (r.end() instanceof RunEnd.Stopped) {
                    assertTrue(f.stopReachable(), w);
                } else {
                    RunEnd.Finished fin = assertInstanceOf(RunEnd.Finished.class, r.end(), w);
                    assertTrue(f.min() != null && fin.time().compareTo(f.min()) >= 0
                            && (f.max() == null || fin.time().compareTo(f.max()) <= 0), w);
                }
            }
        }
    }

    static void agree(String text, String subject) {
        long t0 = System.nanoTime();
        Model m = Examples.parse(text);
        Executor x = Executor.of(m, subject);
        RuntimeStateSpace space = RuntimeStateSpace.of(x, Budget.of(200_000, 20));
        DeadlockSearch d = space.deadlock();
        FinishTimes f = space.finishTimes();
        Assume.that(d.statistics().complete() && f.complete());
        STATES.addAndGet(f.statistics().states());
        String why = text + "\nstate space: " + d.getClass().getSimpleName() + ", finish [" + f.min() + ", " + f.max()
                + "] " + f.statistics().describe();
        assertEquals(d instanceof DeadlockSearch.Found, f.deadlockReachable(), why);
        // (b) a deadlock found is an executor run that deadlocks, and following it reproduces it
        if (d instanceof DeadlockSearch.Found found) {
            DEADLOCKS.incrementAndGet();
            Run r = found.run();
            assertNotNull(r, why);
            assertInstanceOf(RunEnd.Deadlock.class, r.end(), why + "\n" + String.join("\n", r.lines()));
            boolean same = false;
            for (long seed = 0; seed < ExecutorAgainstCheckProperties.REPLAY_ORDERS && !same; seed++) {
                Run again = x.run(SchedulePolicy.following(r, x.scale(), seed));
                same = again.end() instanceof RunEnd.Deadlock && again.duration().equals(r.duration());
            }
            if (same) {
                FOLLOWED.incrementAndGet();
            }
        }
        // the runs attaining min and max are executor runs ending then
        if (f.fastest() != null) {
            assertEquals(new RunEnd.Finished(f.min()), f.fastest().end(), why);
        }
        if (f.slowest() != null) {
            assertEquals(new RunEnd.Finished(f.max()), f.slowest().end(), why);
        }
        // (a) sampled runs: a deadlock only where one was found, ends inside [min, max]
        List<Policy> policies = new ArrayList<>(List.of(Policies.allMin()));
        if (x.bounded()) {
            policies.add(Policies.allMax());
        }
        for (long seed = 0; seed < 6; seed++) {
            policies.add(Policies.sampled(seed));
            policies.add(Policies.sampledAnyOrder(seed));
        }
        for (Policy p : policies) {
            Run r = x.run(p);
            String w = why + "\nexecutor: " + r.end().describe() + "\n" + String.join("\n", r.lines());
            if (r.end() instanceof RunEnd.Deadlock) {
                assertInstanceOf(DeadlockSearch.Found.class, d, "the executor deadlocks, the state space never: " + w);
            } else {
                RunEnd.Finished fin = assertInstanceOf(RunEnd.Finished.class, r.end(), w);
                assertNotNull(f.min(), w);
                assertTrue(fin.time().compareTo(f.min()) >= 0 && (f.max() == null || fin.time().compareTo(f.max()) <= 0),
                        "outside [" + f.min() + ", " + f.max() + "]: " + w);
            }
        }
        // (c), (d): the net over-approximates the runtime
        Subject s = new Subject(m, subject, new StateClassEngine(), Budget.of(300_000, 30)).replay(false);
        Verdict deployable;
        BoundsReport bounds;
        try {
            deployable = new Deployable(null, false, SourcePosition.NONE).check(s);
            bounds = TimeBoundsAnalysis.of(s, null, false);
        } catch (LimitReachedException e) {
            NET_CUT.incrementAndGet();
            MODELS.incrementAndGet();
            NANOS.addAndGet(System.nanoTime() - t0);
            return;
        }
        NET_COMPARED.incrementAndGet();
        if (deployable instanceof Verdict.Holds) {
            assertInstanceOf(DeadlockSearch.Absent.class, d, "the net cannot deadlock, the state space does: " + why);
        }
        if (deployable instanceof Verdict.Violated && d instanceof DeadlockSearch.Absent) {
            NET_ONLY.incrementAndGet();
        }
        if (bounds.complete() && f.min() != null) {
            assertTrue(bounds.reachable(), why);
            assertTrue(f.min().compareTo(bounds.min()) >= 0, "min " + f.min() + " below the net's " + bounds.min() + ": " + why);
            if (f.max() != null && bounds.max() != null) {
                assertTrue(f.max().compareTo(bounds.max()) <= 0, "max " + f.max() + " above the net's " + bounds.max()
                        + ": " + why);
            }
            if (f.max() != null && !(deployable instanceof Verdict.Violated)) {
                assertNotNull(bounds.max(), "the runtime's max is finite, the net's unbounded without a deadlock: " + why);
            }
        }
        MODELS.incrementAndGet();
        NANOS.addAndGet(System.nanoTime() - t0);
    }

}
