package dev.cadenza.verify.execute;

import dev.cadenza.core.model.Model;
import dev.cadenza.core.model.SourcePosition;
import dev.cadenza.petri.limit.Budget;
import dev.cadenza.petri.query.Predicate;
import dev.cadenza.verify.Examples;
import dev.cadenza.verify.LimitReachedException;
import dev.cadenza.verify.Subject;
import dev.cadenza.verify.engine.StateClassEngine;
import dev.cadenza.verify.engine.TargetTimes;
import dev.cadenza.verify.engine.Targets;
import dev.cadenza.verify.engine.TimedRun;
import dev.cadenza.verify.report.NetRuns;
import dev.cadenza.verify.trace.Run;
import dev.cadenza.verify.translate.TranslatedNet;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link NetRuns#read}, which looks again only at the steps of the net whose input places a firing
 * changed (and at those whose reasons describe the whole marking), against
 * {@link NetRuns#readLookingAtEveryStep}, which looks at every step in every marking: the same run in
 * model terms (events, waits and their reasons, the end), record for record and line for line. On
 * the random assemblies and programs of {@link ExecutorAgainstCheckProperties}, with the runs the
 * properties show: a run to a deadlock (depth first), the fastest and the slowest run to the end,
 * each read as a deadlock and as a run cut there.
 */
class NetRunsReuseProperties {

    private static final SourcePosition HERE = SourcePosition.NONE;

    @Provide
    Arbitrary<List<Integer>> tapes() {
        return new ExecutorAgainstCheckProperties().tapes();
    }

    @net.jqwik.api.Property(tries = 1000)
    void theSameRunInModelTerms(@ForAll("tapes") List<Integer> tape) {
        String text = ExecutorAgainstCheckProperties.modelText(tape);
        Model m = Examples.parse(text);
        Subject s = new Subject(m, "gen", new StateClassEngine(true), Budget.ofClasses(200_000));
        TranslatedNet tn;
        try {
            tn = s.net(Subject.Mode.TIMED);
        } catch (LimitReachedException e) {
            Assume.that(false);
            return;
        }
        Predicate finished = s.finished(tn, null, HERE);
        List<TimedRun> runs = new ArrayList<>();
        TargetTimes stuck = new StateClassEngine(true).reachAny(tn.net(),
                List.of(Targets.and(Targets.dead(), Targets.not(finished))), Budget.ofClasses(200_000),
                Long.MAX_VALUE).get(0);
        if (stuck.reachable()) {
            runs.add(stuck.minRun());
        }
        TargetTimes end = new StateClassEngine(true).timeTo(tn.net(), finished, Budget.ofClasses(200_000));
        if (end.reachable()) {
            runs.add(end.minRun());
        }
        if (end.maxRun() != null) {
            runs.add(end.maxRun());
        }
        Statistics.label("runs").collect(runs.size());
        for (TimedRun run : runs) {
            for (boolean deadlock : new boolean[] {true, false}) {
                Run reused = NetRuns.read(run, tn, deadlock, "cut");
                Run fresh = NetRuns.readLookingAtEveryStep(run, tn, deadlock, "cut");
                assertEquals(fresh, reused, text);
                assertEquals(fresh.lines(), reused.lines(), text);
                Statistics.label("waits").collect(fresh.waits().isEmpty() ? "none" : "some");
            }
        }
    }
}
