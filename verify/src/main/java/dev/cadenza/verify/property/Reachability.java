package dev.cadenza.verify.property;

import dev.cadenza.petri.PetriNet;
import dev.cadenza.petri.limit.Budget;
import dev.cadenza.petri.limit.Limit;
import dev.cadenza.petri.query.Predicate;
import dev.cadenza.verify.Subject;
import dev.cadenza.verify.engine.Statistics;
import dev.cadenza.verify.engine.TargetTimes;
import dev.cadenza.verify.engine.TimedEngine;
import dev.cadenza.verify.engine.UntimedSearch;
import dev.cadenza.verify.translate.TranslatedNet;

import java.util.ArrayList;
import java.util.List;

/**
 * "Is some state satisfying p reachable?" — with the fastest run to one as the witness
 * ({@link #search}, {@link #searchBadEach}), or, where reaching p is bad and one run shows it
 * ({@link #searchBadAny}: a deadlock, a forbidden state, an order broken), any run to one.
 */
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
     * The untimed try's size on a net of {@code transitions}: {@link #UNTIMED_TRY} markings up to
     * 300 transitions, fewer on larger nets, so that the try costs about the same work whatever the
     * net (a marking's stubborn set and its symmetry's sort grow with the net: galera's to_galera
     * took about 25 µs a marking at n = 8, 565 transitions, and over 100 µs at n = 20, 1,261, where
     * the try alone was 10 to 17 s of the forbidden block), but never under {@link #UNTIMED_TRY_MIN}.
     * Deterministic (the net's size only), and like every try it only orders the stages: a try cut
     * earlier passes the question on to the next turn, never to a verdict.
     */
    static long untimedTry(PetriNet net) {
        long bySize = Math.max(UNTIMED_TRY_MIN, UNTIMED_TRY_WORK / Math.max(1, net.transitionCount()));
        return Math.min(untimedTryCap, bySize);
    }

    /** Markings times transitions of the untimed try: {@link #UNTIMED_TRY} markings of a 300-transition net. */
    static final long UNTIMED_TRY_WORK = UNTIMED_TRY * 300;
    static final long UNTIMED_TRY_MIN = 10_000;

    /**
     * "Is p reachable?" where reaching p is bad (a deadlock, a forbidden state, an order broken,
     * AG's negation). With reductions on, the untimed marking graph with stubborn sets is asked
     * first: every timed run is an untimed run and "dead" means the same in both, so p unreachable
     * untimed is p unreachable timed, and that answer is returned with the stage named in its
     * statistics. Reachable untimed proves nothing (time may rule the run out), nor does a stage
     * cut at its cap: then the engine answers, and the stage's work is added to its statistics.
     * The stages take turns ({@link #UNTIMED_TRY}, {@link #TIMED_TRY}, then the whole cap, then the
     * engine with the whole budget); an answer is only ever a complete search's. When p is one of
     * the predicates of the block's {@link SharedSearches}, its answer is theirs.
     */
    static TargetTimes searchBad(Subject subject, TranslatedNet tn, Predicate p) {
        if (!subject.reduction()) {
            return search(subject, tn, p);
        }
        return searchBadEach(subject, tn, List.of(p)).get(0);
    }

    /**
     * {@link #searchBad} where one run to p is witness enough, the fastest not needed (a deadlock,
     * a forbidden state, an order broken, AG's negation): the same stages and turns
     * ({@link #searchBadAnyEach}), with the state classes searched depth first for one run
     * ({@link TimedEngine#reachAny}) instead of in time order for the fastest. The same verdict
     * (each "unreachable" is a complete search's, each run a run of the net); the run shown may be
     * slower. Without the reductions ({@code --no-reduction}) the state classes are explored as
     * before, in time order, the fastest run found (the reference the property tests compare
     * with). When p is one of the predicates of the block's {@link SharedSearches}, its answer is
     * theirs.
     */
    static TargetTimes searchBadAny(Subject subject, TranslatedNet tn, Predicate p) {
        if (!subject.reduction()) {
            return search(subject, tn, p);
        }
        SharedSearches shared = subject.sharedSearches();
        TargetTimes answer = shared == null ? null : shared.answer(subject, tn, p);
        return answer != null ? answer : searchBadAnyEach(subject, tn, List.of(p)).get(0);
    }

    /**
     * The state classes' brief first try, on a subject where an untimed try was already cut
     * ({@link Subject#untimedTryCut}): there the untimed graph grows with every order of alike
     * hosts while time keeps them in step, and each further untimed try would spend its whole
     * {@link #UNTIMED_TRY} for nothing (galera, 8 hosts: 3 s each, where the classes answer in
     * 4,000). Small, so that a question the untimed stage would have settled loses little.
     */
    static final long QUICK_TIMED_TRY = 20_000;

    /** The tries' sizes as used; tests shrink them so that small nets take every turn. */
    static long untimedTryCap = UNTIMED_TRY;
    static long timedTryCap = TIMED_TRY;
    static long quickTryCap = QUICK_TIMED_TRY;

    /**
     * {@link #searchBad} for several predicates of one net, answers in their order, each the one its
     * own search gives (the same verdict; a fastest run when reachable). The untimed stage stays per
     * predicate, with its own stubborn sets (an interest set of the union would grow the graph for
     * all); the timed turns of the predicates that reach them are asked of the engine together
     * ({@link TimedEngine#reachEach}: one exploration of the state classes for all), first the try
     * for those the untimed try left open, then the whole budget for those still open. A shared
     * search cut by a limit leaves every predicate it had not settled unanswered (never "holds").
     * With one predicate, exactly the turns above. Once an untimed try of the subject was cut, the
     * state classes get a brief try ({@link #QUICK_TIMED_TRY}) before any of this. The order of the
     * turns never changes an answer: each comes from a complete search, or is inconclusive.
     */
    static List<TargetTimes> searchBadEach(Subject subject, TranslatedNet tn, List<Predicate> ps) {
        return turns(subject, tn, ps, false);
    }

    /**
     * {@link #searchBadEach} where one run to each predicate is witness enough: the same turns (the
     * untimed stage per predicate, the quick timed try once an untimed try of the subject was cut,
     * the timed try, the untimed stage's whole cap, the engine's whole budget), each timed turn
     * asked of {@link TimedEngine#reachAny} (depth first, one run) instead of
     * {@link TimedEngine#reachEach} (in time order, the fastest). The turns compose as before:
     * each answer comes from a complete search or is inconclusive, and a run found by any turn is
     * a run of the net.
     */
    static List<TargetTimes> searchBadAnyEach(Subject subject, TranslatedNet tn, List<Predicate> ps) {
        return turns(subject, tn, ps, true);
    }

    /** The engine's timed turn: one run to each ({@code any}) or the fastest. */
    private static List<TargetTimes> timed(Subject subject, TranslatedNet tn, List<Predicate> ps, long cap,
            boolean any) {
        return any ? subject.engine().reachAny(tn.net(), ps, subject.budget(), cap)
                : subject.engine().reachEach(tn.net(), ps, subject.budget(), cap);
    }

    /** The turns of {@link #searchBadEach} and {@link #searchBadAnyEach}. */
    private static List<TargetTimes> turns(Subject subject, TranslatedNet tn, List<Predicate> ps, boolean any) {
        Budget budget = subject.budget();
        TargetTimes[] out = new TargetTimes[ps.size()];
        UntimedSearch.Answer[] u = new UntimedSearch.Answer[ps.size()];
        Statistics[] before = new Statistics[ps.size()];
        List<Integer> open = new ArrayList<>();
        for (int i = 0; i < ps.size(); i++) {
            open.add(i);
        }
        if (subject.untimedTryCut()) {
            List<TargetTimes> quick = timed(subject, tn, ps, quickTryCap, any);
            open.clear();
            for (int i = 0; i < ps.size(); i++) {
                if (quick.get(i).statistics().complete() || budget.spent() != Limit.NONE) {
                    out[i] = quick.get(i);
                } else {
                    before[i] = quick.get(i).statistics();
                    open.add(i);
                }
            }
        }
        List<Integer> timedTry = new ArrayList<>();
        List<Integer> timed = new ArrayList<>();
        boolean cutHere = false;
        for (int i : open) {
            if (cutHere) {
                // a sibling's try was just cut on this very net: this one's would be too, for nothing
                // (its stand-in answer is marked cut: it proves nothing)
                u[i] = new UntimedSearch.Answer(null, before[i] != null ? before[i]
                        : new Statistics(0, 0, Limit.CLASSES, 0, null));
                timedTry.add(i);
                continue;
            }
            u[i] = UntimedSearch.reach(tn.net(), ps.get(i), budget, true, untimedTry(tn.net()));
            if (before[i] != null) {
                u[i] = afterTries(u[i], before[i]);
            }
            if (u[i].unreachable()) {
                out[i] = TargetTimes.notFound(u[i].statistics().answeredBy(UntimedSearch.STAGE));
            } else if (!u[i].found() && budget.spent() == Limit.NONE) {
                subject.noteUntimedTryCut();
                cutHere = true;
                timedTry.add(i); // cut at its try: the timed engine's try, then the untimed stage's whole cap
            } else {
                timed.add(i);
            }
        }
        if (!timedTry.isEmpty()) {
            List<TargetTimes> first = timed(subject, tn, pick(ps, timedTry), timedTryCap, any);
            for (int j = 0; j < timedTry.size(); j++) {
                int i = timedTry.get(j);
                if (first.get(j).statistics().complete()) {
                    out[i] = withStage(first.get(j), u[i].statistics());
                    continue;
                }
                Statistics tried = u[i].statistics().plus(first.get(j).statistics());
                u[i] = afterTries(UntimedSearch.reach(tn.net(), ps.get(i), budget, true, STAGE_CAP), tried);
                if (u[i].unreachable()) {
                    out[i] = TargetTimes.notFound(u[i].statistics().answeredBy(UntimedSearch.STAGE));
                } else {
                    timed.add(i);
                }
            }
        }
        if (!timed.isEmpty()) {
            List<TargetTimes> last = timed(subject, tn, pick(ps, timed), Long.MAX_VALUE, any);
            for (int j = 0; j < timed.size(); j++) {
                out[timed.get(j)] = withStage(last.get(j), u[timed.get(j)].statistics());
            }
        }
        return List.of(out);
    }

    /** An untimed answer with the work of the tries before it added; only its own limit says whether it is complete. */
    private static UntimedSearch.Answer afterTries(UntimedSearch.Answer a, Statistics tried) {
        Statistics s = a.statistics();
        return new UntimedSearch.Answer(a.path(), new Statistics(s.states() + tried.states(),
                s.edges() + tried.edges(), s.limit(), s.millis() + tried.millis(), s.stage()));
    }

    private static List<Predicate> pick(List<Predicate> ps, List<Integer> which) {
        List<Predicate> out = new ArrayList<>(which.size());
        for (int i : which) {
            out.add(ps.get(i));
        }
        return out;
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
        TargetTimes r = searchBadAny(subject, tn, p);
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
