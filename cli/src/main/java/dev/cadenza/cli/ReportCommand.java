package dev.cadenza.cli;

import dev.cadenza.cli.picture.AssemblyDiagram;
import dev.cadenza.cli.picture.AssemblyHighlight;
import dev.cadenza.cli.picture.GanttChart;
import dev.cadenza.cli.picture.GanttData;
import dev.cadenza.cli.picture.GraphvizRenderer;
import dev.cadenza.cli.picture.Histogram;
import dev.cadenza.verify.execute.Executor;
import dev.cadenza.verify.execute.Policies;
import dev.cadenza.verify.execute.Simulation;
import dev.cadenza.verify.trace.Run;
import dev.cadenza.core.model.Model;
import dev.cadenza.core.model.VerifyBlock;
import dev.cadenza.verify.LimitReachedException;
import dev.cadenza.verify.Subject;
import dev.cadenza.verify.Verifier;
import dev.cadenza.verify.bounds.BoundsReport;
import dev.cadenza.verify.bounds.CriticalPath;
import dev.cadenza.verify.bounds.RuntimeBounds;
import dev.cadenza.verify.bounds.TransitionWindow;
import dev.cadenza.verify.property.Counterexample;
import dev.cadenza.verify.property.TimeBoundsProperty;
import dev.cadenza.verify.property.Verdict;
import dev.cadenza.verify.report.Times;
import dev.cadenza.verify.trace.ModelState;
import guru.nidi.graphviz.model.MutableGraph;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * {@code cadenza report MODEL -o report.html}: checks the model's verify blocks as {@code check}
 * does and writes one self-contained HTML page ({@link HtmlReport}): the assembly of each
 * subject checked, the verdict table, the time bounds with critical path and Gantt chart, every
 * counterexample as a timed run. Exit codes as {@code check}: 0 all hold, 1 one is violated,
 * 3 one is inconclusive; the page is written in every case.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Checks a model and writes one self-contained HTML report: pictures, verdicts, bounds, Gantt chart, counterexamples.")
