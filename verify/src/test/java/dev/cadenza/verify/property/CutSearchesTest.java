package dev.cadenza.verify.property;

import dev.cadenza.core.model.Model;
import dev.cadenza.core.model.VerifyBlock;
import dev.cadenza.petri.limit.Budget;
import dev.cadenza.petri.limit.Limit;
import dev.cadenza.petri.limit.MemoryProbe;
import dev.cadenza.verify.Examples;
import dev.cadenza.verify.Subject;
import dev.cadenza.verify.Verifier;
import dev.cadenza.verify.engine.StateClassEngine;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rule of issue 14: a search cut by a limit (classes, time, memory) makes the verdict
 * inconclusive, with its reason and the statistics so far; it never turns "not found before the
 * limit" into a proof, a crash or a model error. Checked for every kind of property, each limit,
 * on models where each verdict occurs (holds and violated), against the verdicts of the same
 * properties without limits.
 */
class CutSearchesTest {

    /** Every kind of property, holding and violated, and a program after another (its prefix searched). */
    static final String MODEL = """
            component Server {
              places off, allocated, running
              initial off
              behavior deploy {
                allocate: off -> allocated [2, 5]
                start:    allocated -> running [1, 3]
              }
              behavior maintain {
                stop: running -> allocated [1, 2]
              }
              provide ip data at allocated
              provide service at running
            }
            component Client {
              places off, installed, configured, running
              initial off
              behavior install {
                install:   off -> installed        [3, 6]
                configure: installed -> configured [1, 2]
                start:     configured -> running   [0, 1]
              }
              use server_ip data by configure
              use server at running
            }
            program deploy {
              add(s : Server)
              add(c : Client)
              con(s.ip, c.server_ip)
              con(s.service, c.server)
              pushB(s, deploy)
              pushB(c, install)
              wait(c)
            }
            program maintain after deploy {
              pushB(s, maintain)
              wait(s)
            }
            deployment up { s: running, c: running }
            deployment wrong { s: allocated, c: running }
            verify deploy {
              deployable up
              deployable wrong
              deployable untimed up
              forbidden c.running and not s.running
              forbidden c.configured
              sequence s.allocate before c.configure before c.start
              sequence c.start before s.start
              parallel s, c
              bounds
              within 10
              within 3
              query "AG not (c.running and not s.running)"
              query "EF c.running"
              query "AF c.running"
              query "AF c.installed and s.off"
            }
            verify maintain {
              deployable up
              forbidden s.stop running and c.running
              parallel s, c
              bounds
              within 1
            }
            """;

    private static final Model DEFECTS = Examples.parse(MODEL);
    private static final Map<String, String> FULL = verdicts(DEFECTS, Budget::unlimited);

    @Test
    void theModelHasEveryVerdictWithoutLimits() {
        assertTrue(FULL.containsValue("holds"), FULL.toString());
        assertTrue(FULL.containsValue("violated"), FULL.toString());
        assertFalse(FULL.containsValue("inconclusive"), FULL.toString());
    }

    @Property(tries = 150)
    void aClassBudgetNeverContradictsTheFullAnswer(@ForAll @LongRange(min = 1, max = 1500) long classes) {
        Map<String, String> cut = verdicts(DEFECTS, () -> Budget.ofClasses(classes));
        cut.forEach((p, v) -> assertTrue(v.equals(FULL.get(p)) || v.equals("inconclusive"),
                p + " is " + v + " with " + classes + " classes, " + FULL.get(p) + " without a limit"));
    }

    @Provide
    Arbitrary<String> examples() {
        return Arbitraries.of("galera.cdz", "server-client.cdz");
    }

    @Property(tries = 12)
    void examplesAtSmallBudgetsGiveVerdictsOrInconclusive(@ForAll("examples") String file,
                                                          @ForAll @LongRange(min = 1, max = 3000) long classes) {
        // galera's parallel at a limit once crashed (a run found but not returned: a null run)
        Model m = Examples.example(file);
        Map<String, String> cut = verdicts(m, () -> Budget.ofClasses(classes));
        assertFalse(cut.isEmpty());
        cut.values().forEach(v -> assertTrue(List.of("holds", "violated", "inconclusive").contains(v), v));
    }

    @Test
    void aSpentClassBudgetMakesEverySearchedVerdictInconclusiveWithItsReason() {
        Budget budget = Budget.ofClasses(1);
        for (Verifier.Result r : searched(results(DEFECTS, () -> budget))) {
            assertEquals("inconclusive", r.verdict().word(), r.property().name());
            Verdict.Inconclusive v = (Verdict.Inconclusive) r.verdict();
            assertTrue(v.reason().contains("--max-classes 1"), v.reason());
            assertFalse(v.statistics().complete(), r.property().name());
            assertEquals(Limit.CLASSES, v.statistics().limit(), r.property().name());
        }
        assertTrue(budget.classesUsed() <= 2, "a search with nothing left stores nothing: " + budget.classesUsed());
    }

