package dev.cadenza.verify.property;

import dev.cadenza.core.model.SourcePosition;
import dev.cadenza.verify.Subject;
import dev.cadenza.petri.query.ComparisonOperator;
import dev.cadenza.petri.query.Predicate;
import dev.cadenza.verify.engine.Targets;
import dev.cadenza.verify.translate.TranslatedNet;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code parallel X, Y [, …]}: some reachable state has a transition of each named instance
 * running at once. Holds with a witness run; violated when no such state is reachable.
 */
public record Parallel(List<String> instances, SourcePosition position) implements Property {

    public Parallel {
        instances = List.copyOf(instances);
    }

    public String name() {
        return "parallel " + String.join(", ", instances);
    }

    public String mode(Subject subject) {
        return subject.engine().name();
    }

    public Verdict check(Subject subject) {
        TranslatedNet tn = subject.net(Subject.Mode.TIMED);
        List<int[]> running = new ArrayList<>();
        for (String c : instances) {
            var type = ModelNames.instance(tn.backMap(), c, position);
            running.add(type.behaviors().stream().flatMap(b -> b.transitions().stream())
                    .mapToInt(t -> tn.backMap().running(c, t.name()).orElseThrow()).toArray());
        }
        Predicate all = new Predicate.Constant(true);
        for (int[] places : running) {
            all = Targets.and(all, Targets.sum(places, ComparisonOperator.GE, 1));
        }
        return Reachability.mustReach(subject, tn, all, "witness: all running at once after",
                String.join(", ", instances) + " never run transitions at the same time");
    }
}
