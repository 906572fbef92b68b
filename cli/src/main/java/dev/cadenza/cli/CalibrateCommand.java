package dev.cadenza.cli;

import dev.cadenza.core.model.ComponentType;
import dev.cadenza.core.model.Model;
import dev.cadenza.core.model.TransitionDecl;
import dev.cadenza.verify.calibrate.Calibration;
import dev.cadenza.verify.calibrate.ObservedRun;
import dev.cadenza.verify.execute.Executor;
import dev.cadenza.verify.report.Times;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code cadenza calibrate MODEL TRACES…}: proposes each transition's interval from measured runs
 * — [least, greatest] observed duration over every instance of its type, widened by {@code --margin}
 * — as a patch to the model file (unified diff on stdout, comments kept) or a new model file
 * ({@code -o}). {@code --holdout K}: the runs in turn, K at a time, are held out; the intervals are
 * fitted on the others, and the held-out totals are set against the exact bounds of the fitted
 * model. TRACES: files written by {@code cadenza run --trace}, or an OpenStack traces directory
 * (transitions.tsv, deployment_times.tsv; {@code --where assembly=dag_nt4} selects rows). Exit 0,
 * or 1 when a held-out total falls outside its fold's bounds.
 */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = "Proposes transition intervals from measured runs (cadenza run traces, OpenStack traces), as a patch"
                + " or a new model, with a hold-out check of the totals against the resulting bounds.")
