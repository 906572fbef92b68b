package dev.cadenza.verify.property;

import dev.cadenza.core.model.SourcePosition;
import dev.cadenza.petri.ctl.CtlChecker;
import dev.cadenza.petri.ctl.CtlPath;
import dev.cadenza.petri.query.CtlFormula;
import dev.cadenza.petri.query.Predicate;
import dev.cadenza.petri.reach.ExplicitMarkingGraph;
import dev.cadenza.petri.limit.Limit;
import dev.cadenza.verify.ResolutionException;
import dev.cadenza.verify.Subject;
import dev.cadenza.verify.engine.Statistics;
import dev.cadenza.verify.engine.TargetTimes;
import dev.cadenza.verify.engine.Targets;
import dev.cadenza.verify.predicate.ModelPredicate;
import dev.cadenza.verify.predicate.PredicateCheck;
import dev.cadenza.verify.report.Times;
import dev.cadenza.verify.translate.TranslatedNet;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code query "AG p" | "EF p" | "AF p"} over the model predicates, timed (state classes). AG p:
 * "not p" unreachable (counterexample: a run to a violation, {@link Reachability#searchBadAny}). EF p: p reachable
 * (witness). AF p: every maximal run meets p, i.e. the max time to first meet p is finite — the
 * engine's max is infinite exactly when some run avoids p forever: it stops in a dead non-p state,
 * lets time diverge in a non-p state, or loops through non-p states gaining time (runs that loop
 * in zero time are Zeno and not counted). A dead non-p state that is reachable is then shown as
 * the counterexample when it exists.
 *
 * <p>{@code query untimed "…"}: any CTL formula ({@code AG (p -> AF q)}, {@code EG}, {@code AX},
 * {@code E[p U q]} …) decided on the whole marking graph of the untimed net (every interval
 * [0, ∞[), by {@link CtlChecker}: exact for that net, over maximal paths. Its counterexample or
 * witness is a path of the marking graph in model terms, its steps in order, without times.
 */
public record Query(String formula, boolean untimed, SourcePosition formulaAt, SourcePosition position)
        implements Property {

    /** A timed query whose text starts right after {@code query "}. */
    public Query(String formula, SourcePosition position) {
        this(formula, false, new SourcePosition(position.file(), position.line(),
                position.column() + "query \"".length()), position);
    }

    public String name() {
        return "query " + (untimed ? "untimed " : "") + "\"" + formula + "\"";
    }

    public String mode(Subject subject) {
        return untimed ? "marking graph, CTL, intervals [0,w[" : subject.engine().name();
    }

    public Verdict check(Subject subject) {
        return untimed ? ctl(subject) : timed(subject);
    }

    private Verdict timed(Subject subject) {
        java.util.regex.Matcher m = PredicateCheck.TIMED.matcher(formula);
        if (!m.matches()) {
            throw new ResolutionException(formulaAt, "a timed query is AG, EF or AF of a predicate; other CTL"
                    + " formulas are decided on the marking graph, without time: write query untimed \"" + formula + "\"");
        }
        TranslatedNet tn = subject.net(Subject.Mode.TIMED);
        Predicate p = statePredicate(m, tn);
        switch (m.group(1)) {
            case "AG":
                return Reachability.mustNotReach(subject, tn, Targets.not(p),
                        "a run reaches a state where it does not hold:", "in every reachable state");
            case "EF":
                return Reachability.mustReach(subject, tn, p, "witness:", "no reachable state satisfies it");
            default:
                TargetTimes r = subject.engine().timeTo(tn.net(), p, subject.budget());
                if (!r.statistics().complete()) {
                    return Reachability.inconclusive(subject, r.statistics());
                }
                if (r.inevitable()) {
                    return new Verdict.Holds(List.of("every run meets it, by " + Times.format(r.max())
                            + " s at the latest"), r.statistics());
                }
                TargetTimes dead = Reachability.search(subject, tn, Targets.and(Targets.dead(), Targets.not(p)));
                Counterexample c = dead.reachable()
                        ? Counterexample.of("a run avoids it forever; e.g. a run that stops without it:",
                                dead.minRun(), tn, false)
                        : Counterexample.of("a run avoids it forever");
                Verdict.Violated found = new Verdict.Violated(c, r.statistics().plus(dead.statistics()));
                if (c.run() == null) {
                    return found; // a loop or time diverging: not a run to replay, the net's answer
                }
                // the run that stops without p, held to the runtime (RuntimeReplay): it must stop (finish or
                // deadlock) at the same instant, p not holding there. Not reproduced, the net's other runs that
                // avoid p (loops) are not replayed: inconclusive.
                RuntimeReplay.Expectation stops = new RuntimeReplay.Expectation.Both(
                        new RuntimeReplay.Expectation.Stops(c.run().duration()),
                        RuntimeReplay.reaches(tn, Targets.not(p), c.run()));
                return RuntimeReplay.violation(subject, found, stops, "the net's run stops without it, but it orders"
                        + " zero-time moves in a way the Concerto runtime's loop did not reproduce; the runtime may"
                        + " meet it in every run");
        }
    }

    /**
     * The predicate under the operator: the whole rest of the formula (read as CTL without temporal
     * operators, so that 'AG (p -> q)' reads too).
     */
    private Predicate statePredicate(java.util.regex.Matcher m, TranslatedNet tn) {
        return atom(ModelPredicate.compileCtl(m.group(2), new SourcePosition(formulaAt.file(), formulaAt.line(),
                formulaAt.column() + m.start(2)), tn.backMap()));
    }

    /**
     * For a timed {@code AG p}, what must not be reachable on the subject's timed net (not p: the
     * search {@link SharedSearches} shares with the block's other such questions); null for any
     * other query.
     */
    Predicate agBad(TranslatedNet tn) {
        java.util.regex.Matcher m = PredicateCheck.TIMED.matcher(formula);
        if (untimed || !m.matches() || !m.group(1).equals("AG")) {
            return null;
        }
        return Targets.not(statePredicate(m, tn));
    }

    /** A state formula (no temporal operator) as one marking predicate. */
    private static Predicate atom(CtlFormula f) {
        if (f instanceof CtlFormula.Atom a) {
            return a.predicate();
        } else if (f instanceof CtlFormula.Not n) {
            return Targets.not(atom(n.operand()));
        } else if (f instanceof CtlFormula.And a) {
            return new Predicate.And(atom(a.left()), atom(a.right()));
        } else if (f instanceof CtlFormula.Or o) {
            return new Predicate.Or(atom(o.left()), atom(o.right()));
        } else if (f instanceof CtlFormula.Implies i) {
            return new Predicate.Or(Targets.not(atom(i.left())), atom(i.right()));
        }
        throw new IllegalArgumentException("a temporal operator in a timed query's predicate: " + f);
    }

    private Verdict ctl(Subject subject) {
        TranslatedNet tn = subject.net(Subject.Mode.UNTIMED);
        CtlFormula f = ModelPredicate.compileCtl(formula, formulaAt, tn.backMap());
        long t0 = System.currentTimeMillis();
        ExplicitMarkingGraph g = ExplicitMarkingGraph.explore(tn.net(), subject.budget());
        if (!g.complete()) {
            Statistics cut = new Statistics(g.size(), g.edgeCount(), g.stopReason(), System.currentTimeMillis() - t0);
            return new Verdict.Inconclusive(subject.budget().reason(g.stopReason()) + " (CTL needs the whole"
                    + " marking graph)", cut);
        }
        CtlChecker.Result r = CtlChecker.check(g, f, p -> p.compile(Targets.RESOLVER));
        Statistics stats = new Statistics(g.size(), g.edgeCount(), Limit.NONE, System.currentTimeMillis() - t0);
        CtlPath path = r.path();
        List<Integer> steps = new ArrayList<>(path.transitions());
        int loopsFrom = -1;
        if (path.loopsTo() >= 0) {
            steps.add(path.loopTransition());
            loopsFrom = path.loopsTo();
        }
        if (r.holds()) {
            if (steps.isEmpty()) {
                return new Verdict.Holds(List.of("holds in the initial marking (" + g.size() + " markings)"), stats);
            }
            Counterexample w = Counterexample.untimed("witness (untimed):", steps, loopsFrom, tn, false);
            return new Verdict.Holds(w.lines(), stats, w);
        }
        String why = path.loopsTo() >= 0 ? "a path that shows it fails (untimed; it ends in a loop):"
                : path.deadEnd() && !steps.isEmpty() ? "a path that shows it fails (untimed; it ends where nothing"
                + " can move):" : !steps.isEmpty() ? "a path that shows it fails (untimed):"
                : f.isStatePredicate() ? "it fails in the initial marking"
                : "no path from the initial marking has it (" + g.size() + " markings)";
        Counterexample c = steps.isEmpty() ? Counterexample.of(why)
                : Counterexample.untimed(why, steps, loopsFrom, tn, path.deadEnd());
        return new Verdict.Violated(c, stats);
    }
}
