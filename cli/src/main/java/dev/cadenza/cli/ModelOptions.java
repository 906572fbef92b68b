package dev.cadenza.cli;

import dev.cadenza.core.lang.Problem;
import dev.cadenza.core.model.Duration;
import dev.cadenza.core.model.Model;
import dev.cadenza.core.model.Semantics;
import dev.cadenza.core.whatif.AppliedOverride;
import dev.cadenza.core.whatif.Overridden;
import dev.cadenza.core.whatif.WhatIf;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The options of every command that reads a model, and the one way such a command loads it:
 * what-if overrides ({@code --param n=8}, {@code --interval mariadb1.pull=[0,8]} or
 * {@code MariaDB.pull=[0,8]}, repeatable) applied by core before anything else reads the model
 * ({@code core.whatif}), then validated. After {@link #load}, {@link #applied()} says what was
 * changed, for the command's output ({@link #printApplied}, {@link #json}). {@code --semantics}
 * and {@code --step} then override the model's {@code semantics} and {@code step} declarations.
 */
final class ModelOptions {

    @Option(names = "--param", paramLabel = "NAME=VALUE",
            description = "Model: give a program parameter another value, e.g. --param n=8 (every program declaring n)"
                    + " or --param to_galera.n=8 (repeatable).")
    List<String> params = new ArrayList<>();

    @Option(names = "--interval", paramLabel = "COMP.TRANSITION=[a,b]",
            description = "Model: give a transition another duration, e.g. --interval mariadb1.pull=[0,8] (one instance)"
                    + " or MariaDB.pull=[0,8] (every instance of the type); max may be inf (repeatable).")
    List<String> intervals = new ArrayList<>();

    private static final Pattern INTERVAL = Pattern.compile(
            "\\s*\\[\\s*([0-9]+(?:\\.[0-9]+)?)\\s*,\\s*([0-9]+(?:\\.[0-9]+)?)\\s*]\\s*");

    @Option(names = "--semantics", paramLabel = "RUNTIME",
            description = "Hold the model to this runtime: concerto (the centralized runtime of the papers) or"
                    + " concerto-d (Concerto-D); overrides the model's 'semantics' line.")
    String semantics;

    @Option(names = "--step", paramLabel = "[A, B]",
            description = "How long one iteration of the runtime's loop takes, in seconds, e.g. '[0, 0.05]';"
                    + " overrides the model's 'step' line (default [0, 0] for concerto, [0.05, 0.05] for concerto-d).")
    String step;

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    private List<AppliedOverride> applied = List.of();

    /** The overrides as given (syntax checked; names are checked against the model by {@link #load}). */
    WhatIf whatIf() {
        return WhatIf.parse(params, intervals);
    }

    /** True when the user gave --param, --interval, --semantics or --step. */
    boolean any() {
        return !params.isEmpty() || !intervals.isEmpty() || semantics != null || step != null;
    }

    /** Refuses the options for inputs that are not models (nets have no programs, instances or runtime). */
    void refuseFor(Path file) {
        List<String> given = new ArrayList<>();
        if (!params.isEmpty()) {
            given.add("--param");
        }
        if (!intervals.isEmpty()) {
            given.add("--interval");
        }
        if (semantics != null) {
            given.add("--semantics");
        }
        if (step != null) {
            given.add("--step");
        }
        if (!given.isEmpty()) {
            throw new UserInputException(file + ": " + String.join(", ", given) + (given.size() > 1 ? " change" : " changes")
                    + " models (.cdz); this is a net, leave " + (given.size() > 1 ? "them" : "it") + " out");
        }
    }

    /** The model in {@code file}, overrides applied and validated; warnings to {@code warnings}. */
    Model load(Path file, Consumer<Problem> warnings) {
        Overridden o = ModelFiles.load(file, warnings, whatIf());
        applied = o.applied();
        return runtime(o.model());
    }

    /** The model in {@code file}, overrides applied, warnings dropped. */
    Model load(Path file) {
        return load(file, w -> { });
    }

    /** What the last {@link #load} changed, in the order given. */
    List<AppliedOverride> applied() {
        return applied;
    }

    /** One line per applied override ({@code what-if: …}); nothing without overrides. */
    void printApplied(PrintWriter out) {
        for (AppliedOverride a : applied) {
            out.println("what-if: " + a);
        }
    }

    /** The applied overrides as JSON values (a list of objects; empty without overrides). */
    List<Object> json() {
        List<Object> out = new ArrayList<>();
        for (AppliedOverride a : applied) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("option", a.option());
            o.put("given", a.given());
            o.put("target", a.target());
            o.put("was", a.was());
            o.put("now", a.now());
            o.put("applies_to", new ArrayList<Object>(a.appliesTo()));
            out.add(o);
        }
        return out;
    }

    /** The model with --semantics and --step applied. */
    private Model runtime(Model m) {
        String command = mixee == null ? "" : " " + mixee.name();
        Model out = m;
        if (semantics != null) {
            Semantics s = Semantics.byKeyword(semantics.strip()).orElseThrow(() -> new UserInputException(
                    "cadenza" + command + ": --semantics is " + Semantics.keywords() + ", not '" + semantics + "'"));
            out = out.withSemantics(s);
        }
        if (step != null) {
            out = out.withStep(interval(step, command));
        }
        return out;
    }

    private static Duration interval(String text, String command) {
        Matcher m = INTERVAL.matcher(text);
        if (!m.matches()) {
            throw new UserInputException("cadenza" + command + ": --step is an interval '[min, max]' in seconds,"
                    + " e.g. --step '[0, 0.05]', not '" + text + "'");
        }
        BigDecimal min = new BigDecimal(m.group(1));
        BigDecimal max = new BigDecimal(m.group(2));
        if (max.compareTo(min) < 0) {
            throw new UserInputException("cadenza" + command + ": --step " + text.strip() + " has its maximum below"
                    + " its minimum; write [min, max] with min <= max");
        }
        return new Duration(min, max);
    }

    /** {@code {"min": 0, "max": 0.05}}: the step a command held the model to, for JSON output. */
    static java.util.Map<String, Object> stepJson(Model m) {
        java.util.Map<String, Object> o = new java.util.LinkedHashMap<>();
        o.put("min", m.effectiveStep().min());
        o.put("max", m.effectiveStep().max());
        return o;
    }

    /** "semantics concerto, step [0, 0]": what a command's output says it held the model to. */
    static String describe(Model m) {
        return "semantics " + m.semantics().keyword() + ", step " + m.effectiveStep()
                + (m.step() == null ? " (default)" : "");
    }
}
