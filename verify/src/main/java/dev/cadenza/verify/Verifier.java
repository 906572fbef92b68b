package dev.cadenza.verify;

import dev.cadenza.core.model.PropertySpec;
import dev.cadenza.core.model.VerifyBlock;
import dev.cadenza.petri.limit.Limit;
import dev.cadenza.verify.engine.Statistics;
import dev.cadenza.verify.fastpath.ConflictFreeDeployment;
import dev.cadenza.verify.fastpath.CriticalPathAnswers;
import dev.cadenza.verify.property.Deployable;
import dev.cadenza.verify.property.Forbidden;
import dev.cadenza.verify.property.Parallel;
import dev.cadenza.verify.property.Property;
import dev.cadenza.verify.property.Query;
import dev.cadenza.verify.property.Response;
import dev.cadenza.verify.property.Sequence;
import dev.cadenza.verify.property.RuntimeObservations;
import dev.cadenza.verify.property.SharedSearches;
import dev.cadenza.verify.property.TimeBoundsProperty;
import dev.cadenza.verify.property.Verdict;
import dev.cadenza.verify.property.Within;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Runs the properties of a verify block against its subject, one verdict each, timed. */
public final class Verifier {

    private Verifier() {
    }

    /** One line of the verdict table. */
    public record Result(String subject, Property property, Verdict verdict, String mode, long millis) {
    }

    public static Property property(PropertySpec spec) {
        if (spec instanceof PropertySpec.Deployable d) {
            return new Deployable(d.deployment(), d.untimed(), d.position());
        } else if (spec instanceof PropertySpec.Forbidden f) {
            return new Forbidden(f.predicate());
        } else if (spec instanceof PropertySpec.Sequence s) {
            return new Sequence(s.steps(), s.position());
        } else if (spec instanceof PropertySpec.Parallel p) {
            return new Parallel(p.instances(), p.position());
        } else if (spec instanceof PropertySpec.Bounds b) {
            return new TimeBoundsProperty(b.position());
        } else if (spec instanceof PropertySpec.Within w) {
            return new Within(w.seconds(), w.position());
        } else if (spec instanceof PropertySpec.Response r) {
            return new Response(r.trigger(), r.response(), r.seconds(), r.position());
        }
        PropertySpec.Query q = (PropertySpec.Query) spec;
        return new Query(q.formula(), q.untimed(), q.formulaAt(), q.position());
    }

    /**
     * The property's verdict; inconclusive, with the reason, when a search it needs before its
     * own (the state a program starts from) was cut by the budget. The other properties of the
     * block keep their verdicts.
     */
    private static Verdict checkOrCut(Property p, Subject subject) {
        // a spent budget answers at once: no translation, no set-up, no search (each would stop
        // at its first step anyway, but only after work no meter watches)
        Limit spent = subject.budget().spent();
        if (spent != Limit.NONE) {
            LimitReachedException earlier = subject.earlierCut();
            if (earlier != null) {
                return new Verdict.Inconclusive(earlier.reason(), earlier.statistics());
            }
            return new Verdict.Inconclusive(subject.budget().reason(spent), new Statistics(0, 0, spent, 0));
        }
        try {
            return p.check(subject);
        } catch (LimitReachedException e) {
            return new Verdict.Inconclusive(e.reason(), e.statistics());
        }
    }

    public static List<Result> check(Subject subject, VerifyBlock block) {
        List<Result> out = new ArrayList<>();
        // a conflict-free assembly answers deployable/bounds/within by arithmetic (linear time)
        ConflictFreeDeployment fast = ConflictFreeDeployment.of(subject.model(), subject.name());
        List<Property> properties = new ArrayList<>();
        for (PropertySpec spec : block.properties()) {
            properties.add(property(spec));
        }
        // the block's forbidden and AG questions share their timed search (the first of them to be
        // checked runs it for all; its time column shows it); verdicts still come in the block's order
        SharedSearches earlier = subject.sharedSearches();
        subject.sharedSearches(SharedSearches.of(properties));
        // and, where the runtime's state space explores for deployable/bounds/within, it observes the
        // block's safety predicates on the way (RuntimeObservations)
        RuntimeObservations observedBefore = subject.runtimeObservations();
        subject.runtimeObservations(RuntimeObservations.of(properties));
        try {
            for (Property p : properties) {
                long t0 = System.nanoTime();
                Optional<Verdict> quick = CriticalPathAnswers.answer(p, fast, subject.model());
                Verdict v = quick.isPresent() ? quick.get() : checkOrCut(p, subject);
                // the stage that answered (the untimed first stage) when it was not the engine
                String mode = quick.isPresent() ? CriticalPathAnswers.MODE
                        : v.statistics().stage() != null ? v.statistics().stage() : p.mode(subject);
                out.add(new Result(subject.name(), p, v, mode, (System.nanoTime() - t0) / 1_000_000));
            }
        } finally {
            subject.sharedSearches(earlier);
            subject.runtimeObservations(observedBefore);
        }
        return out;
    }
}
