package dev.cadenza.verify.execute;

import dev.cadenza.petri.limit.Budget;
import dev.cadenza.verify.Examples;
import dev.cadenza.verify.execute.ExecutorAgainstCheckProperties.Prog;
import dev.cadenza.verify.execute.ExecutorAgainstCheckProperties.Tape;
import dev.cadenza.verify.execute.PredicateStateSpaceProperties.Case;
import dev.cadenza.verify.trace.Run;
import dev.cadenza.verify.trace.RunEnd;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Secluded ties noticed at once ({@link ExplorerPolicy}'s {@code secluded}) against the same
 * exploration trying both answers of those races, the other reductions on in both, on the random
 * assemblies and programs of {@link ExecutorAgainstCheckProperties} and on the alike hosts of
 * {@link SymmetryStateSpaceProperties} (where tied threads in unconnected copies are common): the
 * same deadlock verdict, min, max, stop and endless runs, the same predicate verdicts, no more
 * states; the runs found are the executor's (replayed with the reduction) and end as they should.
 */
class SecludedTiesStateSpaceProperties {

    static final AtomicInteger MODELS = new AtomicInteger();
    static final AtomicInteger REDUCED = new AtomicInteger();
    static final AtomicInteger PREDICATES = new AtomicInteger();
    static final AtomicInteger PREDICATES_REDUCED = new AtomicInteger();
    static final AtomicInteger CUT = new AtomicInteger();
    static final AtomicLong NANOS = new AtomicLong();
    static final AtomicLong STATES_ON = new AtomicLong();
    static final AtomicLong STATES_OFF = new AtomicLong();

    @AfterContainer
    static void counts() {
        System.err.println("SecludedTiesStateSpaceProperties: " + MODELS + " models compared in "
                + NANOS.get() / 1_000_000 + " ms (" + CUT + " cut by the budget, skipped), " + REDUCED
                + " of them with fewer states (" + STATES_ON + " states with secluded ties noticed at once, "
                + STATES_OFF + " without); " + PREDICATES + " predicates compared (" + PREDICATES_REDUCED
                + " with fewer states)");
    }

    static final int BUDGET = 20_000;

    static {
        // -Dsecluded.broken=true: the connections and the program unchecked — a broken rule these
        // properties must catch
        ExplorerPolicy.uncheckedForTests = Boolean.getBoolean("secluded.broken");
    }

    @Provide
    Arbitrary<List<Integer>> tapes() {
        return Arbitraries.integers().between(0, 1 << 20).list().ofMinSize(30).ofMaxSize(140);
    }

    @Property(tries = 200)
    void programsKeepTheAnswers(@ForAll("tapes") List<Integer> tape) {
        compare(Prog.read(new Tape(tape)).text());
    }

    @Property(tries = 200)
    void alikeHostsKeepTheAnswers(@ForAll("tapes") List<Integer> tape) {
        compare(SymmetryStateSpaceProperties.hosts(new Tape(tape)));
    }

    @Property(tries = 150)
    void predicateVerdictsAreKept(@ForAll("tapes") List<Integer> tape) {
        Tape t = new Tape(tape);
        String text = t.next(2) == 0 ? Prog.read(t).text() : SymmetryStateSpaceProperties.hosts(t);
        Executor x = Executor.of(Examples.parse(text), "gen");
        for (int n = 0; n < 3; n++) {
            Case c = PredicateStateSpaceProperties.randomPredicate(x, t);
            long t0 = System.nanoTime();
            RuntimeStateSpace s = RuntimeStateSpace.of(x, Budget.of(BUDGET, 30));
            PredicateSearch on = s.reach(c.predicate());
            PredicateSearch off = s.withoutSecludedTies().reach(c.predicate());
            NANOS.addAndGet(System.nanoTime() - t0);
            if (on instanceof PredicateSearch.Unanswered || off instanceof PredicateSearch.Unanswered) {
                CUT.incrementAndGet();
                continue;
            }
            PREDICATES.incrementAndGet();
            if (on.statistics().states() < off.statistics().states()) {
                PREDICATES_REDUCED.incrementAndGet();
            }
            String why = text + "\npredicate: " + c + "\nwith: " + on + "\nwithout: " + off;
            assertEquals(off instanceof PredicateSearch.Found, on instanceof PredicateSearch.Found, why);
            if (on instanceof PredicateSearch.Found f) {
                PredicateStateSpaceProperties.showsItWhereItStops(c, f, why);
            }
        }
    }

    static void compare(String text) {
        Executor x = Executor.of(Examples.parse(text), "gen");
        long t0 = System.nanoTime();
        RuntimeStateSpace on = RuntimeStateSpace.of(x, Budget.of(BUDGET, 30));
        RuntimeStateSpace off = on.withoutSecludedTies();
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
        // the runs that attain min and max are the executor's (replayed with the reduction), ending then
        if (a.min() != null) {
            assertNotNull(a.fastest(), why);
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
}
