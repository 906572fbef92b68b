package dev.cadenza.cli;

import dev.cadenza.core.model.Model;
import dev.cadenza.petri.limit.Budget;
import dev.cadenza.verify.LimitReachedException;
import dev.cadenza.verify.ResolutionException;
import dev.cadenza.verify.Subject;
import dev.cadenza.verify.bounds.BoundsReport;
import dev.cadenza.verify.bounds.TimeBoundsAnalysis;
import dev.cadenza.verify.engine.StateClassEngine;
import dev.cadenza.verify.fastpath.ConflictFreeDeployment;
import dev.cadenza.verify.fastpath.CriticalPathAnswers;
import org.apache.commons.math3.fraction.BigFraction;

/**
 * The exact least and greatest total time of a subject, as {@code bounds} computes them (critical
 * path arithmetic on a conflict-free assembly, else the state classes of the translated net), for
 * the commands that set sampled or measured totals against them. {@code note}: why they are not
 * known (a limit, or a semantics the translation does not honour yet), else null.
 */
record ExactTotals(boolean complete, boolean reachable, BigFraction min, BigFraction max, String answeredBy,
                   long classes, String note) {

    static ExactTotals of(Model m, String subject, Budget budget) {
        return of(m, subject, budget, true);
    }

    /** The same, with the reductions on or off ({@code --no-reduction}). */
    static ExactTotals of(Model m, String subject, Budget budget, boolean reduce) {
        ConflictFreeDeployment fast = ConflictFreeDeployment.of(m, subject);
        if (fast != null && fast.applies() && m.effectiveStep().max().signum() == 0) {
            BoundsReport r = CriticalPathAnswers.report(fast, false);
            return new ExactTotals(true, r.reachable(), r.min(), r.max(), CriticalPathAnswers.MODE, 0, null);
        }
        try {
            BoundsReport r = TimeBoundsAnalysis.of(new Subject(m, subject, new StateClassEngine(reduce), budget)
                    .reduction(reduce), null, false);
            String note = r.complete() ? null : "inconclusive: " + budget.reason(r.statistics().limit());
            return new ExactTotals(r.complete(), r.reachable(), r.min(), r.unbounded() ? null : r.max(), "state classes",
                    r.statistics().states(), note);
        } catch (LimitReachedException e) {
            return new ExactTotals(false, false, null, null, "state classes", e.statistics().states(),
                    "inconclusive: " + e.reason());
        } catch (ResolutionException e) {
            // e.g. a semantics or step the translation does not take yet: the exact side is missing
            return new ExactTotals(false, false, null, null, "state classes", 0,
                    "not available: " + e.getMessage().replaceFirst("^[^:]*:\\d+:\\d+: |^[^:]*: ", ""));
        }
    }

    /** Known: complete and reachable. */
    boolean known() {
        return complete && reachable;
    }

    /** Whether {@code seconds} lies in [min, max] (a little slack for the double's rounding). */
    boolean contains(double seconds) {
        if (!known()) {
            return false;
        }
        double eps = 1e-9 * Math.max(1, Math.abs(seconds));
        return seconds >= min.doubleValue() - eps && (max == null || seconds <= max.doubleValue() + eps);
    }
}