    @Test
    void aPassedDeadlineMakesEverySearchedVerdictInconclusive() {
        for (Verifier.Result r : searched(results(DEFECTS, () -> Budget.of(Budget.NO_CLASS_LIMIT, 1e-9)))) {
            assertEquals("inconclusive", r.verdict().word(), r.property().name());
            Verdict.Inconclusive v = (Verdict.Inconclusive) r.verdict();
            assertTrue(v.reason().contains("--timeout"), v.reason());
            assertEquals(Limit.TIME, v.statistics().limit());
        }
    }

    @Test
    void aFullHeapMakesEverySearchedVerdictInconclusive() {
        MemoryProbe full = new MemoryProbe() {
            public long maxHeap() {
                return 64L << 20;
            }

            public long usedHeap() {
                return 60L << 20;
            }

            public long largestAllocation() {
                return 4L << 20;
            }

            public void collect() {
            }
        };
        for (Verifier.Result r : searched(results(DEFECTS, () -> Budget.unlimited().withMemory(full)))) {
            assertEquals("inconclusive", r.verdict().word(), r.property().name());
            Verdict.Inconclusive v = (Verdict.Inconclusive) r.verdict();
            assertTrue(v.reason().contains("heap (64 MB)"), v.reason());
            assertEquals(Limit.MEMORY, v.statistics().limit());
        }
    }

    @Test
    void aProgramAfterAnotherIsInconclusiveNotANeverFinishingPrefix() {
        // the server-client example's maintain program at a budget too small for deploy's end:
        // once "program maintain starts after deploy, which never finishes" (a model error, exit 2)
        Model m = Examples.example("server-client.cdz");
        VerifyBlock maintain = m.verifyBlocks().stream().filter(b -> b.subject().equals("maintain")).findFirst()
                .orElseThrow();
        // (without reductions: the untimed stage settles deploy's end in a few markings, and the
        // budget then cuts maintain's own searches — inconclusive too, for another reason)
        Subject s = new Subject(m, "maintain", new StateClassEngine(false), Budget.ofClasses(40)).reduction(false);
        for (Verifier.Result r : Verifier.check(s, maintain)) {
            assertEquals("inconclusive", r.verdict().word(), r.property().name());
            assertTrue(r.verdict().details().get(0).startsWith("the state where deploy ends"),
                    r.verdict().details().toString());
        }
        Subject reduced = new Subject(m, "maintain", new StateClassEngine(), Budget.ofClasses(40));
        for (Verifier.Result r : Verifier.check(reduced, maintain)) {
            assertEquals("inconclusive", r.verdict().word(), r.property().name());
        }
    }

    @Test
    void cutBoundsKeepWhatIsCertainAndNoMore() {
        var full = dev.cadenza.verify.bounds.TimeBoundsAnalysis.of(
                new Subject(DEFECTS, "deploy", new StateClassEngine(), Budget.unlimited()), null, false);
        assertTrue(full.complete() && full.min() != null && full.max() != null);
        int cut = 0;
        for (long n = 1; n < 400; n += 7) {
            Subject s = new Subject(DEFECTS, "deploy", new StateClassEngine(), Budget.ofClasses(n));
            var r = dev.cadenza.verify.bounds.TimeBoundsAnalysis.of(s, null, false);
            if (r.complete()) {
                assertEquals(full.min(), r.min());
                assertEquals(full.max(), r.max());
                continue;
            }
            cut++;
            assertFalse(r.unreachable(), "cut at " + n + " classes: never a proof that the end is not reached");
            assertFalse(r.unbounded(), "cut at " + n + " classes: never an infinite max");
            assertEquals(null, r.max(), "cut at " + n + " classes: no max");
            if (r.min() != null) {
                assertEquals(full.min(), r.min(), "a known min is exact");
            }
            if (r.reachable()) {
                var end = r.minRun().duration();
                assertTrue(end.compareTo(full.min()) >= 0 && end.compareTo(full.max()) <= 0, "a real run: " + end);
            }
        }
        assertTrue(cut > 0);
    }

    private static Map<String, String> verdicts(Model m, Supplier<Budget> budget) {
        Map<String, String> out = new HashMap<>();
        for (Verifier.Result r : results(m, budget)) {
            out.put(r.subject() + ": " + r.property().name(), r.verdict().word());
        }
        return out;
    }

    /** The results that needed a search (not answered by critical-path arithmetic). */
    private static List<Verifier.Result> searched(List<Verifier.Result> results) {
        return results.stream().filter(r -> !r.mode().equals(dev.cadenza.verify.fastpath.CriticalPathAnswers.MODE))
                .toList();
    }

    /** Every verify block, one budget for the whole check (as a command has). */
    private static List<Verifier.Result> results(Model m, Supplier<Budget> budget) {
        Budget b = budget.get();
        List<Verifier.Result> out = new ArrayList<>();
        Map<String, Subject> subjects = new HashMap<>();
        for (VerifyBlock block : m.verifyBlocks()) {
            Subject s = subjects.computeIfAbsent(block.subject(), n -> new Subject(m, n, new StateClassEngine(), b));
            out.addAll(Verifier.check(s, block));
        }
        return out;
    }
}
