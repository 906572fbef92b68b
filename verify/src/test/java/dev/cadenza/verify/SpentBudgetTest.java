package dev.cadenza.verify;

import dev.cadenza.core.model.Model;
import dev.cadenza.core.model.VerifyBlock;
import dev.cadenza.petri.limit.Budget;
import dev.cadenza.petri.limit.Limit;
import dev.cadenza.verify.engine.StateClassEngine;
import dev.cadenza.verify.fastpath.CriticalPathAnswers;
import dev.cadenza.verify.property.Verdict;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code --timeout} is kept: once the command's time is up, every later question is
 * inconclusive at once — no translation of its net, no set-up of a search, no stage — with the
 * reason and no work in its statistics. (galera.cdz at n = 8 printed "left: 0 s" for 20 s: each
 * later property still translated its net and set up its searches before the first clock read.)
 */
class SpentBudgetTest {

    @Test
    void aPassedDeadlineAnswersEveryLaterPropertyWithoutWork() {
        Model m = Examples.example("galera.cdz");
        Budget spent = Budget.of(Budget.NO_CLASS_LIMIT, 1e-9);
        while (spent.spent() == Limit.NONE) {
            Thread.onSpinWait();
        }
        int checked = 0;
        for (VerifyBlock block : m.verifyBlocks()) {
            Subject s = new Subject(m, block.subject(), new StateClassEngine(), spent);
            for (Verifier.Result r : Verifier.check(s, block)) {
                if (r.mode().equals(CriticalPathAnswers.MODE)) {
                    continue; // arithmetic on the model, no search
                }
                checked++;
                Verdict.Inconclusive v = assertInstanceOf(r.verdict());
                assertTrue(v.reason().contains("--timeout"), v.reason());
                assertEquals(Limit.TIME, v.statistics().limit());
                assertEquals(0, v.statistics().states(), r.property().name());
            }
        }
        assertTrue(checked >= 10, "galera.cdz's properties: " + checked);
        assertEquals(0, spent.classesUsed());
    }

    @Test
    void aSpentClassBudgetToo() {
        Model m = Examples.example("galera.cdz");
        Budget budget = Budget.ofClasses(1);
        VerifyBlock first = m.verifyBlocks().get(0);
        // the first property uses the one class (or less); every later one finds nothing left
        Subject s = new Subject(m, first.subject(), new StateClassEngine(), budget);
        var results = Verifier.check(s, first);
        for (Verifier.Result r : results.subList(1, results.size())) {
            if (budget.classesLeft() == 0 && !r.mode().equals(CriticalPathAnswers.MODE)) {
                assertEquals("inconclusive", r.verdict().word(), r.property().name());
            }
        }
    }

    private static Verdict.Inconclusive assertInstanceOf(Verdict v) {
        assertTrue(v instanceof Verdict.Inconclusive, v.word());
        return (Verdict.Inconclusive) v;
    }
}
