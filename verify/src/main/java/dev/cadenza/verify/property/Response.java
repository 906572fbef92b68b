package dev.cadenza.verify.property;

import dev.cadenza.core.model.PredicateText;
import dev.cadenza.core.model.SourcePosition;
import dev.cadenza.petri.Arc;
import dev.cadenza.petri.PetriNet;
import dev.cadenza.petri.Place;
import dev.cadenza.petri.TimeInterval;
import dev.cadenza.petri.Transition;
import dev.cadenza.petri.classes.ResponseSearch;
import dev.cadenza.petri.classes.TimedTrace;
import dev.cadenza.verify.Subject;
import dev.cadenza.verify.engine.Statistics;
import dev.cadenza.verify.engine.Targets;
import dev.cadenza.verify.engine.TimedRun;
import dev.cadenza.verify.predicate.ModelPredicate;
import dev.cadenza.verify.report.Times;
import dev.cadenza.verify.translate.TranslatedNet;
import org.apache.commons.math3.fraction.BigFraction;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code response P leads to Q within T}: in every run, at every instant where P holds, Q holds
 * then or at most T seconds later (inclusive). Decided exactly by petri's {@link ResponseSearch}
 * on the timed net extended with an observer (idle/armed/late places; arm and disarm [0, ∞[, late
 * ]T, ∞[) whose moves the search restricts: arming only where P holds and Q does not, disarming
 * first wherever the observer is armed and Q holds. Violated when late can fire: some run has an
 * instant where P holds after which Q does not hold for more than T; the counterexample is that
 * run in model terms, up to the moment T has passed. States count whether or not they last
 * (a place entered and left at once, between instantaneous moves, holds for that instant).
 */
public record Response(PredicateText trigger, PredicateText response, BigDecimal seconds, SourcePosition position)
        implements Property {

    public String name() {
        return "response " + trigger.text() + " leads to " + response.text() + " within " + seconds.toPlainString();
    }

    public String mode(Subject subject) {
        return subject.engine().name() + ", observer";
    }

    public Verdict check(Subject subject) {
        TranslatedNet tn = subject.net(Subject.Mode.TIMED);
        PetriNet net = tn.net();
        var p = ModelPredicate.compile(trigger.text(), trigger.position(), tn.backMap()).compile(Targets.RESOLVER);
        var q = ModelPredicate.compile(response.text(), response.position(), tn.backMap()).compile(Targets.RESOLVER);
        int places = net.placeCount();
        int own = net.transitionCount();
        int idle = places;
        int armed = places + 1;
        int late = places + 2;
        List<Place> ps = new ArrayList<>(net.places());
        ps.add(new Place("observer.idle", "waiting for " + trigger.text(), 1));
        ps.add(new Place("observer.armed", trigger.text() + " held, waiting for " + response.text(), 0));
        ps.add(new Place("observer.late", "more than " + seconds.toPlainString() + " s without " + response.text(), 0));
        List<Transition> ts = new ArrayList<>(net.transitions());
        ts.add(new Transition("observer.arm", null, TimeInterval.UNBOUNDED, List.of(Arc.normal(idle, 1)),
                List.of(Arc.normal(armed, 1))));
        ts.add(new Transition("observer.disarm", null, TimeInterval.UNBOUNDED, List.of(Arc.normal(armed, 1)),
                List.of(Arc.normal(idle, 1))));
        BigFraction t = fraction(seconds);
        ts.add(new Transition("observer.late", null, new TimeInterval(t, true, null, true),
                List.of(Arc.normal(armed, 1)), List.of(Arc.normal(late, 1))));
        PetriNet observed = new PetriNet(net.name(), ps, ts);
        long t0 = System.currentTimeMillis();
        ResponseSearch.Result r = new ResponseSearch(observed, own, own, own + 1, own + 2, armed, late, p, q)
                .search(subject.budget());
        Statistics stats = new Statistics(r.classes(), 0, r.limit(), System.currentTimeMillis() - t0);
        if (!r.complete()) {
            return Reachability.inconclusive(subject, stats);
        }
        if (!r.violated()) {
            return new Verdict.Holds(List.of("every time " + trigger.text() + " holds, " + response.text()
                    + " holds within " + seconds.toPlainString() + " s"), stats);
        }
        // the run of the net itself: the observer's steps touch none of its places, so without them it is a run
        List<TimedRun.Step> steps = new ArrayList<>();
        BigFraction armedAt = null;
        BigFraction lateAt = null;
        for (TimedTrace.Step s : r.violation().steps()) {
            int i = observed.transitionIndex(s.transition());
            if (i < own) {
                steps.add(new TimedRun.Step(i, s.time()));
            } else if (i == own) {
                armedAt = s.time();
            } else if (i == own + 2) {
                lateAt = s.time();
            }
        }
        String summary = trigger.text() + " holds at t=" + Times.format(armedAt) + " and " + response.text()
                + " does not hold from then until after t=" + Times.format(armedAt.add(t)) + ":";
        Verdict.Violated found = new Verdict.Violated(Counterexample.of(summary, new TimedRun(steps), tn, false), stats);
        // held to the runtime first (RuntimeReplay): the executor, following the run observed up to the
        // instant the deadline passed, must have P at the armed instant and no Q until after the deadline
        var trig = ExecutorStates.of(tn, ModelPredicate.compile(trigger.text(), trigger.position(), tn.backMap()));
        var resp = ExecutorStates.of(tn, ModelPredicate.compile(response.text(), response.position(), tn.backMap()));
        RuntimeReplay.Expectation expected = trig.states() == null ? new RuntimeReplay.Expectation.Unreadable(trig.whyNot())
                : resp.states() == null ? new RuntimeReplay.Expectation.Unreadable(resp.whyNot())
                : new RuntimeReplay.Expectation.Overdue(armedAt, t, trig.states(), resp.states(), false);
        dev.cadenza.verify.trace.Run shown = found.counterexample().run();
        dev.cadenza.verify.trace.Run observedLonger = lateAt == null ? shown : new dev.cadenza.verify.trace.Run(
                shown.subject(), shown.initial(), shown.events(), shown.waits(),
                new dev.cadenza.verify.trace.RunEnd.Cut(lateAt.compareTo(shown.duration()) > 0 ? lateAt : shown.duration(),
                        "deadline passed"));
        return RuntimeReplay.violation(subject, found, observedLonger, expected, "the net's run leaves " + trigger.text()
                + " unanswered for more than " + seconds.toPlainString() + " s, but it orders zero-time moves in a way"
                + " the Concerto runtime's loop did not reproduce; the runtime may answer in time");
    }

    private static BigFraction fraction(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        if (s.scale() <= 0) {
            return new BigFraction(s.toBigIntegerExact());
        }
        return new BigFraction(s.unscaledValue(), BigInteger.TEN.pow(s.scale()));
    }
}
