package dev.cadenza.cli;

import dev.cadenza.core.model.Model;
import dev.cadenza.verify.Subject;
import dev.cadenza.verify.bounds.BoundsReport;
import dev.cadenza.verify.bounds.TimeBoundsAnalysis;
import dev.cadenza.verify.engine.Limits;
import dev.cadenza.verify.engine.StateClassEngine;
import dev.cadenza.verify.fastpath.ConflictFreeDeployment;
import dev.cadenza.verify.fastpath.CriticalPathAnswers;
import org.apache.commons.math3.fraction.BigFraction;

/**
 * The exact least and greatest total time of a subject, as {@code bounds} computes them (critical
 * path arithmetic on a conflict-free assembly, else the state classes of the translated net), for
 * the commands that set sampled or measured totals against them.
 */
record ExactTotals(boolean complete, boolean reachable, BigFraction min, BigFraction max, String answeredBy,
                   long classes) {

    static ExactTotals of(Model m, String subject, Limits limits) {
        ConflictFreeDeployment fast = ConflictFreeDeployment.of(m, subject);
        if (fast != null && fast.applies()) {
            BoundsReport r = CriticalPathAnswers.report(fast, false);
            return new ExactTotals(true, r.reachable(), r.min(), r.max(), CriticalPathAnswers.MODE, 0);
        }
        BoundsReport r = TimeBoundsAnalysis.of(new Subject(m, subject, new StateClassEngine(), limits), null, false);
        return new ExactTotals(r.statistics().complete(), r.reachable(), r.min(), r.max(), "state classes",
                r.statistics().states());
    }

    /** Whether {@code seconds} lies in [min, max] (a little slack for the double's rounding). */
    boolean contains(double seconds) {
        if (!complete || !reachable) {
            return false;
        }
        double eps = 1e-9 * Math.max(1, Math.abs(seconds));
        return seconds >= min.doubleValue() - eps && (max == null || seconds <= max.doubleValue() + eps);
    }
}
