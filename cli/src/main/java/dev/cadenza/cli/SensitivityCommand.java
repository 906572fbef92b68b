package dev.cadenza.cli;

import dev.cadenza.cli.picture.TornadoChart;
import dev.cadenza.cli.picture.TornadoData;
import dev.cadenza.core.model.Duration;
import dev.cadenza.core.model.Model;
import dev.cadenza.verify.engine.StateClassEngine;
import dev.cadenza.verify.report.Times;
import dev.cadenza.verify.sensitivity.Delta;
import dev.cadenza.verify.sensitivity.Scenario;
import dev.cadenza.verify.sensitivity.SensitivityAnalysis;
import dev.cadenza.verify.sensitivity.SensitivityReport;
import dev.cadenza.verify.sensitivity.Slack;
import dev.cadenza.verify.sensitivity.Totals;
import dev.cadenza.verify.sensitivity.TransitionSensitivity;
import org.apache.commons.math3.fraction.BigFraction;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code cadenza sensitivity MODEL [--program P | --assembly A] [--delta 10% | --delta 1]
 * [-o tornado.svg|png] [--json]}: which interval moves the total time most. Per transition that
 * runs: on a critical path or not, its slack on the max and on the min side, and the exact
 * totals when its bounds move down and up by the delta ({@link SensitivityAnalysis}), ranked;
 * optionally a tornado chart. Exit 0, 2 bad input, 3 a limit cut some search ("?" in the table).
 */
@Command(name = "sensitivity", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Which transition's interval moves the least and greatest total time most: per transition,"
                + " whether it is on a critical path, its slack, and the exact totals when its bounds move by a"
                + " delta (recomputed, not estimated), ranked.",
                "Exit codes: 0 done, 2 bad input, 3 a limit was reached (unknown numbers are shown as ?)."})
