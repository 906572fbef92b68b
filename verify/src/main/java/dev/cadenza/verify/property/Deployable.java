package dev.cadenza.verify.property;

import dev.cadenza.core.model.SourcePosition;
import dev.cadenza.verify.Subject;
import dev.cadenza.verify.engine.MarkingTest;
import dev.cadenza.verify.engine.StateGraph;
import dev.cadenza.verify.report.BlockedSteps;
import dev.cadenza.verify.report.RunText;
import dev.cadenza.verify.translate.TranslatedNet;

import java.util.List;

/**
 * {@code deployable [untimed] [DEPLOYMENT]}: every maximal run ends with the program finished and
 * every component idle (and, with a deployment, in its places). Checked as AF(finished) on the
 * state class graph; untimed, on the net whose every interval is [0, ∞[ (every interleaving of
 * the moves, whatever the durations). A counterexample is the timed run to the dead state, with
 * what each blocked step waits for — or a run that loops without ever finishing.
 */
public record Deployable(String deployment, boolean untimed, SourcePosition position) implements Property {

    public String name() {
        return "deployable" + (untimed ? " untimed" : "") + (deployment == null ? "" : " " + deployment);
    }

    public String mode(Subject subject) {
        return untimed ? "untimed (intervals [0,w[)" : subject.engine().name();
    }

    public Verdict check(Subject subject) {
        TranslatedNet tn = subject.net(untimed ? Subject.Mode.UNTIMED : Subject.Mode.TIMED);
        MarkingTest goal = subject.finished(tn, deployment, position);
        StateGraph g = subject.engine().explore(tn.net(), subject.limits());
        if (!g.statistics().complete()) {
            Search.Escape early = Search.escape(g, goal);
            if (early == null || !g.dead(early.state())) {
                return new Verdict.Inconclusive("limit reached after " + g.size() + " states", g.statistics());
            }
        }
        Search.Escape e = Search.escape(g, goal);
        if (e == null) {
            return new Verdict.Holds(List.of("every run finishes (" + g.size() + " states)"), g.statistics());
        }
        List<String> trace = RunText.lines(g.runTo(e.state()), tn);
        if (e.loops()) {
            return new Verdict.Violated(new Counterexample("a run never finishes: it loops back here", trace,
                    List.of()), g.statistics());
        }
        String summary = subject.finished(tn, null, position).test(g.marking(e.state()), true)
                ? "a run finishes outside deployment " + deployment
                : "deadlock: a run stops before the program finishes";
        return new Verdict.Violated(new Counterexample(summary, trace,
                BlockedSteps.in(g.marking(e.state()), tn)), g.statistics());
    }
}
