package dev.cadenza.verify.property;

import dev.cadenza.core.model.SourcePosition;
import dev.cadenza.petri.query.Predicate;
import dev.cadenza.verify.Subject;
import dev.cadenza.verify.engine.TargetTimes;
import dev.cadenza.verify.engine.Targets;
import dev.cadenza.verify.translate.TranslatedNet;

import java.util.List;

/**
 * {@code deployable [untimed] [DEPLOYMENT]}: every maximal run ends with the program finished and
 * every component idle (and, with a deployment, in its places); untimed: on the net whose every
 * interval is [0, ∞[, i.e. whatever the durations.
 *
 * <p>Method: a maximal run that does not finish either stops in a dead state that is not
 * finished (a deadlock: searched as the reachability of "dead and not finished", whose fastest
 * run is the counterexample) or goes on forever. Programs are straight-line and their pushes
 * finite, so a run can only go on forever if some pushed behavior has a cycle of places; only
 * then (timed) is "the max time to finish is finite" checked too, which excludes runs that loop
 * or wait forever. Untimed with a cyclic behavior, that second part is not decided: the verdict
 * says so.
 */
public record Deployable(String deployment, boolean untimed, SourcePosition position) implements Property {

    public String name() {
        return "deployable" + (untimed ? " untimed" : "") + (deployment == null ? "" : " " + deployment);
    }

    public String mode(Subject subject) {
        return subject.engine().name() + (untimed ? ", intervals [0,w[" : "");
    }

    public Verdict check(Subject subject) {
        TranslatedNet tn = subject.net(untimed ? Subject.Mode.UNTIMED : Subject.Mode.TIMED);
        Predicate goal = subject.finished(tn, deployment, position);
        TargetTimes stuck = subject.engine().reach(tn.net(), Targets.and(Targets.dead(), Targets.not(goal)),
                subject.budget());
        if (stuck.reachable()) {
            long[] m = Targets.replay(tn.net(), stuck.minRun());
            String summary = subject.finished(tn, null, position).compile(Targets.RESOLVER).test(m, true)
                    ? "a run finishes outside deployment " + deployment
                    : "deadlock: a run stops before the program finishes";
            return new Verdict.Violated(Counterexample.of(summary, stuck.minRun(), tn, true), stuck.statistics());
        }
        if (!stuck.statistics().complete()) {
            return Reachability.inconclusive(subject, stuck.statistics());
        }
        if (!subject.hasCyclicBehavior()) {
            return new Verdict.Holds(List.of("no deadlock; no behavior loops, so every run finishes"),
                    stuck.statistics());
        }
        if (untimed) {
            return new Verdict.Inconclusive("no deadlock, but a pushed behavior has a cycle of places and"
                    + " untimed loops are not checked", stuck.statistics());
        }
        TargetTimes end = subject.engine().timeTo(tn.net(), goal, subject.budget());
        if (!end.statistics().complete()) {
            return Reachability.inconclusive(subject, stuck.statistics().plus(end.statistics()));
        }
        if (end.unbounded() || !end.reachable()) {
            return new Verdict.Violated(Counterexample.of("a run can go on forever without finishing (a loop)"),
                    stuck.statistics().plus(end.statistics()));
        }
        return new Verdict.Holds(List.of("every run finishes"), stuck.statistics().plus(end.statistics()));
    }
}