final class SensitivityCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "MODEL", description = "the model file (.cdz)")
    Path model;

    @picocli.CommandLine.Mixin
    ReductionOption reduction = new ReductionOption();

    @Mixin
    SubjectChoice subject = new SubjectChoice();

    @Option(names = "--delta", paramLabel = "D", defaultValue = "10%",
            description = "How far each transition's bounds move: a percentage of each bound (10%%, the default) or"
                    + " seconds (1, 0.5).")
    String delta;

    @Option(names = {"-o", "--output"}, paramLabel = "F", description = "Also draw the tornado chart: F.svg or F.png.")
    Path output;

    @Option(names = "--json", description = "Print one JSON object instead of the table.")
    boolean json;

    @Mixin
    LimitOptions limitOptions = new LimitOptions();

    @Mixin
    ModelOptions modelOptions = new ModelOptions();

    @Mixin
    QuietOption quiet = new QuietOption();

    @Override
    public Integer call() {
        Delta d;
        try {
            d = Delta.parse(delta);
        } catch (IllegalArgumentException e) {
            throw new UserInputException("cadenza sensitivity: --delta: " + e.getMessage());
        }
        if (output != null && !output.toString().toLowerCase(java.util.Locale.ROOT).matches(".*\\.(svg|png)")) {
            throw new UserInputException(output + ": cannot tell the chart format; end the file name with .svg or .png");
        }
        PrintWriter err = spec.commandLine().getErr();
        Model m = modelOptions.load(model, warning -> err.println(warning));
        err.flush();
        SensitivityReport r = SensitivityAnalysis.of(m, subject.of(m), d, reduction.engine(),
                limitOptions.budget());
        PrintWriter out = spec.commandLine().getOut();
        // the chart first: a failed write is exit 2, and the JSON must say so, not "exit 0"
        if (output != null) {
            TornadoChart.write(tornado(r), output);
        }
        int exit = r.complete() ? ExitCode.OK : ExitCode.INCONCLUSIVE;
        if (json) {
            Map<String, Object> o = JsonValues.envelope("sensitivity", model);
            o.put("output", output == null ? null : output.toString());
            o.put("semantics", m.semantics().keyword());
            o.put("step", ModelOptions.stepJson(m));
            o.putAll(json(r));
            o.put("overrides", modelOptions.json());
            return JsonValues.print(out, o, exit);
        }
        modelOptions.printApplied(out);
        out.print(text(r));
        out.flush();
        return exit;
    }

    /** The ranked table; columns as wide as their widest cell (names are never cut). */
    static String text(SensitivityReport r) {
        StringBuilder sb = new StringBuilder();
        Totals b = r.base();
        sb.append(r.subject()).append(": ");
        if (!b.complete()) {
            sb.append("a limit was reached before the totals were known (").append(b.statistics().states())
                    .append(" classes); no sensitivity\n");
            return sb.toString();
        }
        if (!b.finishes()) {
            sb.append("the end is never reached; no sensitivity\n");
            return sb.toString();
        }
        sb.append("min ").append(Times.format(b.min())).append(" s, max ").append(Times.format(b.max()))
                .append(" s; bounds moved by ").append(r.delta()).append("; answered by ").append(r.answeredBy())
                .append(r.answeredBy().equals(SensitivityAnalysis.CRITICAL_PATH) ? " (slacks exact)"
                        : " (slacks as bounds: >= d, < d)")
                .append('\n');
        List<String[]> cells = new ArrayList<>();
        cells.add(new String[] {"rank", "transition", "interval", "critical", "max-slack", "min-slack",
                "bounds -" + r.delta(), "bounds +" + r.delta()});
        int rank = 1;
        for (TransitionSensitivity t : r.rows()) {
            cells.add(new String[] {Integer.toString(rank++), t.name(), t.interval().toString(),
                    t.critical() ? "yes" : "no", t.maxSlack().text(), t.minSlack().text(),
                    TransitionSensitivity.text(t.faster().totals()), TransitionSensitivity.text(t.slower().totals())});
        }
        int[] width = new int[cells.get(0).length];
        for (String[] row : cells) {
            for (int i = 0; i < row.length; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        for (String[] row : cells) {
            StringBuilder line = new StringBuilder("  ");
            for (int i = 0; i < row.length; i++) {
                line.append(i == 0 ? String.format("%" + width[i] + "s", row[i]) : String.format("%-" + width[i] + "s", row[i]));
                if (i < row.length - 1) {
                    line.append("  ");
                }
            }
            sb.append(line.toString().stripTrailing()).append('\n');
        }
        if (!r.complete()) {
            sb.append("  (? : a limit was reached; rerun with a larger --max-classes or --timeout)\n");
        }
        return sb.toString();
    }

    static Map<String, Object> json(SensitivityReport r) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("subject", r.subject());
        o.put("delta", r.delta().toString());
        o.put("answered_by", r.answeredBy());
        o.put("complete", r.complete());
        o.put("classes", r.statistics().states());
        o.put("reachable", r.base().complete() ? r.base().finishes() : null);
        o.put("min", number(r.base().complete() && r.base().finishes(), r.base().min()));
        o.put("max", number(r.base().complete() && r.base().finishes(), r.base().max()));
        List<Object> rows = new ArrayList<>();
        int rank = 1;
        for (TransitionSensitivity t : r.rows()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("rank", rank++);
            row.put("transition", t.name());
            row.put("interval", interval(t.interval()));
            row.put("critical", t.critical());
            row.put("max_slack", slack(t.maxSlack()));
            row.put("min_slack", slack(t.minSlack()));
            row.put("faster", scenario(t.faster()));
            row.put("slower", scenario(t.slower()));
            rows.add(row);
        }
        o.put("transitions", rows);
        return o;
    }

    private static Map<String, Object> interval(Duration d) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("min", d.min().stripTrailingZeros());
        o.put("max", d.max() == null ? "inf" : d.max().stripTrailingZeros());
        return o;
    }

    private static Map<String, Object> slack(Slack s) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("kind", s.kind());
        BigFraction v = s instanceof Slack.Below below ? below.bound() : s.value();
        o.put("value", v == null ? null : new BigDecimal(Times.format(v)));
        return o;
    }

    private static Map<String, Object> scenario(Scenario s) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("interval", interval(s.interval()));
        Totals t = s.totals();
        o.put("complete", t.complete());
        o.put("reachable", t.complete() ? t.finishes() : null);
        o.put("min", number(t.complete() && t.finishes(), t.min()));
        o.put("max", number(t.complete() && t.finishes(), t.max()));
        return o;
    }

    /** A JSON number, "inf" for an unbounded max, null when unknown. */
    private static Object number(boolean known, BigFraction f) {
        if (!known) {
            return null;
        }
        return f == null ? "inf" : new BigDecimal(Times.format(f));
    }

    static TornadoData tornado(SensitivityReport r) {
        List<TornadoData.Row> rows = new ArrayList<>();
        Totals b = r.base();
        for (TransitionSensitivity t : r.rows()) {
            rows.add(new TornadoData.Row(t.name() + " " + t.interval(), t.critical(),
                    change(b, b.max(), t.faster().totals(), t.faster().totals().max()),
                    change(b, b.max(), t.slower().totals(), t.slower().totals().max()),
                    change(b, b.min(), t.faster().totals(), t.faster().totals().min()),
                    change(b, b.min(), t.slower().totals(), t.slower().totals().min())));
        }
        String title = r.subject() + ": how the total time moves when one transition's bounds move by " + r.delta();
        return new TornadoData(title, r.delta().toString(), rows);
    }

    private static double change(Totals base, BigFraction from, Totals variant, BigFraction to) {
        if (!base.complete() || !variant.complete() || !base.finishes() || !variant.finishes() || from == null) {
            return Double.NaN;
        }
        if (to == null) {
            return Double.POSITIVE_INFINITY;
        }
        return to.subtract(from).doubleValue();
    }
}
