package dev.cadenza.verify.property;

import dev.cadenza.core.model.SourcePosition;
import dev.cadenza.verify.ResolutionException;
import dev.cadenza.verify.Subject;
import dev.cadenza.verify.engine.MarkingTest;
import dev.cadenza.verify.engine.StateGraph;
import dev.cadenza.verify.predicate.ModelPredicate;
import dev.cadenza.verify.report.RunText;
import dev.cadenza.verify.translate.TranslatedNet;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code query "AG p" | "EF p" | "AF p"} over the model predicates. AG p: no reachable state
 * violates p (counterexample: a run to one). EF p: some reachable state satisfies p (witness).
 * AF p: every maximal run meets p — a run avoiding p forever ends in a dead non-p state or
 * loops among non-p states (counterexample: a run to it).
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
        MarkingTest p = ModelPredicate.compile(m.group(2), at, tn.backMap()).test();
        StateGraph g = subject.engine().explore(tn.net(), subject.limits());
        String op = m.group(1);
        if (op.equals("AF")) {
            Search.Escape e = Search.escape(g, p);
            if (e != null && (g.statistics().complete() || g.dead(e.state()))) {
                return new Verdict.Violated(new Counterexample(e.loops() ? "a run loops without meeting it"
                        : "a run ends without meeting it", RunText.lines(g.runTo(e.state()), tn), List.of()),
                        g.statistics());
            }
            return complete(g, "every run meets it");
        }
        int s = Search.find(g, op.equals("AG") ? p.negate() : p);
        if (op.equals("AG")) {
            if (s >= 0) {
                return new Verdict.Violated(new Counterexample("a reachable state violates it",
                        RunText.lines(g.runTo(s), tn), List.of()), g.statistics());
            }
            return complete(g, "in every reachable state (" + g.size() + ")");
        }
        if (s >= 0) {
            List<String> lines = new java.util.ArrayList<>();
            lines.add("witness:");
            RunText.lines(g.runTo(s), tn).forEach(l -> lines.add("  " + l));
            return new Verdict.Holds(lines, g.statistics());
        }
        if (!g.statistics().complete()) {
            return new Verdict.Inconclusive("limit reached after " + g.size() + " states", g.statistics());
        }
        return new Verdict.Violated(new Counterexample("no reachable state satisfies it", List.of(), List.of()),
                g.statistics());
    }

    private static Verdict complete(StateGraph g, String detail) {
        if (!g.statistics().complete()) {
            return new Verdict.Inconclusive("limit reached after " + g.size() + " states", g.statistics());
        }
        return new Verdict.Holds(List.of(detail), g.statistics());
    }
}
