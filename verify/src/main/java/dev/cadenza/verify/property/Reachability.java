package dev.cadenza.verify.property;

import dev.cadenza.petri.query.Predicate;
import dev.cadenza.verify.Subject;
import dev.cadenza.verify.engine.Statistics;
import dev.cadenza.verify.engine.TargetTimes;
import dev.cadenza.verify.translate.TranslatedNet;

import java.util.ArrayList;
import java.util.List;

/** "Is some state satisfying p reachable?" — the fastest run to one is the witness. */
final class Reachability {

    private Reachability() {
    }

    static TargetTimes search(Subject subject, TranslatedNet tn, Predicate p) {
        return subject.engine().reach(tn.net(), p, subject.budget());
    }

    /** A search cut by the budget: no answer, the reason and what was done. */
    static Verdict.Inconclusive inconclusive(Subject subject, Statistics statistics) {
        return new Verdict.Inconclusive(subject.budget().reason(statistics.limit()), statistics);
    }

    /** Reachable is bad: violated with the run, else holds (or inconclusive at a limit). */
    static Verdict mustNotReach(Subject subject, TranslatedNet tn, Predicate p, String summary, String holds) {
        TargetTimes r = search(subject, tn, p);
        if (r.reachable()) {
            return new Verdict.Violated(Counterexample.of(summary, r.minRun(), tn, false),
                    r.statistics());
        }
        if (!r.statistics().complete()) {
            return inconclusive(subject, r.statistics());
        }
        return new Verdict.Holds(List.of(holds), r.statistics());
    }

    /** Reachable is good: holds with the witness run, else violated (or inconclusive at a limit). */
    static Verdict mustReach(Subject subject, TranslatedNet tn, Predicate p, String witness, String violated) {
        TargetTimes r = search(subject, tn, p);
        if (r.reachable()) {
            Counterexample w = Counterexample.of(witness, r.minRun(), tn, false);
            return new Verdict.Holds(w.lines(), r.statistics(), w);
        }
        if (!r.statistics().complete()) {
            return inconclusive(subject, r.statistics());
        }
        return new Verdict.Violated(Counterexample.of(violated), r.statistics());
    }
}