final class CalibrateCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL", description = "the model file (.cdz)")
    Path model;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "TRACES",
            description = "run --trace files (.json), or an OpenStack traces directory or transitions.tsv")
    List<Path> traces;

    @Mixin
    SubjectChoice subject = new SubjectChoice();

    @Option(names = "--where", paramLabel = "COLUMN=VALUE", description = "OpenStack traces: keep the rows with this value (repeatable)")
    List<String> where = new ArrayList<>();

    @Option(names = "--margin", paramLabel = "F", defaultValue = "0",
            description = "widen each interval by this fraction of its bounds: [min·(1−F), max·(1+F)] (default ${DEFAULT-VALUE})")
    double margin;

    @Option(names = "--margin-abs", paramLabel = "S", defaultValue = "0",
            description = "and by S seconds on each side (default ${DEFAULT-VALUE})")
    double marginAbs;

    @Option(names = {"-o", "--output"}, paramLabel = "F.cdz", description = "write the calibrated model instead of printing a patch")
    Path output;

    @Option(names = "--holdout", paramLabel = "K", description = "hold K runs out in turn and check their totals against the fitted bounds")
    Integer holdout;

    @Option(names = "--json", description = "print one JSON object instead of text")
    boolean json;

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
        if (margin < 0 || marginAbs < 0) {
            throw new UserInputException("cadenza calibrate: margins are 0 or more");
        }
        Map<String, String> filter = new LinkedHashMap<>();
        for (String w : where) {
            int eq = w.indexOf('=');
            if (eq <= 0) {
                throw new UserInputException("cadenza calibrate: --where takes COLUMN=VALUE, not '" + w + "'");
            }
            filter.put(w.substring(0, eq), w.substring(eq + 1));
        }
        Model m = modelOptions.load(model, w -> err.println(w));
        String s = subject.of(m);
        Map<String, String> instanceTypes = Executor.of(m, s).instanceTypes();
        List<ObservedRun> runs = TraceFiles.read(traces, filter);
        if (runs.isEmpty()) {
            throw new UserInputException("cadenza calibrate: no run in " + traces + (filter.isEmpty() ? "" : " with " + filter));
        }
        List<String> unknown = new ArrayList<>();
        for (ObservedRun r : runs) {
            for (String label : r.durations().keySet()) {
                String inst = label.substring(0, label.lastIndexOf('.'));
                String type = instanceTypes.get(inst);
                boolean known = type != null && m.type(type).flatMap(t -> t.transition(label.substring(label.lastIndexOf('.') + 1)))
                        .isPresent();
                if (!known && !unknown.contains(label)) {
                    unknown.add(label);
                }
            }
        }
        if (!unknown.isEmpty()) {
            err.println("cadenza calibrate: warning: the traces name transitions " + s + " does not have, left out: "
                    + String.join(", ", unknown));
        }
        Map<String, String> types = instanceTypes;
        List<Calibration.Proposal> proposals = Calibration.fit(runs, types, Calibration.intervals(m), margin, marginAbs);
        String text = readModelText();
        String calibrated = patched(text, m, proposals);
        Map<String, Object> o = JsonValues.envelope("calibrate", model);
        o.put("semantics", m.semantics().keyword());
        o.put("step", ModelOptions.stepJson(m));
        o.put("overrides", modelOptions.json());
        o.put("subject", s);
        o.put("runs", runs.size());
        List<Object> ps = new ArrayList<>();
        for (Calibration.Proposal p : proposals) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("transition", p.label());
            x.put("observations", p.observations());
            x.put("observed_min", round(p.observedMin()));
            x.put("observed_max", round(p.observedMax()));
            x.put("was", p.was() == null ? null : p.was().toString());
            x.put("proposed", p.proposed().toString());
            ps.add(x);
        }
        o.put("proposals", ps);
        int exit = ExitCode.OK;
        List<Object> folds = new ArrayList<>();
        List<String> foldLines = new ArrayList<>();
        if (holdout != null) {
            if (holdout < 1 || holdout >= runs.size()) {
                throw new UserInputException("cadenza calibrate: --holdout K needs 1 <= K < the number of runs (" + runs.size() + ")");
            }
            for (List<ObservedRun> held : Calibration.folds(runs, holdout)) {
                List<ObservedRun> fit = new ArrayList<>(runs);
                fit.removeAll(held);
                Model fitted = Calibration.apply(m, Calibration.fit(fit, types, Calibration.intervals(m), margin, marginAbs));
                ExactTotals exact = ExactTotals.of(fitted, s, limitOptions.budget());
                for (ObservedRun h : held) {
                    Map<String, Object> f = new LinkedHashMap<>();
                    f.put("held_out", h.id());
                    f.put("total", h.total());
                    f.put("min", exact.known() ? new BigDecimal(Times.format(exact.min())) : null);
                    f.put("max", exact.known() ? (exact.max() == null ? "inf" : new BigDecimal(Times.format(exact.max()))) : null);
                    Boolean inside = h.total() == null || !exact.known() ? null : exact.contains(h.total());
                    f.put("inside", inside);
                    folds.add(f);
                    if (Boolean.FALSE.equals(inside)) {
                        exit = ExitCode.VIOLATED;
                    }
                    foldLines.add(String.format(Locale.ROOT, "  held out %-40s total %-9s fitted bounds [%s, %s] s: %s", h.id(),
                            h.total() == null ? "?" : round(h.total()).toPlainString(),
                            exact.known() ? Times.format(exact.min()) : "?", exact.known() ? Times.format(exact.max()) : "?",
                            inside == null ? (exact.known() ? "no total" : exact.note()) : inside ? "inside" : "OUTSIDE"));
                }
            }
            o.put("holdout", folds);
        }
        if (output != null) {
            RunCommand.write(output, calibrated);
        }
        if (json) {
            o.put("output", output == null ? null : output.toString());
            o.put("patch", output == null && holdout == null ? UnifiedDiff.of(model.toString(), text, calibrated) : null);
            return JsonValues.print(out, o, exit);
        } else if (output != null || holdout != null) {
            out.printf(Locale.ROOT, "calibrate %s from %d runs%s%n", s, runs.size(), output == null ? "" : ": " + output + " written");
            for (Calibration.Proposal p : proposals) {
                out.printf(Locale.ROOT, "  %-32s %-18s -> %-18s (%d observed, %s to %s s)%n", p.label(), p.was(), p.proposed(),
                        p.observations(), round(p.observedMin()), round(p.observedMax()));
            }
            if (holdout != null) {
                out.printf(Locale.ROOT, "hold-out, %d run%s at a time:%n", holdout, holdout == 1 ? "" : "s");
                foldLines.forEach(out::println);
            }
        } else {
            out.print(UnifiedDiff.of(model.toString(), text, calibrated));
        }
        out.flush();
        return exit;
    }

    private String readModelText() {
        try {
            return Files.readString(model, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserInputException(model + ": cannot be read (" + e.getMessage() + ")");
        }
    }

    /** The model text with each proposal's interval written on its transitions' lines (comments kept). */
    static String patched(String text, Model m, List<Calibration.Proposal> proposals) {
        List<String> lines = new ArrayList<>(text.lines().toList());
        for (Calibration.Proposal p : proposals) {
            ComponentType t = m.type(p.type()).orElse(null);
            if (t == null) {
                continue;
            }
            TransitionDecl d = t.transition(p.transition()).orElse(null);
            if (d == null || d.position().line() <= 0 || d.position().line() > lines.size()) {
                continue;
            }
            int i = d.position().line() - 1;
            String line = lines.get(i);
            int arrow = line.indexOf("->", Math.max(0, d.position().column() - 1));
            int open = arrow < 0 ? -1 : line.indexOf('[', arrow);
            int close = open < 0 ? -1 : line.indexOf(']', open);
            if (close < 0) {
                continue;
            }
            String interval = "[" + p.proposed().min().toPlainString() + ", " + p.proposed().max().toPlainString() + "]";
            lines.set(i, line.substring(0, open) + interval + line.substring(close + 1));
        }
        return String.join("\n", lines) + (text.endsWith("\n") ? "\n" : "");
    }

    private static BigDecimal round(double v) {
        return BigDecimal.valueOf(v).setScale(3, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros();
    }
}
