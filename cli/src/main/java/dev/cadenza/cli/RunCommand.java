package dev.cadenza.cli;

import dev.cadenza.cli.picture.GanttChart;
import dev.cadenza.cli.picture.GanttData;
import dev.cadenza.core.model.ComponentType;
import dev.cadenza.core.model.Duration;
import dev.cadenza.core.model.Model;
import dev.cadenza.core.model.TransitionDecl;
import dev.cadenza.verify.LimitReachedException;
import dev.cadenza.verify.ResolutionException;
import dev.cadenza.verify.Subject;
import dev.cadenza.verify.bounds.BoundsReport;
import dev.cadenza.verify.bounds.TimeBoundsAnalysis;
import dev.cadenza.verify.bounds.TransitionWindow;
import dev.cadenza.verify.engine.StateClassEngine;
import dev.cadenza.verify.execute.ActionResult;
import dev.cadenza.verify.execute.Driver;
import dev.cadenza.verify.execute.Executor;
import dev.cadenza.verify.execute.Policies;
import dev.cadenza.verify.execute.Policy;
import dev.cadenza.verify.execute.ProcessDriver;
import dev.cadenza.verify.execute.RunControl;
import dev.cadenza.verify.fastpath.ConflictFreeDeployment;
import dev.cadenza.verify.fastpath.CriticalPathAnswers;
import dev.cadenza.verify.report.Times;
import dev.cadenza.verify.trace.Run;
import dev.cadenza.verify.trace.RunEnd;
import dev.cadenza.verify.trace.RunEvent;
import dev.cadenza.verify.trace.StopCause;
import dev.cadenza.verify.trace.TransitionSpan;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code cadenza run MODEL --program P}: executes the program for real with the executor of the
 * Concerto semantics — each transition's {@code action} a shell command started when the
 * transition starts (in {@code --workdir}, with CADENZA_COMPONENT, CADENZA_TRANSITION, CADENZA_TYPE,
 * CADENZA_BEHAVIOR and {@code --env} variables), a transition without an action taking no time;
 * {@code --dry-run} sleeps sampled durations instead ({@code --speed K}: K model seconds per
 * second). Live progress on stderr; at the end each transition's measured duration against its
 * interval (flagged when outside), the total against the exact bounds, the trace as JSON
 * ({@code --trace}) and a Gantt chart of the measured bars over the computed windows ({@code -o}).
 * A failed action (its name, exit status and the tail of its output are reported) or one past
 * {@code --action-timeout} stops the run cleanly: nothing new starts, what runs finishes. Ctrl-C
 * stops it the same way, with the same report. Exit 0 when it finished with every duration and
 * the total inside their intervals, 1 when an action failed, the run deadlocked or something fell
 * outside, 3 when interrupted (stopped before its end, as at a limit: nothing is proven about
 * the rest; the documented codes are 0/1/2/3 and 70, nothing else).
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Executes a program: each transition's action as a shell command (or, with --dry-run, a sampled"
                + " sleep), live progress, measured durations against the model's intervals and exact bounds.")
final class RunCommand implements Callable<Integer> {

