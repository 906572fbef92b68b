package dev.cadenza.cli;

import dev.cadenza.core.model.Model;
import dev.cadenza.verify.Subject;
import dev.cadenza.verify.bounds.BoundsReport;
import dev.cadenza.verify.bounds.TransitionWindow;
import dev.cadenza.verify.engine.StateClassEngine;
import dev.cadenza.cli.picture.GanttChart;
import dev.cadenza.cli.picture.GanttData;
import org.apache.commons.math3.fraction.BigFraction;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code cadenza gantt MODEL -o F.svg|F.png}: one row per component transition, the slowest
 * run's schedule as bars (the critical path in vermilion), what each transition waited for
 * (a port, a lock, a join) as thin bars before or after it, each transition's [earliest start,
 * latest end] window behind its bar (MADA's gantt_boundaries), the least and greatest total as
 * lines. Built by {@link BoundsChart}, drawn by {@link GanttChart}.
 */
@Command(name = "gantt", mixinStandardHelpOptions = true,
        description = "Draws the Gantt chart of a program or assembly: the slowest schedule and every transition's window.")
final class GanttCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "MODEL", description = "the model file (.cdz)")
    Path model;

    @picocli.CommandLine.Mixin
    ReductionOption reduction = new ReductionOption();

    @Mixin
    SubjectChoice subject = new SubjectChoice();

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "F", description = "F.svg or F.png")
    Path output;

    @Option(names = "--deployment", paramLabel = "D", description = "end in this deployment's places")
    String deployment;

    @Mixin
    LimitOptions limitOptions = new LimitOptions();

    @Mixin
    ModelOptions modelOptions = new ModelOptions();

    @Option(names = "--json", description = "Also print one JSON object (docs/json.md): the bounds and the bars.")
    boolean json;

    @Mixin
    QuietOption quiet = new QuietOption();

    @Override
    public Integer call() {
        Model m = modelOptions.load(model);
        modelOptions.printApplied(spec.commandLine().getErr());
        Subject s = reduction.subject(m, subject.of(m), limitOptions.budget());
        BoundsChart chart = BoundsChart.of(s, deployment, true);
        BoundsReport r = chart.report();
        if (!r.complete()) {
            spec.commandLine().getErr().printf(java.util.Locale.ROOT, "cadenza gantt: inconclusive: %s (%,d classes);"
                    + " no chart written%n", s.budget().reason(r.statistics().limit()), r.statistics().states());
            spec.commandLine().getErr().flush();
            return json(m, s, r, List.of(), null, ExitCode.INCONCLUSIVE);
        }
        if (!chart.report().reachable() || chart.data() == null) {
            throw new UserInputException(model + ": " + s.name() + " never finishes; no schedule to draw");
        }
        GanttChart.write(chart.data(), output);
        GanttData d = chart.data();
        if (!json) {
            spec.commandLine().getOut().println(output + ": " + d.bars() + " transitions, " + d.critical()
                    + " on the critical path, " + d.waits() + (d.waits() == 1 ? " wait, " : " waits, ") + d.windows() + " windows");
        }
        return json(m, s, r, chart.windows(), output, ExitCode.OK);
    }

    /** With --json, the object of docs/json.md ("gantt"); returns {@code exit}. */
    private int json(Model m, Subject s, BoundsReport r, List<TransitionWindow> windows, Path written, int exit) {
        if (!json) {
            return exit;
        }
        java.util.Map<String, Object> o = JsonValues.envelope("gantt", model);
        o.put("output", written == null ? null : written.toString());
        o.put("subject", s.name());
        o.put("semantics", m.semantics().keyword());
        o.put("step", ModelOptions.stepJson(m));
        o.put("overrides", modelOptions.json());
        String reason = r.complete() ? null : s.budget().reason(r.statistics().limit());
        o.put("bounds", BoundsJson.of(r, VerdictJson.target(m, s.name(), deployment), "state classes",
                s.net(Subject.Mode.TIMED), reason));
        List<Object> rows = new ArrayList<>();
        for (TransitionWindow w : windows) {
            if (w.witnessStart() != null && w.witnessEnd() != null) {
                java.util.Map<String, Object> row = new java.util.LinkedHashMap<>();
                row.put("component", w.instance());
                row.put("transition", w.transition());
                JsonValues.time(row, "start", w.witnessStart());
                JsonValues.time(row, "end", w.witnessEnd());
                JsonValues.time(row, "earliest_start", w.earliestStart());
                JsonValues.bound(row, "latest_end", w.latestEnd(), w.latestEnd() == null);
                rows.add(row);
            }
        }
        o.put("rows", rows);
        o.put("statistics", JsonValues.command(s.budget(), r.statistics().limit()));
        return JsonValues.print(spec.commandLine().getOut(), o, exit);
    }

    static double seconds(BigFraction f) {
        return f.doubleValue();
    }
}
