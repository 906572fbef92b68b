package dev.cadenza.cli;

import dev.cadenza.core.model.Duration;
import dev.cadenza.core.model.Model;
import dev.cadenza.core.model.Semantics;
import picocli.CommandLine.Option;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The options of every command that reads a model and changes what it means: {@code --semantics}
 * and {@code --step} override the model's {@code semantics} and {@code step} declarations.
 */
final class ModelOptions {

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

    /** The model with the overrides given on the command line. */
    Model apply(Model m, String command) {
        Model out = m;
        if (semantics != null) {
            Semantics s = Semantics.byKeyword(semantics.strip()).orElseThrow(() -> new UserInputException(
                    "cadenza " + command + ": --semantics is " + Semantics.keywords() + ", not '" + semantics + "'"));
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
            throw new UserInputException("cadenza " + command + ": --step is an interval '[min, max]' in seconds,"
                    + " e.g. --step '[0, 0.05]', not '" + text + "'");
        }
        BigDecimal min = new BigDecimal(m.group(1));
        BigDecimal max = new BigDecimal(m.group(2));
        if (max.compareTo(min) < 0) {
            throw new UserInputException("cadenza " + command + ": --step " + text.strip() + " has its maximum below"
                    + " its minimum; write [min, max] with min <= max");
        }
        return new Duration(min, max);
    }

    /** {@code {"min": 0, "max": 0.05}}: the step a command held the model to, for JSON output. */
    static java.util.Map<String, Object> json(Model m) {
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
