package dev.cadenza.verify.execute;

import dev.cadenza.petri.limit.Budget;
import dev.cadenza.verify.trace.RunEnd;
import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

    static BigFraction seconds(String s) {
        return RuntimeCasesTest.fraction(s);
    }
}
