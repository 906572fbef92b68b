package dev.cadenza.verify.property;

import dev.cadenza.core.model.SourcePosition;
import dev.cadenza.core.model.TransitionRef;
import dev.cadenza.verify.Subject;
import dev.cadenza.petri.query.Predicate;
import dev.cadenza.verify.engine.TargetTimes;
import dev.cadenza.verify.engine.Targets;
import dev.cadenza.verify.translate.ObserverPlaces;
import dev.cadenza.verify.translate.TranslatedNet;

import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code sequence A before B [before C …]}: in every run, each named transition ends before the
 * next one starts. With observer places "A ended" and "B started", the bad states are those
 * where some B has started while its A has not yet ended; the property holds when none is
 * reachable. (A B that never starts satisfies it: "before" constrains order, not occurrence.)
 */
public record Sequence(List<TransitionRef> steps, SourcePosition position) implements Property {

    public Sequence {
        steps = List.copyOf(steps);
    }

    public String name() {
        return "sequence " + steps.stream().map(TransitionRef::toString).collect(Collectors.joining(" before "));
    }

    public String mode(Subject subject) {
        return subject.engine().name() + ", observers";
    }

    /**
     * The subject's timed net with observer places "A ended" and "B started" for each pair of
     * steps, and the bad states on it: some B started while its A has not ended.
     */
    record Observed(TranslatedNet net, Predicate bad, int[] started, int[] ended) {
    }

    Observed observed(Subject subject) {
        TranslatedNet base = subject.net(Subject.Mode.TIMED);
        steps.forEach(r -> ModelNames.transition(base.backMap(), r));
        ObserverPlaces obs = new ObserverPlaces(base);
        int n = steps.size() - 1;
        int[] ended = new int[n];
        int[] started = new int[n];
        for (int i = 0; i < n; i++) {
            ended[i] = obs.ended(steps.get(i).instance(), steps.get(i).transition());
            started[i] = obs.started(steps.get(i + 1).instance(), steps.get(i + 1).transition());
        }
        TranslatedNet tn = obs.build();
        Predicate bad = new Predicate.Constant(false);
        for (int i = 0; i < n; i++) {
            bad = Targets.or(bad, Targets.and(Targets.marked(started[i]), Targets.unmarked(ended[i])));
        }
        return new Observed(tn, bad, started, ended);
    }

    public Verdict check(Subject subject) {
        Observed o = observed(subject);
        TranslatedNet tn = o.net();
        Predicate bad = o.bad();
        int[] started = o.started();
        int[] ended = o.ended();
        int n = steps.size() - 1;
        TargetTimes r = Reachability.searchBadAny(subject, tn, bad);
        if (r.reachable()) {
            long[] m = Targets.replay(tn.net(), r.minRun());
            String which = "";
            for (int i = 0; i < n; i++) {
                if (m[started[i]] > 0 && m[ended[i]] == 0) {
                    which = steps.get(i + 1) + " starts before " + steps.get(i) + " has ended";
                    break;
                }
            }
            Verdict.Violated found = new Verdict.Violated(Counterexample.of(which, r.minRun(), tn, false),
                    r.statistics());
            // held to the runtime first: the executor's run must start B while A has not ended, then
            Verdict v = RuntimeReplay.violation(subject, found, RuntimeReplay.reaches(tn, bad, found.counterexample().run()),
                    "the net starts the later step first along this run, but it orders zero-time moves in a way the"
                            + " Concerto runtime's loop did not reproduce; the runtime may keep the order");
            return n > 1 ? runtimesPair(v, which, tn, started, ended) : v;
        }
        if (!r.statistics().complete()) {
            return Reachability.inconclusive(subject, r.statistics());
        }
        return new Verdict.Holds(List.of("in every run"), r.statistics());
    }

    /**
     * A violation found in the runtime's state space is the loop's own run, which may break another
     * pair than the net's run did: the summary names the pair broken where that run ends (it is cut
     * right after the move that breaks the order).
     */
    private Verdict runtimesPair(Verdict v, String which, TranslatedNet tn, int[] started, int[] ended) {
        if (!(v instanceof Verdict.Violated viol) || viol.counterexample().run() == null || which.isEmpty()
                || v.statistics().stage() == null || !v.statistics().stage().endsWith(RuntimeStateSpaceStage.STAGE)) {
            return v;
        }
        Counterexample c = viol.counterexample();
        for (int i = 0; i < started.length; i++) {
            ExecutorStates states = ExecutorStates.of(tn, Targets.and(Targets.marked(started[i]),
                    Targets.unmarked(ended[i]))).states();
            if (states == null) {
                return v;
            }
            var trace = states.trace(c.run());
            if (trace.holds().get(trace.holds().size() - 1)) {
                String mine = steps.get(i + 1) + " starts before " + steps.get(i) + " has ended";
                return mine.equals(which) ? v : new Verdict.Violated(new Counterexample(
                        c.summary().replace(which, mine), c.run(), c.untimed(), c.loopsTo()), v.statistics());
            }
        }
        return v;
    }
}
