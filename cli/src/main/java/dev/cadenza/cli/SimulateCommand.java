package dev.cadenza.cli;

import dev.cadenza.cli.picture.Histogram;
import dev.cadenza.cli.picture.HistogramData;
import dev.cadenza.core.model.Model;
import dev.cadenza.verify.execute.Executor;
import dev.cadenza.verify.execute.Policies;
import dev.cadenza.verify.execute.Simulation;
import dev.cadenza.verify.report.Times;
import dev.cadenza.verify.trace.Run;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code cadenza simulate MODEL [--program P] [--runs N] [--seed S] [--json] [-o hist.svg]}: N
 * runs of the executor with durations sampled in their intervals (each transition's distribution,
 * uniform by default); the sampled total's min, mean, percentiles and max beside the exact
 * [min, max] of {@code bounds}, how many runs deadlocked (one told in model terms), and for each
 * transition the share of finished runs in which it was on the critical chain. Deterministic for
 * a seed, whatever the number of threads. Exit 0 when every run finished inside the exact bounds,
 * 1 when some deadlocked or fell outside them, 2 on bad input, 3 when the exact bounds hit a
 * limit.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Samples runs of a program or assembly with the executor of the Concerto semantics:"
                + " the distribution of total times beside the exact bounds.")
final class SimulateCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "MODEL", description = "the model file (.cdz)")
    Path model;

    @picocli.CommandLine.Mixin
    ReductionOption reduction = new ReductionOption();

    @Mixin
    SubjectChoice subject = new SubjectChoice();

    @Option(names = "--runs", paramLabel = "N", description = "how many runs (default ${DEFAULT-VALUE})", defaultValue = "1000")
    int runs;

    @Option(names = "--seed", paramLabel = "S", description = "the seed of the runs' random streams (default ${DEFAULT-VALUE})",
            defaultValue = "1")
    long seed;

    @Option(names = "--threads", paramLabel = "T", description = "threads to spread the runs over (default: the cores)")
    Integer threads;

    @Option(names = "--json", description = "print one JSON object instead of text")
    boolean json;

    @Option(names = {"-o", "--output"}, paramLabel = "F", description = "also draw the histogram of totals: F.svg or F.png")
    Path output;

    @Option(names = "--no-exact", description = "do not compute the exact bounds (large models)")
    boolean noExact;

    @Mixin
    LimitOptions limitOptions = new LimitOptions();

    @Mixin
    ModelOptions modelOptions = new ModelOptions();

    @Mixin
    QuietOption quiet = new QuietOption();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (runs < 1) {
            throw new UserInputException("cadenza simulate: --runs must be at least 1, not " + runs);
        }
        if (threads != null && threads < 1) {
            throw new UserInputException("cadenza simulate: --threads must be at least 1, not " + threads);
        }
        Model m = modelOptions.load(model, w -> err.println(w));
        err.flush();
        String s = subject.of(m);
        Executor x = Executor.of(m, s);
        String refusal = x.samplingRefusal();
        if (refusal != null) {
            throw new UserInputException(refusal);
        }
        Simulation.Report r = Simulation.run(x, runs, seed,
                threads != null ? threads : Runtime.getRuntime().availableProcessors(), null);
        ExactTotals exact = noExact ? null : ExactTotals.of(m, s, limitOptions.budget(), reduction.on());
        int outside = 0;
        if (exact != null && exact.known()) {
            for (double t : r.totals()) {
                if (!exact.contains(t)) {
                    outside++;
                }
            }
        }
        Run deadlock = r.firstDeadlock() < 0 ? null
                : x.run(Policies.sampled(Simulation.runSeed(seed, r.firstDeadlock())));
        if (output != null) {
            Histogram.write(histogram(s, r, exact), output);
        }
        int exit;
        if (exact != null && !exact.complete() && exact.note() != null && exact.note().startsWith("inconclusive")) {
            exit = ExitCode.INCONCLUSIVE;
        } else {
            exit = r.deadlocked() > 0 || r.stopped() > 0 || outside > 0 ? ExitCode.VIOLATED : ExitCode.OK;
        }
        if (json) {
            return JsonValues.print(out, json(s, m, r, exact, outside, deadlock), exit);
        }
        text(out, s, m, r, exact, outside, deadlock);
        out.flush();
        return exit;
    }

    /** The histogram of a simulation's totals with the exact bounds, when known. */
    static HistogramData histogram(String s, Simulation.Report r, ExactTotals exact) {
        boolean known = exact != null && exact.known();
        return new HistogramData(s + ": " + r.finished() + " sampled runs", r.totals(),
                known ? exact.min().doubleValue() : Double.NaN,
                known ? (exact.max() == null ? Double.POSITIVE_INFINITY : exact.max().doubleValue()) : Double.NaN,
                r.percentile(50), r.percentile(95), r.deadlocked());
    }

    private void text(PrintWriter out, String s, Model m, Simulation.Report r, ExactTotals exact, int outside,
                      Run deadlock) {
        out.printf(Locale.ROOT, "simulate %s (%s): %,d runs, seed %d, %s%n", s, model, r.runs(), r.seed(),
                ModelOptions.describe(m));
        modelOptions.printApplied(out);
        lines(r, exact, outside, deadlock).forEach(l -> out.println("  " + l));
        if (output != null) {
            out.println("  histogram: " + output);
        }
    }

    /** The summary of a simulation, one line each (also the report's). */
    static List<String> lines(Simulation.Report r, ExactTotals exact, int outside, Run deadlock) {
        List<String> out = new ArrayList<>();
        if (r.finished() > 0) {
            out.add(String.format(Locale.ROOT, "sampled total   min %s  mean %s  p5 %s  p50 %s  p95 %s  p99 %s  max %s s  (%,d finished)",
                    n(r.min()), n(r.mean()), n(r.percentile(5)), n(r.percentile(50)), n(r.percentile(95)),
                    n(r.percentile(99)), n(r.max()), r.finished()));
        } else {
            out.add("sampled total   no run finished");
        }
        if (exact == null) {
            out.add("exact total     not computed (--no-exact)");
        } else if (!exact.complete()) {
            out.add("exact total     " + exact.note());
        } else if (!exact.reachable()) {
            out.add("exact total     the end is never reached");
        } else {
            out.add(String.format(Locale.ROOT, "exact total     min %s  max %s s  (bounds, %s)", Times.format(exact.min()),
                    Times.format(exact.max()), exact.answeredBy()));
            if (outside == 0 && r.finished() > 0) {
                out.add("inside          every sampled total lies inside the exact bounds");
            } else if (outside > 0) {
                out.add(String.format(Locale.ROOT, "OUTSIDE         %,d sampled totals lie outside the exact bounds: the"
                        + " executor and the translation disagree; please report it with the model", outside));
            }
        }
        out.add(String.format(Locale.ROOT, "deadlocked      %,d of %,d runs (%s%%)", r.deadlocked(), r.runs(),
                pct(r.deadlocked() / (double) r.runs())));
        if (r.stopped() > 0) {
            out.add(String.format(Locale.ROOT, "stopped         %,d runs (%s)", r.stopped(), r.firstStop()));
        }
        List<Map.Entry<String, Double>> critical = new ArrayList<>(r.criticalShare().entrySet());
        critical.removeIf(e -> e.getValue() == 0);
        critical.sort((a, b) -> Double.compare(b.getValue(), a.getValue()));
        if (!critical.isEmpty()) {
            out.add("on the critical chain (share of finished runs):");
            int w = critical.stream().mapToInt(e -> e.getKey().length()).max().orElse(0);
            for (Map.Entry<String, Double> e : critical) {
                out.add(String.format(Locale.ROOT, "  %-" + w + "s  %6s%%", e.getKey(), pct(e.getValue())));
            }
        }
        if (deadlock != null) {
            out.add(String.format(Locale.ROOT, "one deadlocked run (run %d, seed %d): %s", r.firstDeadlock(),
                    Simulation.runSeed(r.seed(), r.firstDeadlock()), deadlock.end().describe()));
            deadlock.lines().forEach(l -> out.add("  " + l));
            out.add("  blocked:");
            deadlock.blockedLines().forEach(l -> out.add("    " + l));
        }
        return out;
    }

    private Map<String, Object> json(String s, Model m, Simulation.Report r, ExactTotals exact, int outside,
                                     Run deadlock) {
        Map<String, Object> o = JsonValues.envelope("simulate", model);
        o.put("output", output == null ? null : output.toString());
        o.put("subject", s);
        o.put("runs", r.runs());
        o.put("seed", r.seed());
        o.put("semantics", m.semantics().keyword());
        o.put("step", ModelOptions.stepJson(m));
        o.put("overrides", modelOptions.json());
        Map<String, Object> sampled = new LinkedHashMap<>();
        boolean any = r.finished() > 0;
        sampled.put("min", any ? d(r.min()) : null);
        sampled.put("mean", any ? d(r.mean()) : null);
        for (int p : new int[] {5, 50, 95, 99}) {
            sampled.put("p" + p, any ? d(r.percentile(p)) : null);
        }
        sampled.put("max", any ? d(r.max()) : null);
        sampled.put("finished", r.finished());
        o.put("sampled", sampled);
        Map<String, Object> ex = new LinkedHashMap<>();
        boolean known = exact != null && exact.known();
        ex.put("min", known ? new BigDecimal(Times.format(exact.min())) : null);
        ex.put("max", known ? (exact.max() == null ? "inf" : new BigDecimal(Times.format(exact.max()))) : null);
        ex.put("complete", exact != null && exact.complete());
        ex.put("answered_by", exact == null ? null : exact.answeredBy());
        if (exact != null && exact.note() != null) {
            ex.put("note", exact.note());
        }
        o.put("exact", ex);
        o.put("deadlocked", r.deadlocked());
        o.put("stopped", r.stopped());
        o.put("outside", outside);
        Map<String, Object> critical = new LinkedHashMap<>();
        r.criticalShare().forEach((k, v) -> critical.put(k, d(v)));
        o.put("critical", critical);
        if (deadlock != null) {
            Map<String, Object> dl = new LinkedHashMap<>();
            dl.put("run", r.firstDeadlock());
            dl.put("seed", Simulation.runSeed(r.seed(), r.firstDeadlock()));
            dl.put("time", new BigDecimal(Times.format(deadlock.duration())));
            dl.put("trace", deadlock.lines());
            dl.put("blocked", deadlock.blockedLines());
            // the same run as data, in the shape of every counterexample (docs/json.md, "Runs")
            Map<String, Object> ce = new LinkedHashMap<>();
            ce.put("summary", "sampled run " + r.firstDeadlock() + " deadlocks at t=" + Times.format(deadlock.duration()));
            ce.put("run", RunJson.of(deadlock));
            ce.put("blocked", deadlock.blockedLines());
            dl.put("counterexample", ce);
            o.put("deadlock_example", dl);
        } else {
            o.put("deadlock_example", null);
        }
        return o;
    }

    /** Six decimals at most, as times are printed everywhere. */
    private static BigDecimal d(double v) {
        return BigDecimal.valueOf(v).setScale(6, RoundingMode.HALF_EVEN).stripTrailingZeros();
    }

    private static String n(double v) {
        return d(v).toPlainString();
    }

    private static String pct(double share) {
        return BigDecimal.valueOf(share * 100).setScale(1, RoundingMode.HALF_EVEN).toPlainString();
    }
}
