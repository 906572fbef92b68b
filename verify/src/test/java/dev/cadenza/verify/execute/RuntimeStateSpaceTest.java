package dev.cadenza.verify.execute;

import dev.cadenza.core.model.Duration;
import dev.cadenza.core.model.Model;
import dev.cadenza.petri.limit.Budget;
import dev.cadenza.petri.limit.MemoryProbe;
import dev.cadenza.verify.Examples;
import dev.cadenza.verify.trace.RunEnd;
import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The runtime's state space on the runtime cases (what the Python did, measured): it finds a
 * deadlock exactly where the Python can deadlock, and where the Python finishes its exact
 * [min, max] contains the model times the Python's runs took.
 */
class RuntimeStateSpaceTest {

    @TestFactory
    Stream<DynamicTest> agreesWithThePythonOnEveryRuntimeCase() throws IOException {
        return RuntimeCasesTest.cases().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            Executor x = Executor.of(c.model(), c.subject());
            RuntimeStateSpace space = RuntimeStateSpace.of(x, Budget.of(1_000_000, 60));
            DeadlockSearch d = space.deadlock();
            FinishTimes f = space.finishTimes();
            System.err.println(c.name() + ": " + d.getClass().getSimpleName() + " " + d.statistics().describe()
                    + "; finish [" + f.min() + ", " + f.max() + "] " + f.statistics().describe());
            boolean canDeadlock = c.allowed().stream().anyMatch(RuntimeCasesTest.Outcome::deadlock);
            assertTrue(d.statistics().complete());
            if (canDeadlock) {
                DeadlockSearch.Found found = assertInstanceOf(DeadlockSearch.Found.class, d);
                assertNotNull(found.run());
                assertInstanceOf(RunEnd.Deadlock.class, found.run().end(), String.join("\n", found.run().lines()));
            } else {
                assertInstanceOf(DeadlockSearch.Absent.class, d);
            }
            assertTrue(f.complete());
            for (RuntimeCasesTest.Outcome o : c.expected()) {
                if (!o.deadlock()) {
                    assertNotNull(f.min(), c.name() + ": the runtime finishes, the state space never");
                    assertTrue(f.min().compareTo(o.min()) <= 0, c.name() + ": min " + f.min() + " above " + o.min());
                    assertTrue(f.max() == null || f.max().compareTo(o.max()) >= 0,
                            c.name() + ": max " + f.max() + " below " + o.max());
                }
            }
            if (f.fastest() != null) {
                assertEquals(new RunEnd.Finished(f.min()), f.fastest().end());
            }
            if (f.slowest() != null) {
                assertEquals(new RunEnd.Finished(f.max()), f.slowest().end());
            }
        }));
    }

    static final String WAITS_FOREVER = """
            component S {
              places s0, s1
              initial s0
              provide svc at s1
              behavior go {
                up: s0 -> s1 [1, inf]
              }
            }
            component U {
              places u0, u1
              initial u0
              use svc at u1
              behavior go {
                t: u0 -> u1 [2, 3]
              }
            }
            assembly a {
              s: S
              u: U
              connect s.svc -> u.svc
            }
            """;

    /** [a, inf]: a thread that may run forever is a cycle that lets time pass: max unbounded, min exact. */
    @Test
    void anUnboundedIntervalMakesTheMaxUnbounded() {
        Executor x = Executor.of(Examples.parse(WAITS_FOREVER), "a");
        FinishTimes f = RuntimeStateSpace.of(x, Budget.unlimited()).finishTimes();
        assertTrue(f.complete());
        assertEquals(seconds("2"), f.min());
        assertNull(f.max());
        assertTrue(f.runsForever());
        assertFalse(f.deadlockReachable());
        assertEquals(new RunEnd.Finished(seconds("2")), f.fastest().end());
        assertInstanceOf(DeadlockSearch.Absent.class, RuntimeStateSpace.of(x, Budget.unlimited()).deadlock());
    }

    /** A cut search is no answer (never "none"), and says why: a state budget, and a heap that would not hold the next table. */
    @Test
    void aCutSearchIsNoAnswer() {
        Executor x = Executor.of(Examples.example("galera.cdz"), "to_galera");
        DeadlockSearch d = RuntimeStateSpace.of(x, Budget.ofClasses(500)).deadlock();
        DeadlockSearch.Unanswered u = assertInstanceOf(DeadlockSearch.Unanswered.class, d);
        assertTrue(u.reason().contains("state budget"), u.reason());
        assertFalse(u.statistics().complete());
        assertFalse(RuntimeStateSpace.of(x, Budget.ofClasses(500)).finishTimes().complete());
        MemoryProbe small = new MemoryProbe() {
            public long maxHeap() {
                return 64L << 20;
            }

            public long usedHeap() {
                return 54L << 20;
            }

            public long largestAllocation() {
                return 64L << 20;
            }

            public void collect() {
            }
        };
        DeadlockSearch m = RuntimeStateSpace.of(x, Budget.unlimited().withMemory(small)).deadlock();
        DeadlockSearch.Unanswered mu = assertInstanceOf(DeadlockSearch.Unanswered.class, m);
        assertTrue(mu.reason().contains("heap"), mu.reason());
    }

    /**
     * 21 threads that may all finish at one instant: instances that are not alike (no bundle: the
     * names carry no index) make 2^21 sets to try, and the state space says it is cut; twins
     * ({@code w1} to {@code w21}, one bundle each, equal in every state) make 22, counted
     * (OrbitCombinations), and it answers.
     */
    @Test
    void threadsThatMayFinishAtOneInstantAreCountedWhenAlike() {
        StringBuilder apart = new StringBuilder("component W {\n  places a, b\n  initial a\n"
                + "  behavior go {\n    t: a -> b [1, 2]\n  }\n}\n");
        StringBuilder alike = new StringBuilder(apart);
        apart.append("program p {\n");
        alike.append("program p {\n");
        for (int i = 1; i <= 21; i++) {
            String letters = "w" + (char) ('a' + (i - 1) / 26) + (char) ('a' + (i - 1) % 26);
            apart.append("  add(").append(letters).append(" : W)\n  pushB(").append(letters).append(", go)\n");
            alike.append("  add(w").append(i).append(" : W)\n  pushB(w").append(i).append(", go)\n");
        }
        apart.append("}\n");
        alike.append("}\n");
        FinishTimes cut = RuntimeStateSpace.of(Executor.of(Examples.parse(apart.toString()), "p"), Budget.unlimited())
                .finishTimes();
        assertFalse(cut.complete());
        assertTrue(cut.statistics().cut().contains("21 threads may finish at one instant"), cut.statistics().cut());
        FinishTimes counted = RuntimeStateSpace.of(Executor.of(Examples.parse(alike.toString()), "p"), Budget.unlimited())
                .finishTimes();
        assertTrue(counted.complete(), counted.statistics().describe());
        assertEquals(seconds("1"), counted.min());
        assertEquals(seconds("2"), counted.max());
        assertFalse(counted.deadlockReachable());
    }

    static BigFraction seconds(String s) {
        return RuntimeCasesTest.fraction(s);
    }
}
