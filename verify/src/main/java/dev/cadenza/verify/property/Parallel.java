package dev.cadenza.verify.property;

import dev.cadenza.core.model.SourcePosition;
import dev.cadenza.verify.Subject;
import dev.cadenza.verify.engine.MarkingTest;
import dev.cadenza.verify.engine.StateGraph;
import dev.cadenza.verify.report.RunText;
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
        MarkingTest all = (m, dead) -> {
            for (int[] places : running) {
                long sum = 0;
                for (int p : places) {
                    sum += m[p];
                }
                if (sum == 0) {
                    return false;
                }
            }
            return true;
        };
        StateGraph g = subject.engine().explore(tn.net(), subject.limits());
        int s = Search.find(g, all);
        if (s >= 0) {
            List<String> lines = new ArrayList<>();
            lines.add("witness: all running at once after");
            RunText.lines(g.runTo(s), tn).forEach(l -> lines.add("  " + l));
            return new Verdict.Holds(lines, g.statistics());
        }
        if (!g.statistics().complete()) {
            return new Verdict.Inconclusive("limit reached after " + g.size() + " states", g.statistics());
        }
        return new Verdict.Violated(new Counterexample(String.join(", ", instances)
                + " never run transitions at the same time (" + g.size() + " states)", List.of(), List.of()),
                g.statistics());
    }
}
