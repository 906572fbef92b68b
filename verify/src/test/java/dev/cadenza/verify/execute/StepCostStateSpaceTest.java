package dev.cadenza.verify.execute;

import dev.cadenza.core.model.Duration;
import dev.cadenza.core.model.Model;
import dev.cadenza.petri.limit.Budget;
import dev.cadenza.verify.Examples;
import dev.cadenza.verify.trace.Run;
import dev.cadenza.verify.trace.RunEnd;
import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The runtime's state space with a step cost, on tiny models whose answers are worked out by
 * hand from the executor's rules (Execution, SimulatedDriver): each iteration takes a step in
 * [a, b]; a thread that ends before an iteration's instant is noticed by its end phase, one that
 * ends exactly then is a race (it may be left for the next iteration, which costs one more step).
 */
class StepCostStateSpaceTest {

    /** One transition of 1 s; assembly: add, pushB, waitAll. */
    static final String ONE = """
            component P {
              places p0, p1
              initial p0
              behavior go {
                t: p0 -> p1 [1, 1]
              }
            }
            assembly a {
              p: P
            }
            """;

    /**
     * S provides svc while in its group {s1 .. s4}, which it crosses by four [0, 0] transitions;
     * U needs svc to enter u1, 1.4 s after it starts.
     */
    static final String LATE_USER = """
            component S {
              places s0, s1, s2, s3, s4, s5
              initial s0
              group g { s1, s2, s3, s4 }
              provide svc at g
              behavior go {
                a: s0 -> s1 [1, 1]
                b: s1 -> s2 [0, 0]
                c: s2 -> s3 [0, 0]
                d: s3 -> s4 [0, 0]
                e: s4 -> s5 [0, 0]
              }
            }
            component U {
              places u0, u1, u2
              initial u0
              use svc at u1
              behavior go {
                t: u0 -> u1 [1.4, 1.4]
                v: u1 -> u2 [0, 0]
              }
            }
            assembly a {
              s: S
              u: U
              connect s.svc -> u.svc
            }
            """;

    /**
     * S provides svc in {s1, s2} from 1 s to 2 s; U needs it to enter u1 after 1.5 s and three
     * [0, 0] transitions, which are free without a step and cost iterations with one.
     */
    static final String SLOW_USER = """
            component S {
              places s0, s1, s2, s3
              initial s0
              group g { s1, s2 }
              provide svc at g
              behavior go {
                a: s0 -> s1 [1, 1]
                b: s1 -> s2 [1, 1]
                c: s2 -> s3 [0, 0]
              }
            }
            component U {
              places u0, ua, ub, uc, u1, u2
              initial u0
              use svc at u1
              behavior go {
                t: u0 -> ua [1.5, 1.5]
                x: ua -> ub [0, 0]
                z: ub -> uc [0, 0]
                y: uc -> u1 [0, 0]
                v: u1 -> u2 [0, 0]
              }
            }
            assembly a {
              s: S
              u: U
              connect s.svc -> u.svc
            }
            """;

    private static Executor executor(String text, String a, String b) {
        Model m = Examples.parse(text).withStep(new Duration(new BigDecimal(a), new BigDecimal(b)));
        return Executor.of(m, "a");
    }

    private static BigFraction seconds(String s) {
        return new BigFraction(new BigDecimal(s).doubleValue());
    }

    /**
     * By hand, step s fixed: iteration 0 runs the program (waitAll blocks), iteration 1 begins the
     * behavior, iteration 2 (at 2s) starts t, which ends at 2s + 1. For s = 0.5 that is the
     * iteration at 2: noticed there (a race: or left, then noticed at 2.5, f < now); p1 entered one
     * iteration later, waitAll passes the next: [3, 3.5]. For s in [0.25, 0.5]: all steps 0.25
     * gives t at 0.5, noticed at 1.5, entered 1.75, done 2; the latest notice is 1.5 after the start
     * (a race at +1 left once, then a step of 0.5) with the start at 1: 2.5, 3, 3.5.
     */
    @Test
    void oneTransitionExactBounds() {
        assertBounds(executor(ONE, "0", "0"), "1", "1");
        assertBounds(executor(ONE, "0.5", "0.5"), "3", "3.5");
        assertBounds(executor(ONE, "0.25", "0.5"), "2", "3.5");
        // a step [0, b] is refused: a race forced after three quiet iterations is not proven to
        // keep every run on the grid (docs/verify.md), and no answer beats a wrong one
        FinishTimes open = RuntimeStateSpace.of(executor(ONE, "0", "0.5"), Budget.of(100_000, 20)).finishTimes();
        assertFalse(open.complete());
        assertTrue(RuntimeStateSpace.of(executor(ONE, "0", "0.5"), Budget.of(100_000, 20)).deadlock()
                instanceof DeadlockSearch.Unanswered u && u.reason().contains("with a > 0 only"), "refused");
    }

