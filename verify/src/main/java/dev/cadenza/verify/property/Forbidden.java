package dev.cadenza.verify.property;

import dev.cadenza.core.model.PredicateText;
import dev.cadenza.verify.Subject;
import dev.cadenza.verify.engine.StateGraph;
import dev.cadenza.verify.predicate.ModelPredicate;
import dev.cadenza.verify.report.RunText;
import dev.cadenza.verify.translate.TranslatedNet;

import java.util.List;

/** {@code forbidden PRED}: no reachable state satisfies PRED; else the run that reaches one. */
public record Forbidden(PredicateText predicate) implements Property {

    public String name() {
        return "forbidden " + predicate.text();
    }

    public String mode(Subject subject) {
        return subject.engine().name();
    }

    public Verdict check(Subject subject) {
        TranslatedNet tn = subject.net(Subject.Mode.TIMED);
        ModelPredicate p = ModelPredicate.compile(predicate.text(), predicate.position(), tn.backMap());
        StateGraph g = subject.engine().explore(tn.net(), subject.limits());
        int s = Search.find(g, p.test());
        if (s >= 0) {
            return new Verdict.Violated(new Counterexample("reachable: " + predicate.text(),
                    RunText.lines(g.runTo(s), tn), List.of()), g.statistics());
        }
        if (!g.statistics().complete()) {
            return new Verdict.Inconclusive("limit reached after " + g.size() + " states", g.statistics());
        }
        return new Verdict.Holds(List.of("no reachable state (" + g.size() + ")"), g.statistics());
    }
}
