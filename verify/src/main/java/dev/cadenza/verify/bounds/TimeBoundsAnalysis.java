package dev.cadenza.verify.bounds;

import dev.cadenza.core.model.Behavior;
import dev.cadenza.core.model.ComponentType;
import dev.cadenza.core.model.SourcePosition;
import dev.cadenza.core.model.TransitionDecl;
import dev.cadenza.verify.Subject;
import dev.cadenza.petri.query.Predicate;
import dev.cadenza.verify.engine.Statistics;
import dev.cadenza.verify.engine.TargetTimes;
import dev.cadenza.verify.engine.Targets;
import dev.cadenza.verify.engine.TimedRun;
import dev.cadenza.verify.translate.ObserverPlaces;
import dev.cadenza.verify.translate.Provenance;
import dev.cadenza.verify.translate.TranslatedNet;
import org.apache.commons.math3.fraction.BigFraction;

import java.util.ArrayList;
import java.util.List;

/**
 * Computes a {@link BoundsReport}. Min and max: the engine's exact min/max time to first reach
 * "program finished, every instance idle" (or the deployment's places). Windows: per transition,
 * earliest start = min time to first reach "t running" and latest end = max time to first reach
 * "t has ended" (an observer place fed by t's end) — both exact, one exploration each, stopped at
 * the target. For a transition that runs several times in a run, the latest end is that of its
 * first run. The witness schedule is read off the slowest run.
 */
public final class TimeBoundsAnalysis {

    private TimeBoundsAnalysis() {
    }

    /**
     * The time bounds of {@code subject} to the end of its program (or to {@code deployment});
     * computed once per subject and question when complete ({@code bounds} and {@code within} of one
     * block ask the same): a complete report is a function of the net and the goal, so asking again
     * would give it again. A cut one is not kept: asked again, the search runs again.
     */
    public static BoundsReport of(Subject subject, String deployment, boolean withWindows) {
        return subject.remembered(new Question(deployment, withWindows), BoundsReport.class,
                () -> compute(subject, deployment, withWindows), BoundsReport::complete);
    }

    /** What {@link #of} remembers a report under. */
    private record Question(String deployment, boolean withWindows) {
    }

    private static BoundsReport compute(Subject subject, String deployment, boolean withWindows) {
        TranslatedNet tn = subject.net(Subject.Mode.TIMED);
        Predicate goal = subject.finished(tn, deployment, SourcePosition.NONE);
        // the runs to deadlocks already found on this net (deployable): one that never meets the goal
        // proves the max infinite, and the engine then skips its max search (it checks the run first)
        TargetTimes b = subject.engine().timeTo(tn.net(), goal, subject.budget(), subject.deadRuns());
        Statistics stats = b.statistics();
        if (!b.reachable()) {
            return new BoundsReport(false, null, null, false, null, null, List.of(), List.of(), stats);
        }
        List<CriticalPath.Step> path = b.maxRun() == null ? List.of() : CriticalPath.of(b.maxRun(), tn);
        TimedRun schedule = b.maxRun() != null ? b.maxRun() : b.minRun();
        List<TransitionWindow> windows = new ArrayList<>();
        if (withWindows && stats.complete()) {
            ObserverPlaces obs = new ObserverPlaces(tn);
            List<int[]> ends = new ArrayList<>();
            List<String[]> names = new ArrayList<>();
            tn.backMap().instances().forEach((c, type) -> {
                for (TransitionDecl t : transitions(type)) {
                    names.add(new String[] {c, t.name()});
                    ends.add(new int[] {obs.ended(c, t.name())});
                }
            });
            TranslatedNet observed = obs.build();
            for (int k = 0; k < names.size(); k++) {
                String c = names.get(k)[0];
                String t = names.get(k)[1];
                int run = tn.backMap().running(c, t).orElseThrow();
                int end = ends.get(k)[0];
                TargetTimes start = subject.engine().reach(tn.net(), Targets.marked(run), subject.budget());
                stats = stats.plus(start.statistics());
                if (!start.statistics().complete()) {
                    break; // the budget is spent: the windows found so far are kept, the report is incomplete
                }
                if (!start.reachable()) {
                    continue; // proven: it never runs
                }
                TargetTimes ended = subject.engine().timeTo(observed.net(), Targets.marked(end), subject.budget());
                stats = stats.plus(ended.statistics());
                if (!ended.statistics().complete()) {
                    break;
                }
                BigFraction[] witness = witness(schedule, tn, c, t);
                // not reachable (complete): it never ends once started in some run: unbounded too
                windows.add(new TransitionWindow(c, t, start.min(), ended.reachable() ? ended.max() : null,
                        witness[0], witness[1]));
            }
        }
        return new BoundsReport(true, b.min(), b.max(), b.unbounded(), b.minRun(), b.maxRun(), path, windows, stats);
    }

    private static List<TransitionDecl> transitions(ComponentType type) {
        List<TransitionDecl> out = new ArrayList<>();
        for (Behavior b : type.behaviors()) {
            out.addAll(b.transitions());
        }
        return out;
    }

    private static BigFraction[] witness(TimedRun run, TranslatedNet tn, String c, String t) {
        BigFraction[] out = new BigFraction[2];
        if (run == null) {
            return out;
        }
        for (TimedRun.Step s : run.steps()) {
            Provenance p = tn.backMap().transition(s.transition());
            if (out[0] == null && p instanceof Provenance.Start st && st.instance().equals(c)
                    && st.transition().equals(t)) {
                out[0] = s.time();
            } else if (out[0] != null && out[1] == null && p instanceof Provenance.End e
                    && e.instance().equals(c) && e.transition().equals(t)) {
                out[1] = s.time();
            }
        }
        return out;
    }
}
