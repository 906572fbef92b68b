package dev.cadenza.verify.property;

import dev.cadenza.petri.query.Predicate;
import dev.cadenza.verify.Subject;
import dev.cadenza.verify.engine.Statistics;
import dev.cadenza.verify.engine.TargetTimes;
import dev.cadenza.verify.engine.UntimedSearch;
import dev.cadenza.verify.translate.TranslatedNet;

import java.util.ArrayList;
import java.util.List;

/** "Is some state satisfying p reachable?" — the fastest run to one is the witness. */
final class Reachability {

    private Reachability() {
    }

    static TargetTimes search(Subject subject, TranslatedNet tn, Predicate p) {
        return subject.engine().reach(tn.net(), p, subject.budget());
    }

    /**
     * Markings the untimed first stage may store before it gives way to the timed engine: it is
     * meant to be cheap, and the timed class graph is often much smaller than an untimed one.
     */
    static final long STAGE_CAP = 4_000_000;

    /**
     * The first, cheap tries of the two stages: the untimed search up to this many markings, then
     * the timed engine up to {@link #TIMED_TRY} classes, before the untimed stage gets its whole
     * cap. Hosts that run alike make the untimed graph grow with every order of their progress
     * (galera, n = 8: past 4 M markings even up to symmetry) while time keeps them in step (the
     * state classes answer with 4,000): neither stage is always the cheaper, so each gets a
     * small try first. Every stage's "unreachable" is exact; the tries only choose the order.
     */
    static final long UNTIMED_TRY = 100_000;
    static final long TIMED_TRY = 500_000;

    /**
     * "Is p reachable?" where reaching p is bad (a deadlock, a forbidden state, an order broken,
     * AG's negation). With reductions on, the untimed marking graph with stubborn sets is asked
     * first: every timed run is an untimed run and "dead" means the same in both, so p unreachable
     * untimed is p unreachable timed, and that answer is returned with the stage named in its
     * statistics. Reachable untimed proves nothing (time may rule the run out), nor does a stage
     * cut at its cap: then the engine answers, and the stage's work is added to its statistics.
     * The stages take turns ({@link #UNTIMED_TRY}, {@link #TIMED_TRY}, then the whole cap, then the
     * engine with the whole budget); an answer is only ever a complete search's.
     */
    static TargetTimes searchBad(Subject subject, TranslatedNet tn, Predicate p) {
        if (!subject.reduction()) {
            return search(subject, tn, p);
        }
        UntimedSearch.Answer u = UntimedSearch.reach(tn.net(), p, subject.budget(), true, UNTIMED_TRY);
        if (u.unreachable()) {
            return TargetTimes.notFound(u.statistics().answeredBy(UntimedSearch.STAGE));
        }
        if (!u.found() && subject.budget().spent() == dev.cadenza.petri.limit.Limit.NONE) {
            // cut at its try: the timed engine's try, then the untimed stage's whole cap
            TargetTimes first = subject.engine().reach(tn.net(), p, subject.budget(), TIMED_TRY);
            if (first.statistics().complete()) {
                return withStage(first, u.statistics());
            }
            Statistics tried = u.statistics().plus(first.statistics());
            UntimedSearch.Answer again = UntimedSearch.reach(tn.net(), p, subject.budget(), true, STAGE_CAP);
            Statistics a = again.statistics();
            // the tries' cuts are not this search's: only its own limit says whether it is complete
            u = new UntimedSearch.Answer(again.path(), new Statistics(a.states() + tried.states(),
                    a.edges() + tried.edges(), a.limit(), a.millis() + tried.millis(), a.stage()));
            if (u.unreachable()) {
                return TargetTimes.notFound(u.statistics().answeredBy(UntimedSearch.STAGE));
            }
        }
        return withStage(search(subject, tn, p), u.statistics());
    }

    /** The engine's answer, with the untimed stage's work added to its statistics. */
    private static TargetTimes withStage(TargetTimes t, Statistics b) {
        Statistics a = t.statistics();
        // the stage's limit (its cap) is not the engine's: only the engine's says what is certain
        Statistics both = new Statistics(a.states() + b.states(), a.edges() + b.edges(), a.limit(),
                a.millis() + b.millis(), a.stage());
        return new TargetTimes(t.reachable(), t.min(), t.max(), t.unbounded(), t.minRun(), t.maxRun(), both);
    }

    /** A search cut by the budget: no answer, the reason and what was done. */
    static Verdict.Inconclusive inconclusive(Subject subject, Statistics statistics) {
        return new Verdict.Inconclusive(subject.budget().reason(statistics.limit()), statistics);
    }

    /** The reason of a violation the runtime's loop did not reproduce ({@link RuntimeReplay}). */
    static final String VIOLATION_NOT_REPRODUCED = "the net reaches it along this run, but it orders zero-time moves"
            + " in a way the Concerto runtime's loop did not reproduce; the runtime may not reach it";

    /** The same for a witness: it proves nothing about the runtime. */
    static final String WITNESS_NOT_REPRODUCED = "the net's witness run orders zero-time moves in a way the"
            + " Concerto runtime's loop did not reproduce; the runtime may not make such a run";

    /**
     * Reachable is bad: violated with the run, else holds (or inconclusive at a limit). The run is
     * held to the runtime first ({@link RuntimeReplay}): not reproduced, inconclusive.
     */
    static Verdict mustNotReach(Subject subject, TranslatedNet tn, Predicate p, String summary, String holds) {
        TargetTimes r = searchBad(subject, tn, p);
        if (r.reachable()) {
            Verdict.Violated found = new Verdict.Violated(Counterexample.of(summary, r.minRun(), tn, false),
                    r.statistics());
            return RuntimeReplay.violation(subject, found,
                    RuntimeReplay.reaches(tn, p, found.counterexample().run()), VIOLATION_NOT_REPRODUCED);
        }
        if (!r.statistics().complete()) {
            return inconclusive(subject, r.statistics());
        }
        return new Verdict.Holds(List.of(holds), r.statistics());
    }

    /**
     * Reachable is good: holds with the witness run, else violated (or inconclusive at a limit). The
     * witness is held to the runtime first ({@link RuntimeReplay}): not reproduced, inconclusive.
     */
    static Verdict mustReach(Subject subject, TranslatedNet tn, Predicate p, String witness, String violated) {
        TargetTimes r = search(subject, tn, p);
        if (r.reachable()) {
            Counterexample w = Counterexample.of(witness, r.minRun(), tn, false);
            return RuntimeReplay.witness(subject, new Verdict.Holds(w.lines(), r.statistics(), w),
                    RuntimeReplay.reaches(tn, p, w.run()), WITNESS_NOT_REPRODUCED);
        }
        if (!r.statistics().complete()) {
            return inconclusive(subject, r.statistics());
        }
        return new Verdict.Violated(Counterexample.of(violated), r.statistics());
    }
}
