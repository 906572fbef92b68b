package dev.cadenza.verify.property;

import dev.cadenza.core.model.PredicateText;
import dev.cadenza.petri.query.Predicate;
import dev.cadenza.verify.Subject;
import dev.cadenza.verify.predicate.ModelPredicate;
import dev.cadenza.verify.translate.TranslatedNet;

/**
 * {@code forbidden PRED}: no reachable state satisfies PRED; else a run that reaches one (found depth
 * first, not the fastest: {@link Reachability#searchBadAny}; the fastest with {@code --no-reduction}).
 */
public record Forbidden(PredicateText predicate) implements Property {

    /** Where its predicate is written. */
    public dev.cadenza.core.model.SourcePosition position() {
        return predicate.position();
    }

    public String name() {
        return "forbidden " + predicate.text();
    }

    public String mode(Subject subject) {
        return subject.engine().name();
    }

    public Verdict check(Subject subject) {
        TranslatedNet tn = subject.net(Subject.Mode.TIMED);
        return Reachability.mustNotReach(subject, tn, bad(tn), "reachable: " + predicate.text(),
                "no reachable state satisfies it");
    }

    /** What must not be reachable on the subject's timed net (the search {@link SharedSearches} shares). */
    Predicate bad(TranslatedNet tn) {
        return ModelPredicate.compile(predicate.text(), predicate.position(), tn.backMap());
    }
}