final class ReportCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "MODEL", description = "the model file (.cdz)")
    Path model;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "F", description = "the HTML file to write")
    Path output;

    @Option(names = "--json", description = "Print one JSON object (as check's, with the page written) instead of"
            + " the line saying it was written.")
    boolean json;

    @picocli.CommandLine.Mixin
    ReductionOption reduction = new ReductionOption();

    @Mixin
    ReplayOption replay = new ReplayOption();

    @Mixin
    LimitOptions limitOptions = new LimitOptions();

    @Mixin
    ModelOptions modelOptions = new ModelOptions();

    @Mixin
    QuietOption quiet = new QuietOption();

    @Option(names = "--simulate-runs", paramLabel = "N", defaultValue = "1000",
            description = "sampled runs per subject for the report's histogram of totals (0: none; default ${DEFAULT-VALUE})")
    int simulateRuns;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Model m = modelOptions.load(model, warning -> err.println(warning));
        err.flush();
        String name = model.getFileName() == null ? model.toString() : model.getFileName().toString();
        HtmlReport report = new HtmlReport(name.replaceFirst("\\.cdz$", ""), model.toString());
        report.overrides(modelOptions.applied().stream().map(Object::toString).toList());
        report.runtime(ModelOptions.describe(m));

        Set<String> subjects = new LinkedHashSet<>();
        for (VerifyBlock block : m.verifyBlocks()) {
            subjects.add(block.subject());
        }
        if (subjects.isEmpty()) {
            subjects.add(new SubjectChoice().of(m));
        }
        Function<String, Subject> checked = CheckCommand.subjects(m, limitOptions.budget(), reduction.on(), replay.on(),
                replay.stateSpace());
        List<Verifier.Result> results = CheckCommand.checkAll(m, checked);
        // per subject, what replaying the bounds' runs in the executor said (docs/verify.md, "Zero-time moves")
        java.util.Map<String, RuntimeBounds> runtime = new java.util.HashMap<>();
        for (Verifier.Result r : results) {
            Verdict v = r.verdict();
            boolean bounds = r.property() instanceof TimeBoundsProperty;
            if (bounds && v.bounds() != null && v.bounds().runtime() != null) {
                runtime.put(r.subject(), v.bounds().runtime());
            }
            List<String> details = v instanceof Verdict.Violated || bounds ? List.of() : v.details();
            report.verdict(new HtmlReport.Verdict(r.subject(), r.property().name(), v.word(), r.mode(), r.millis(),
                    v.statistics().states(), details));
            if (v instanceof Verdict.Violated violated) {
                report.run(run(m, r, violated.counterexample(), false, report.runCount()));
            } else if (v instanceof Verdict.Holds h && h.witness() != null) {
                report.run(run(m, r, h.witness(), true, report.runCount()));
            }
        }

        for (String s : subjects) {
            Subject subject = checked.apply(s);
            BoundsChart chart;
            try {
                int transitions = subject.net(Subject.Mode.TIMED).net().transitionCount();
                chart = BoundsChart.of(subject, null, transitions <= TimeBoundsProperty.WINDOWS_UP_TO);
            } catch (LimitReachedException e) {
                report.assembly(s, GraphvizRenderer.svg(picture(m, s, AssemblyHighlight.NONE)));
                report.bounds(new HtmlReport.Bounds(subject.name(), "?", "?", List.of(), List.of(), null, null,
                        "Inconclusive: " + e.reason() + "."));
                continue;
            }
            // the assembly with the slowest run's critical path marked (thick, framed transitions)
            List<String> critical = new ArrayList<>(ScheduleRows.names(chart.report().criticalPath()));
            report.assembly(s, GraphvizRenderer.svg(picture(m, s, AssemblyHighlight.critical(critical))), !critical.isEmpty());
            report.bounds(bounds(subject, chart, runtime.get(s)));
        }

        for (String s : subjects) {
            report.sensitivity(sensitivity(m, checked.apply(s)));
        }
        if (simulateRuns > 0) {
            for (String s : subjects) {
                report.simulation(simulation(m, s, checked.apply(s)));
            }
        }

        write(report.html());
        if (json) {
            Map<String, Object> o = CheckCommand.json("report", ModelSummary.of(m), results, checked,
                    limitOptions.budget());
            o.put("overrides", modelOptions.json());
            o.put("output", output.toString());
            return JsonValues.print(out, o, CheckCommand.exitCode(results));
        }
        out.println(output + ": " + report.propertyCount() + " properties, report written");
        out.flush();
        return CheckCommand.exitCode(results);
    }

    private static MutableGraph picture(Model m, String subject, AssemblyHighlight highlight) {
        var program = m.program(subject);
        if (program.isPresent()) {
            return AssemblyDiagram.of(m, program.get(), highlight);
        }
        return AssemblyDiagram.of(m, m.assembly(subject).orElseThrow(() ->
                new UserInputException(m.file() + ": no program or assembly named " + subject)), highlight);
    }

    /** A counterexample or witness for the page, drawn when it has a run: the state where it stops, its Gantt chart. */
    static HtmlReport.Run run(Model m, Verifier.Result r, Counterexample c, boolean witness, int index) {
        String state = null;
        String svg = null;
        GanttData gantt = null;
        if (c.drawable()) {
            state = GraphvizRenderer.svg(picture(m, r.subject(), highlight(c.state())));
            List<GanttData.Row> rows = ScheduleRows.of(c.run(), new HashSet<>(c.run().criticalTransitions()), Map.of());
            if (!rows.isEmpty()) {
                gantt = GanttData.run(r.subject() + ": " + r.property().name(), rows, c.end().doubleValue(),
                        witness ? "witness" : "violation");
                svg = GanttChart.svgElement(gantt, "run-" + index);
            }
        }
        return new HtmlReport.Run(r.subject(), r.property().name(), c.summary(), c.trace(), c.blocked(), state, svg,
                gantt, witness);
    }

    /** What the assembly picture highlights: the state's marked places, running transitions, blocking ports. */
    static AssemblyHighlight highlight(ModelState s) {
        return new AssemblyHighlight(s.marked(), s.running(), s.blockedPorts());
    }

    /**
     * The subject's sensitivity (4 exact recomputations per transition): done when the fast path
     * answers, or the net is as small as the one whose windows are computed; else a note.
     */
    private SensitivitySection.Entry sensitivity(Model m, Subject subject) {
        try {
            return sensitivityOrCut(m, subject);
        } catch (LimitReachedException e) {
            return new SensitivitySection.Entry(subject.name(), null, "Inconclusive: " + e.reason() + ".");
        }
    }

    private SensitivitySection.Entry sensitivityOrCut(Model m, Subject subject) {
        boolean fast = dev.cadenza.verify.fastpath.ConflictFreeDeployment.of(m, subject.name()).applies();
        if (!fast && subject.net(Subject.Mode.TIMED).net().transitionCount() > TimeBoundsProperty.WINDOWS_UP_TO) {
            return new SensitivitySection.Entry(subject.name(), null, "Left out: four explorations per transition on a"
                    + " net of over " + TimeBoundsProperty.WINDOWS_UP_TO + " transitions; run cadenza sensitivity "
                    + model + (m.program(subject.name()).isPresent() ? " --program " : " --assembly ") + subject.name());
        }
        return new SensitivitySection.Entry(subject.name(), dev.cadenza.verify.sensitivity.SensitivityAnalysis.of(m,
                subject.name(), dev.cadenza.verify.sensitivity.Delta.DEFAULT, subject.engine(), subject.budget()), null);
    }

    /** Sampled runs of the subject (seed 1), as {@code cadenza simulate} prints and draws them. */
    private HtmlReport.Simulation simulation(Model m, String subject, Subject checked) {
        Executor x = Executor.of(m, subject);
        String refusal = x.samplingRefusal();
        if (refusal != null) {
            return new HtmlReport.Simulation(subject, 0, List.of("not sampled: " + refusal), null);
        }
        Simulation.Report r = Simulation.run(x, simulateRuns, 1, Runtime.getRuntime().availableProcessors(), null);
        ExactTotals exact = ExactTotals.of(m, subject, checked.budget());
        int outside = 0;
        if (exact.known()) {
            for (double t : r.totals()) {
                outside += exact.contains(t) ? 0 : 1;
            }
        }
        Run deadlock = r.firstDeadlock() < 0 ? null : x.run(Policies.sampled(Simulation.runSeed(1, r.firstDeadlock())));
        List<String> lines = new ArrayList<>();
        lines.add(simulateRuns + " runs, seed 1, " + ModelOptions.describe(m));
        lines.addAll(SimulateCommand.lines(r, exact, outside, deadlock));
        String svg = r.finished() == 0 ? null : Histogram.svgElement(SimulateCommand.histogram(subject, r, exact),
                "histogram-" + subject.replaceAll("[^A-Za-z0-9_-]", "_"));
        return new HtmlReport.Simulation(subject, simulateRuns, lines, svg);
    }

    /**
     * Min, max, critical path and Gantt chart of the subject, with a note when something is left out;
     * {@code held} (or null): what the replay of the bounds' runs said — a bound the runtime was not
     * shown to attain reads "at least" / "at most", an infinite max from a deadlock the executor did
     * not reproduce "unknown", and the note says why.
     */
    private static HtmlReport.Bounds bounds(Subject subject, BoundsChart chart, RuntimeBounds held) {
        BoundsReport r = chart.report();
        if (!r.complete()) {
            return new HtmlReport.Bounds(subject.name(), r.min() == null ? "?" : Times.format(r.min()), "?", List.of(),
                    List.of(), null, null, "Inconclusive: " + subject.budget().reason(r.statistics().limit()) + " ("
                    + r.statistics().states() + " classes). " + String.join(" ", TimeBoundsProperty.partial(r)) + ".");
        }
        if (r.unreachable()) {
            return new HtmlReport.Bounds(subject.name(), HtmlReport.NEVER, HtmlReport.NEVER, List.of(), List.of(), null, null,
                    "The end is never reached: no schedule to draw.");
        }
        List<String> windowLines = new ArrayList<>();
        for (TransitionWindow w : chart.windows()) {
            windowLines.add(w.instance() + "." + w.transition() + ": earliest start " + Times.format(w.earliestStart())
                    + ", latest end " + Times.format(w.latestEnd()));
        }
        String svg = chart.data() == null ? null : GanttChart.svgElement(chart.data(),
                "gantt-" + subject.name().replaceAll("[^A-Za-z0-9_-]", "_"));
        List<String> path = new ArrayList<>();
        for (CriticalPath.Step st : r.criticalPath()) {
            path.add(st + "  [" + Times.format(st.start()) + ", " + Times.format(st.end()) + "]");
        }
        String min = Times.format(r.min());
        String max = Times.format(r.max());
        String note = chart.note();
        if (held != null) {
            min = (held.minAttained() ? "" : "at least ") + min;
            max = held.maxAttained() ? max : r.unbounded() ? "?" : "at most " + max;
            note = (note == null ? "" : note + " ") + "Held to the runtime: " + held.note() + ".";
            if (held.exact() != null) {
                // the runtime's own exact bounds (its state space, every run of its loop) replace the net's
                RuntimeBounds.Exact e = held.exact();
                min = e.min() == null ? HtmlReport.NEVER : Times.format(e.min());
                max = e.unbounded() ? "inf" : Times.format(e.max());
                note = note + " Exact for the runtime: " + e.how() + "; the chart and the critical path are the net's"
                        + " slowest run.";
            }
        }
        return new HtmlReport.Bounds(subject.name(), min, max, path, windowLines, svg, chart.data(), note);
    }

    private void write(String html) {
        OutputFile.write(output, html);
    }
}