    /**
     * Without a step S leaves its group at 1 (a's end noticed, then b..e in one instant) and U
     * comes at 1.4: every run deadlocks. With a step of 0.25, S enters s1 at 1.75 at the earliest
     * and needs three more iterations to leave s4 (2.5), while U's t (0.5 to 1.9) is noticed at 2
     * for sure (it ends off the iterations) and U enters u1 at 2.25: no run deadlocks. Min: the
     * run above ends at 3; max: each of the five races on S's way (a at 1.5, b..e at once) may be
     * left one iteration: 3 + 5 · 0.25.
     */
    @Test
    void aStepRemovesADeadlock() {
        Executor free = executor(LATE_USER, "0", "0");
        assertInstanceOf(DeadlockSearch.Found.class, RuntimeStateSpace.of(free, Budget.unlimited()).deadlock());
        Executor stepped = executor(LATE_USER, "0.25", "0.25");
        assertInstanceOf(DeadlockSearch.Absent.class, RuntimeStateSpace.of(stepped, Budget.unlimited()).deadlock());
        assertBounds(stepped, "3", "4.25");
        assertEquals("0.05", RuntimeStateSpace.of(stepped, Budget.unlimited()).finishTimes().statistics().unitSeconds());
    }

    /**
     * Without a step U enters u1 at 1.5, inside S's group (1 to 2): no run deadlocks, [2, 2].
     * With a step of 0.25, U's t runs from 0.5 to 2 and each [0, 0] transition after it costs an
     * iteration, so U reaches u1's dock at 2.75 while S leaves s2 at 2.75 or 3: the executor's
     * all-minimum run deadlocks, and so does some run of the state space.
     */
    @Test
    void aStepMakesADeadlock() {
        Executor free = executor(SLOW_USER, "0", "0");
        assertInstanceOf(DeadlockSearch.Absent.class, RuntimeStateSpace.of(free, Budget.unlimited()).deadlock());
        assertBounds(free, "2", "2");
        Executor stepped = executor(SLOW_USER, "0.25", "0.25");
        assertInstanceOf(RunEnd.Deadlock.class, stepped.run(Policies.allMin()).end());
        DeadlockSearch.Found found = assertInstanceOf(DeadlockSearch.Found.class,
                RuntimeStateSpace.of(stepped, Budget.unlimited()).deadlock());
        assertInstanceOf(RunEnd.Deadlock.class, found.run().end(), String.join("\n", found.run().lines()));
        FinishTimes f = RuntimeStateSpace.of(stepped, Budget.unlimited()).finishTimes();
        assertTrue(f.deadlockReachable());
        assertNull(f.max());
    }

    /** Concerto-D's default step (50 ms) is explored, not refused; its grid includes the step. */
    @Test
    void concertoDsDefaultStepIsExplored() {
        Model m = Examples.parse("semantics concerto-d\n" + ONE);
        Executor x = Executor.of(m, "a");
        FinishTimes f = RuntimeStateSpace.of(x, Budget.unlimited()).finishTimes();
        assertTrue(f.complete(), f.statistics().describe());
        assertEquals("0.05", f.statistics().unitSeconds());
        Run r = x.run(Policies.allMin());
        RunEnd.Finished fin = assertInstanceOf(RunEnd.Finished.class, r.end());
        assertTrue(f.min().compareTo(fin.time()) <= 0 && fin.time().compareTo(f.max()) <= 0,
                "[" + f.min() + ", " + f.max() + "] " + fin.time());
        assertEquals(new RunEnd.Finished(f.min()), f.fastest().end());
        assertEquals(new RunEnd.Finished(f.max()), f.slowest().end());
    }

    private static void assertBounds(Executor x, String min, String max) {
        for (RuntimeStateSpace s : new RuntimeStateSpace[] {RuntimeStateSpace.of(x, Budget.unlimited()),
                RuntimeStateSpace.of(x, Budget.unlimited()).withoutReductions()}) {
            FinishTimes f = s.finishTimes();
            assertTrue(f.complete(), f.statistics().describe());
            assertEquals(seconds(min), f.min(), "min");
            assertEquals(seconds(max), f.max(), "max");
            // the runs that attain them are the executor's, ending there
            assertEquals(new RunEnd.Finished(f.min()), f.fastest().end(), String.join("\n", f.fastest().lines()));
            assertEquals(new RunEnd.Finished(f.max()), f.slowest().end(), String.join("\n", f.slowest().lines()));
        }
    }
}
