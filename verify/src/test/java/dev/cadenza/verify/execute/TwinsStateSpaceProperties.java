package dev.cadenza.verify.execute;

import dev.cadenza.core.model.Model;
import dev.cadenza.petri.limit.Budget;
import dev.cadenza.verify.Examples;
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
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reductions by twins (bundles equal in the state at hand: {@link LoopSymmetry#twins}) against
 * the same exploration without each, the symmetry at the boundaries on in both: the per-iteration
 * memo keeping one state per orbit of the iteration's twins ({@link LoopGraph}'s canonicalMid), twins
 * alone in their groups swept as a block ({@link LoopGraph}'s sweepBlock), and alike threads
 * finishing by counts where time passes ({@link OrbitCombinations}). On random models
 * with alike hosts ({@link SymmetryStateSpaceProperties#hosts}), with and without a step cost, and
 * on observed predicates: the same states (as a set of keys), the same edges (as a set: the
 * reductions only drop duplicates), the same answers, and runs that are the executor's and end as
 * they should. (The sweeps are counted, not compared: the runs re-derived for min and max follow
 * other paths when the states are found in another order.)
 *
 * <p>{@code -Dtwins.broken=true} counts every class's bundles as twins whatever they hold, and
 * {@code -Dblocks.broken=true} sweeps every set of twins as a block, whatever else their groups
 * hold: broken rules these properties must catch (they do: states and edges are lost).
 */
class TwinsStateSpaceProperties {

    static final AtomicInteger MODELS = new AtomicInteger();
    static final AtomicInteger CUT = new AtomicInteger();
    static final AtomicInteger PREDICATES = new AtomicInteger();
    static final AtomicLong SWEEPS_ON = new AtomicLong();
    static final AtomicLong SWEEPS_OFF = new AtomicLong();

    @AfterContainer
    static void counts() {
        System.err.println("TwinsStateSpaceProperties: " + MODELS + " explorations compared (" + CUT
                + " cut by the budget, skipped), " + SWEEPS_ON + " sweeps with the twins, " + SWEEPS_OFF
                + " without; " + PREDICATES + " predicates compared");
    }

    /** States per exploration: larger models are skipped (the suite stays short), and counted. */
    static final int BUDGET = 8_000;

    static {
        LoopSymmetry.twinsUncheckedForTests = Boolean.getBoolean("twins.broken");
        LoopGraph.blocksUncheckedForTests = Boolean.getBoolean("blocks.broken");
    }

    @Provide
    Arbitrary<List<Integer>> tapes() {
        return Arbitraries.integers().between(0, 1 << 20).list().ofMinSize(30).ofMaxSize(140);
    }

    @Property(tries = 300)
    void iterationTwinsKeepTheQuotient(@ForAll("tapes") List<Integer> tape) {
        String text = SymmetryStateSpaceProperties.hosts(new Tape(tape));
        compare(text, Examples.parse(text), RuntimeStateSpace::withoutIterationSymmetry);
    }

    @Property(tries = 100)
    void iterationTwinsWithAStep(@ForAll("tapes") List<Integer> tape, @ForAll @IntRange(min = 1, max = 2) int a,
                                 @ForAll @IntRange(min = 0, max = 2) int w) {
        String text = SymmetryStateSpaceProperties.hosts(new Tape(tape));
        compare(text, IncrementalDecodeProperties.withStep(text, a, w), RuntimeStateSpace::withoutIterationSymmetry);
    }

    @Property(tries = 300)
    void twinBlocksKeepTheQuotient(@ForAll("tapes") List<Integer> tape) {
        String text = SymmetryStateSpaceProperties.hosts(new Tape(tape));
        compare(text, Examples.parse(text), RuntimeStateSpace::withoutTwinBlocks);
    }

    @Property(tries = 100)
    void twinBlocksWithAStep(@ForAll("tapes") List<Integer> tape, @ForAll @IntRange(min = 1, max = 2) int a,
                             @ForAll @IntRange(min = 0, max = 2) int w) {
        String text = SymmetryStateSpaceProperties.hosts(new Tape(tape));
        compare(text, IncrementalDecodeProperties.withStep(text, a, w), RuntimeStateSpace::withoutTwinBlocks);
    }

    @Property(tries = 300)
    void finishingByCountsKeepsTheQuotient(@ForAll("tapes") List<Integer> tape) {
        String text = SymmetryStateSpaceProperties.hosts(new Tape(tape));
        compare(text, Examples.parse(text), RuntimeStateSpace::withoutFinishByCounts);
    }

    @Property(tries = 150)
    void finishingByCountsWithAStep(@ForAll("tapes") List<Integer> tape, @ForAll @IntRange(min = 1, max = 2) int a,
                                    @ForAll @IntRange(min = 0, max = 2) int w) {
        String text = SymmetryStateSpaceProperties.hosts(new Tape(tape));
        compare(text, IncrementalDecodeProperties.withStep(text, a, w), RuntimeStateSpace::withoutFinishByCounts);
    }

    /** Both reductions against neither, with a predicate observed: the same verdict, and a run to where it holds. */
    @Property(tries = 200)
    void predicates(@ForAll("tapes") List<Integer> tape) {
        Tape t = new Tape(tape);
        String text = SymmetryStateSpaceProperties.hosts(t);
        Executor x = Executor.of(Examples.parse(text), "gen");
        for (int n = 0; n < 2; n++) {
            Case c = PredicateStateSpaceProperties.randomPredicate(x, t);
            PredicateSearch on = space(x).reach(c.predicate());
            PredicateSearch off = space(x).withoutIterationSymmetry().withoutTwinBlocks().withoutFinishByCounts()
                    .reach(c.predicate());
            if (on instanceof PredicateSearch.Unanswered || off instanceof PredicateSearch.Unanswered) {
                CUT.incrementAndGet();
                continue;
            }
            PREDICATES.incrementAndGet();
            String why = text + "\npredicate: " + c + "\nwith: " + on + "\nwithout: " + off;
            assertEquals(off instanceof PredicateSearch.Found, on instanceof PredicateSearch.Found, why);
            if (!(on instanceof PredicateSearch.Found)) {
                // a search that finds the predicate stops there, after as many states as its order took
                assertEquals(off.statistics().states(), on.statistics().states(), why);
            }
            if (on instanceof PredicateSearch.Found f) {
                Run r = f.run();
                assertNotNull(r, why);
                int k = PredicateStateSpaceProperties.firstHolding(c, r);
                assertTrue(k >= 0, why + "\n" + String.join("\n", r.lines()));
            }
        }
    }

    /**
     * A shared provider {@code z} whose port both hosts' components use by their transitions, and in
     * each host {@code b<k>} providing to {@code a<k>}, with intervals from 0 that let the two alike
     * hosts be in different states in one iteration (the model on which a memo key renaming the parts
     * but not the set left lost states and edges, in the first attempt at a symmetry inside iterations).
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
        for (UnaryOperator<RuntimeStateSpace> off : List.<UnaryOperator<RuntimeStateSpace>>of(
                RuntimeStateSpace::withoutIterationSymmetry, RuntimeStateSpace::withoutTwinBlocks,
                RuntimeStateSpace::withoutFinishByCounts)) {
            compare(text, Examples.parse(text), off);
        }
    }

    static void compare(String text, Model m, UnaryOperator<RuntimeStateSpace> without) {
        Executor x = Executor.of(m, "gen");
        String label = text + "\n" + m.semantics() + " step " + x.step();
        compare(x, label, space(x), without.apply(space(x)));
        compare(x, label + "\n(secluded ties off)", space(x).withoutSecludedTies(),
                without.apply(space(x).withoutSecludedTies()));
    }

    private static void compare(Executor x, String text, RuntimeStateSpace onSpace, RuntimeStateSpace offSpace) {
        LoopGraph[] g = new LoopGraph[2];
        FinishTimes a = onSpace.finishTimes(e -> g[0] = e);
        FinishTimes b = offSpace.finishTimes(e -> g[1] = e);
        if (g[0] == null || g[1] == null || !a.complete() || !b.complete()) {
            CUT.incrementAndGet();
            return;
        }
        MODELS.incrementAndGet();
        SWEEPS_ON.addAndGet(g[0].sweeps);
        SWEEPS_OFF.addAndGet(g[1].sweeps);
        String why = text + "\nwith: [" + a.min() + ", " + a.max() + "] " + a.statistics().describe()
                + "\nwithout: [" + b.min() + ", " + b.max() + "] " + b.statistics().describe();
        assertEquals(b.statistics().states(), a.statistics().states(), why);
        assertEquals(keys(g[1]), keys(g[0]), why);
        IncrementalDecodeProperties.assertSameEdges(g[0], g[1], why);
        assertEquals(b.min(), a.min(), why);
        assertEquals(b.max(), a.max(), why);
        assertEquals(b.deadlockReachable(), a.deadlockReachable(), why);
        assertEquals(b.stopReachable(), a.stopReachable(), why);
        assertEquals(b.runsForever(), a.runsForever(), why);
        if (a.fastest() != null) {
            assertEquals(new RunEnd.Finished(a.min()), a.fastest().end(), why);
        }
        if (a.slowest() != null) {
            assertEquals(new RunEnd.Finished(a.max()), a.slowest().end(), why);
        }
        DeadlockSearch da = onSpace.deadlock();
        DeadlockSearch db = offSpace.deadlock();
        if (!da.statistics().complete() || !db.statistics().complete()) {
            return;
        }
        assertEquals(db instanceof DeadlockSearch.Found, da instanceof DeadlockSearch.Found, why);
        if (da instanceof DeadlockSearch.Found f && f.run() != null) {
            assertInstanceOf(RunEnd.Deadlock.class, f.run().end(), why + "\n" + String.join("\n", f.run().lines()));
        }
    }

    /** The stored states' whole keys, as a set (the reductions may find them in another order). */
    private static Set<String> keys(LoopGraph g) {
        Set<String> out = new HashSet<>();
        for (int v = 0; v < g.states.size(); v++) {
            out.add(Arrays.toString(g.stateKey(v)));
        }
        return out;
    }

    /** The state space of {@code x} with a budget of its own (a budget counts what every use spent). */
    private static RuntimeStateSpace space(Executor x) {
        return RuntimeStateSpace.of(x, Budget.of(BUDGET, 120));
    }
}