    static final int INTERRUPTED = ExitCode.INCONCLUSIVE;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "MODEL", description = "the model file (.cdz)")
    Path model;

    @picocli.CommandLine.Mixin
    ReductionOption reduction = new ReductionOption();

    @Mixin
    SubjectChoice subject = new SubjectChoice();

    @Option(names = "--dry-run", description = "sleep sampled durations instead of running the actions")
    boolean dryRun;

    @Option(names = "--speed", paramLabel = "K", defaultValue = "1",
            description = "with --dry-run: K model seconds per real second (default ${DEFAULT-VALUE})")
    double speed;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
            description = "the seed of the sampled durations (--dry-run) and of the runtime's orders (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--workdir", paramLabel = "DIR", description = "where the actions run (default: the current directory)")
    Path workdir;

    @Option(names = "--env", paramLabel = "NAME=VALUE", description = "an environment variable for every action (repeatable)")
    List<String> env = new ArrayList<>();

    @Option(names = "--action-timeout", paramLabel = "S", description = "stop an action after S seconds (the run stops)")
    Double actionTimeout;

    @Option(names = "--log-dir", paramLabel = "DIR", description = "write each action's whole output to DIR/COMPONENT.TRANSITION.log")
    Path logDir;

    @Option(names = "--trace", paramLabel = "F.json", description = "write the measured run as JSON (for calibrate)")
    Path trace;

    @Option(names = {"-o", "--output"}, paramLabel = "F", description = "draw the measured run over the computed windows: F.svg or F.png")
    Path output;

    @Option(names = "--json", description = "print one JSON object (docs/json.md) instead of the report")
    boolean json;

    @Mixin
    LimitOptions limitOptions = new LimitOptions();

    @Mixin
    ModelOptions modelOptions = new ModelOptions();

    @Mixin
    QuietOption quiet = new QuietOption();

    /** The run in progress, for a test (or a signal) to interrupt. */
    static volatile RunControl current;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!(speed > 0)) {
            throw new UserInputException("cadenza run: --speed must be a positive number, not " + speed);
        }
        if (actionTimeout != null && !(actionTimeout > 0)) {
            throw new UserInputException("cadenza run: --action-timeout must be a positive number of seconds, not "
                    + actionTimeout);
        }
        Map<String, String> environment = new LinkedHashMap<>();
        for (String e : env) {
            int eq = e.indexOf('=');
            if (eq <= 0) {
                throw new UserInputException("cadenza run: --env takes NAME=VALUE, not '" + e + "'");
            }
            environment.put(e.substring(0, eq), e.substring(eq + 1));
        }
        if (workdir != null && !Files.isDirectory(workdir)) {
            throw new UserInputException("cadenza run: --workdir " + workdir + ": no such directory");
        }
        Model m = modelOptions.load(model, w -> err.println(w));
        err.flush();
        String s = subject.of(m);
        Executor x = Executor.of(m, s);
        if (dryRun && x.samplingRefusal() != null) {
            throw new UserInputException(x.samplingRefusal());
        }
        Policy policy = Policies.sampled(seed);
        ProcessDriver processes = dryRun ? null : new ProcessDriver(new ProcessDriver.Options(
                workdir == null ? null : workdir.toAbsolutePath(), environment, actionTimeout,
                logDir == null ? null : logDir.toAbsolutePath(), 20));
        Driver driver = dryRun ? Driver.paced(speed) : processes;
        RunControl control = new RunControl();
        current = control;
        CountDownLatch reported = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            control.interrupt();
            try {
                reported.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            // the report is out: end with the documented code (3, stopped before the end), not the
            // JVM's 130 for a signal, which is none of 0/1/2/3/70
            Runtime.getRuntime().halt(INTERRUPTED);
        }, "cadenza-run-interrupt");
        boolean hooked = addHook(hook);
        Instant started = Instant.now();
        try {
            if (!quiet.quiet) {
                err.printf(Locale.ROOT, "cadenza run %s (%s): %s%s%n", s, model, ModelOptions.describe(m),
                        dryRun ? ", dry run at speed " + speed + ", seed " + seed : "");
                err.flush();
            }
            Run run = x.run(policy, driver, (kind, instance, element, seconds) -> {
                if (quiet.quiet) {
                    return;
                }
                String line = switch (kind) {
                    case TRANSITION_STARTED -> instance + "." + element + " starts";
                    case TRANSITION_ENDED -> instance + "." + element + " ends";
                    case INSTRUCTION -> "program: " + element;
                    default -> null;
                };
                if (line != null) {
                    err.printf(Locale.ROOT, "[%9.3f s] %s%n", seconds, line);
                    err.flush();
                }
            }, control);
            List<ActionResult> actions = processes == null ? List.of() : processes.results();
            return report(out, m, s, run, actions, started, control.interrupted());
        } finally {
            current = null;
            reported.countDown();
            if (hooked) {
                removeHook(hook);
            }
        }
    }

    private static boolean addHook(Thread hook) {
        try {
            Runtime.getRuntime().addShutdownHook(hook);
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // shutting down: the hook is running
        }
    }

    /** One measured transition run: when, how long, against which interval. */
    private record Measured(String component, String transition, double start, double end, Duration interval,
                            ActionResult action) {
        boolean ended() {
            return !Double.isNaN(end);
        }

        double duration() {
            return end - start;
        }

        boolean inside() {
            if (!ended() || interval == null) {
                return true;
            }
            double d = duration();
            double eps = 1e-9;
            return d >= interval.min().doubleValue() - eps && (interval.max() == null || d <= interval.max().doubleValue() + eps);
        }

        String label() {
            return component + "." + transition;
        }
    }

    private int report(PrintWriter stdout, Model m, String s, Run run, List<ActionResult> actions, Instant started,
                       boolean interrupted) {
        // with --json the report's lines go nowhere: the one object is printed at the end
        PrintWriter out = json ? new PrintWriter(java.io.Writer.nullWriter()) : stdout;
        List<Measured> measured = measured(m, run, actions);
        ExactTotals exact = ExactTotals.of(m, s, limitOptions.budget(), reduction.on());
        boolean finished = run.end() instanceof RunEnd.Finished;
        double total = run.duration().doubleValue();
        out.printf(Locale.ROOT, "run %s (%s): %s%s%n", s, model, run.end().describe(), dryRun ? " (dry run, model seconds)" : "");
        modelOptions.printApplied(out);
        if (finished) {
            out.printf(Locale.ROOT, "  total           %s s  exact [%s, %s] s: %s%n", n(total),
                    exact.known() ? Times.format(exact.min()) : "?", exact.known() ? Times.format(exact.max()) : "?",
                    !exact.known() ? exact.note() : exact.contains(total) ? "inside" : "OUTSIDE");
        }
        int outside = 0;
        out.println("  transitions (measured duration against the interval):");
        int w = measured.stream().mapToInt(x -> x.label().length()).max().orElse(0);
        for (Measured x : measured) {
            String flag;
            if (!x.ended()) {
                flag = x.action() != null && x.action().timedOut() ? "stopped at its timeout"
                        : x.action() != null && x.action().exitStatus() != null && x.action().exitStatus() != 0
                        ? "FAILED (exit status " + x.action().exitStatus() + ")"
                        : "did not end";
            } else if (x.inside()) {
                flag = "";
            } else {
                flag = "OUTSIDE";
                outside++;
            }
            if (x.action() != null && x.action().exitStatus() != null && x.action().exitStatus() != 0) {
                flag = "FAILED (exit status " + x.action().exitStatus() + ")";
            }
            out.printf(Locale.ROOT, "    %-" + w + "s  %9s → %-9s %9s s  %-16s %s%n", x.label(), n(x.start()),
                    x.ended() ? n(x.end()) : "…", x.ended() ? n(x.duration()) : "", x.interval() == null ? "" : x.interval(),
                    flag);
        }
        if (run.end() instanceof RunEnd.Stopped st) {
            StopCause c = st.cause();
            String tail = c instanceof StopCause.ActionFailed f ? f.outputTail()
                    : c instanceof StopCause.ActionTimedOut t ? t.outputTail() : null;
            out.println("  stopped: " + c.describe());
            if (tail != null && !tail.isEmpty()) {
                out.println("  its output, last lines:");
                tail.lines().forEach(l -> out.println("    | " + l));
            }
        }
        if (run.deadlocked()) {
            out.println("  blocked:");
            run.blockedLines().forEach(l -> out.println("    " + l));
        }
        if (trace != null) {
            writeTrace(m, s, run, measured, exact, started);
            out.println("  trace: " + trace);
        }
        if (output != null) {
            gantt(m, s, run, measured);
            out.println("  gantt: " + output);
        }
        out.flush();
        boolean totalInside = !finished || !exact.known() || exact.contains(total);
        int exit = interrupted ? INTERRUPTED
                : finished && outside == 0 && totalInside ? ExitCode.OK : ExitCode.VIOLATED;
        if (json) {
            Map<String, Object> o = JsonValues.envelope("run", model);
            o.putAll(traceObject(m, s, run, measured, exact, started));
            o.remove("cadenza_trace");
            o.remove("model");
            o.put("overrides", modelOptions.json());
            o.put("interrupted", interrupted);
            o.put("trace", trace == null ? null : trace.toString());
            o.put("output", output == null ? null : output.toString());
            return JsonValues.print(stdout, o, exit);
        }
        return exit;
    }

    /** Each transition run: from the actions' own start and end (real runs), else from the run's schedule. */
    private static List<Measured> measured(Model m, Run run, List<ActionResult> actions) {
        Map<String, ComponentType> types = new LinkedHashMap<>();
        for (RunEvent e : run.events()) {
            if (e instanceof RunEvent.InstructionExecuted i && i.instruction().startsWith("add(")) {
                String[] it = i.instruction().substring(4, i.instruction().length() - 1).split("\\s*:\\s*");
                m.type(it[1].trim()).ifPresent(t -> types.put(it[0].trim(), t));
            }
        }
        List<Measured> out = new ArrayList<>();
        Map<String, List<ActionResult>> byLabel = new LinkedHashMap<>();
        for (ActionResult a : actions) {
            byLabel.computeIfAbsent(a.label(), k -> new ArrayList<>()).add(a);
        }
        for (TransitionSpan sp : run.schedule()) {
            if (!sp.started()) {
                continue;
            }
            Duration interval = types.containsKey(sp.instance())
                    ? types.get(sp.instance()).transition(sp.transition()).map(TransitionDecl::duration).orElse(null) : null;
            List<ActionResult> as = byLabel.get(sp.label());
            ActionResult a = as == null || as.isEmpty() ? null : as.remove(0);
            double start = a != null ? a.start() : sp.start().doubleValue();
            double end = a != null ? (a.succeeded() ? a.end() : Double.NaN) : sp.end() == null ? Double.NaN : sp.end().doubleValue();
            out.add(new Measured(sp.instance(), sp.transition(), start, end, interval, a));
        }
        return out;
    }

    private void writeTrace(Model m, String s, Run run, List<Measured> measured, ExactTotals exact, Instant started) {
        write(trace, Json.write(traceObject(m, s, run, measured, exact, started)) + "\n");
    }

    /**
     * The trace file's object (calibrate reads {@code transitions}); {@code run} is the run in the
     * one shape of every run and counterexample (docs/json.md, "Runs"), version 2 of the file.
     */
    private Map<String, Object> traceObject(Model m, String s, Run run, List<Measured> measured, ExactTotals exact,
                                            Instant started) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("cadenza_trace", 2);
        o.put("model", model.toString());
        o.put("subject", s);
        o.put("semantics", m.semantics().keyword());
        o.put("step", ModelOptions.stepJson(m));
        o.put("mode", dryRun ? "dry-run" : "real");
        if (dryRun) {
            o.put("speed", speed);
        }
        o.put("seed", seed);
        o.put("started", started.toString());
        Map<String, Object> end = new LinkedHashMap<>();
        end.put("kind", run.end() instanceof RunEnd.Finished ? "finished" : run.deadlocked() ? "deadlock"
                : run.end() instanceof RunEnd.Stopped ? "stopped" : "cut");
        end.put("time", d(run.duration().doubleValue()));
        end.put("text", run.end().describe());
        o.put("end", end);
        o.put("total", run.end() instanceof RunEnd.Finished ? d(run.duration().doubleValue()) : null);
        Map<String, Object> ex = new LinkedHashMap<>();
        ex.put("min", exact.known() ? new BigDecimal(Times.format(exact.min())) : null);
        ex.put("max", exact.known() ? (exact.max() == null ? "inf" : new BigDecimal(Times.format(exact.max()))) : null);
        o.put("exact", ex);
        List<Object> ts = new ArrayList<>();
        for (Measured x : measured) {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("component", x.component());
            t.put("transition", x.transition());
            t.put("start", d(x.start()));
            t.put("end", x.ended() ? d(x.end()) : null);
            t.put("duration", x.ended() ? d(x.duration()) : null);
            if (x.interval() != null) {
                Map<String, Object> iv = new LinkedHashMap<>();
                iv.put("min", x.interval().min());
                iv.put("max", x.interval().max() == null ? "inf" : x.interval().max());
                t.put("interval", iv);
            }
            t.put("inside", x.inside());
            if (x.action() != null) {
                t.put("command", x.action().command());
                t.put("exit_status", x.action().exitStatus());
                t.put("timed_out", x.action().timedOut());
                t.put("output_tail", x.action().outputTail());
            }
            ts.add(t);
        }
        o.put("transitions", ts);
        o.put("run", RunJson.of(run));
        o.put("blocked", run.deadlocked() ? run.blockedLines() : List.of());
        return o;
    }

    /** The measured bars over each transition's window (earliest start, latest end over all runs). */
    private void gantt(Model m, String s, Run run, List<Measured> measured) {
        Map<String, double[]> windows = new LinkedHashMap<>();
        double lo = Double.NaN;
        double hi = Double.NaN;
        try {
            ConflictFreeDeployment fast = ConflictFreeDeployment.of(m, s);
            BoundsReport r = fast != null && fast.applies() && m.effectiveStep().max().signum() == 0
                    ? CriticalPathAnswers.report(fast, true)
                    : TimeBoundsAnalysis.of(reduction.subject(m, s, limitOptions.budget()), null, true);
            if (r.complete() && r.reachable()) {
                lo = r.min().doubleValue();
                hi = r.max() == null ? Double.POSITIVE_INFINITY : r.max().doubleValue();
                for (TransitionWindow tw : r.windows()) {
                    windows.put(tw.instance() + "." + tw.transition(), new double[] {tw.earliestStart().doubleValue(),
                            tw.latestEnd() == null ? Double.POSITIVE_INFINITY : tw.latestEnd().doubleValue()});
                }
            }
        } catch (LimitReachedException | ResolutionException e) {
            // no windows: the bars alone
        }
        List<GanttData.Row> rows = new ArrayList<>();
        double end = run.duration().doubleValue();
        for (Measured x : measured) {
            double stop = x.ended() ? x.end() : end;
            double[] win = windows.get(x.label());
            rows.add(new GanttData.Row(x.label() + (x.inside() ? "" : "  (outside " + x.interval() + ")"),
                    new GanttData.Span(x.start(), Math.max(x.start(), stop)),
                    win == null ? null : new GanttData.Span(win[0], Math.max(win[0], win[1])), !x.ended(), false,
                    List.of()));
        }
        double totalMin = Double.isNaN(lo) ? end : Math.min(lo, end);
        double totalMax = Double.isNaN(hi) ? end : hi;
        GanttChart.write(new GanttData(s + ": measured run (bars) over the windows of all runs", rows, totalMin,
                Math.max(totalMax, totalMin)), output);
    }

    /** Whole or not at all: a temporary file beside it, moved in place ({@link OutputFile}). */
    static void write(Path file, String text) {
        OutputFile.write(file, text);
    }

    private static BigDecimal d(double v) {
        return BigDecimal.valueOf(v).setScale(6, RoundingMode.HALF_EVEN).stripTrailingZeros();
    }

    private static String n(double v) {
        return d(v).toPlainString();
    }
}
