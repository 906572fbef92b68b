package dev.cadenza.verify.property;

import dev.cadenza.core.model.SourcePosition;
import dev.cadenza.petri.query.Predicate;
import dev.cadenza.verify.ResolutionException;
import dev.cadenza.verify.Subject;
import dev.cadenza.verify.engine.TargetTimes;
import dev.cadenza.verify.engine.Targets;
import dev.cadenza.verify.predicate.ModelPredicate;
import dev.cadenza.verify.translate.TranslatedNet;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code query "AG p" | "EF p" | "AF p"} over the model predicates. AG p: "not p" unreachable
 * (counterexample: the fastest run to a violation). EF p: p reachable (witness). AF p: every
 * maximal run meets p, i.e. the max time to first meet p is finite — the engine's max is
 * infinite exactly when some run avoids p forever: it stops in a dead non-p state, lets time
 * diverge in a non-p state, or loops through non-p states gaining time (runs that loop in zero
 * time are Zeno and not counted). A dead non-p state that is reachable is then shown as the
 * counterexample when it exists.
 */
public record Query(String formula, SourcePosition position) implements Property {

    private static final Pattern FORM = Pattern.compile("\\s*(AG|EF|AF)\\s+(.*)", Pattern.DOTALL);

    public String name() {
        return "query \"" + formula + "\"";
    }

    public String mode(Subject subject) {
        return subject.engine().name();
    }

    public Verdict check(Subject subject) {
        Matcher m = FORM.matcher(formula);
        if (!m.matches()) {
            throw new ResolutionException(position, "a query is AG, EF or AF then a predicate, not \"" + formula + "\"");
        }
        TranslatedNet tn = subject.net(Subject.Mode.TIMED);
        // the predicate starts after `query "` and the operator
        SourcePosition at = new SourcePosition(position.file(), position.line(),
                position.column() + "query \"".length() + m.start(2));
        Predicate p = ModelPredicate.compile(m.group(2), at, tn.backMap());
        switch (m.group(1)) {
            case "AG":
                return Reachability.mustNotReach(subject, tn, Targets.not(p), "a reachable state violates it",
                        "in every reachable state");
            case "EF":
                return Reachability.mustReach(subject, tn, p, "witness:", "no reachable state satisfies it");
            default:
                TargetTimes r = subject.engine().timeTo(tn.net(), p, subject.budget());
                if (!r.statistics().complete()) {
                    return Reachability.inconclusive(subject, r.statistics());
                }
                if (r.inevitable()) {
                    return new Verdict.Holds(List.of("every run meets it, by " + r.max() + " s at the latest"),
                            r.statistics());
                }
                TargetTimes dead = Reachability.search(subject, tn, Targets.and(Targets.dead(), Targets.not(p)));
                Counterexample c = dead.reachable()
                        ? Counterexample.of("a run avoids it forever; e.g. a run that stops without it:",
                                dead.minRun(), tn, false)
                        : Counterexample.of("a run avoids it forever");
                return new Verdict.Violated(c, r.statistics().plus(dead.statistics()));
        }
    }
}
