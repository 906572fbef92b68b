package dev.cadenza.cli;

import dev.cadenza.verify.execute.ExecutionOptions;
import dev.cadenza.verify.execute.Semantics;
import dev.cadenza.verify.execute.StepCost;
import picocli.CommandLine.Option;

import java.math.BigDecimal;

/** --semantics and --step: which runtime's rules a run follows, and what a loop iteration costs. */
final class ExecutionChoice {

    @Option(names = "--semantics", paramLabel = "S",
            description = "concerto (the centralized runtime, default) or concerto-d")
    String semantics;

    @Option(names = "--step", paramLabel = "[A, B]",
            description = "each loop iteration of the runtime takes a time in [A, B] seconds (e.g. 0.05 or [0, 0.05])")
    String step;

    ExecutionOptions options(String command) {
        ExecutionOptions o = ExecutionOptions.DEFAULT;
        if (semantics != null) {
            try {
                o = o.withSemantics(Semantics.of(semantics));
            } catch (IllegalArgumentException e) {
                throw new UserInputException("cadenza " + command + ": " + e.getMessage());
            }
        }
        if (step != null) {
            o = o.withStep(parseStep(command, step));
        }
        return o;
    }

    static StepCost parseStep(String command, String text) {
        String t = text.trim();
        if (t.startsWith("[") && t.endsWith("]")) {
            t = t.substring(1, t.length() - 1);
        }
        String[] parts = t.split(",");
        try {
            BigDecimal a = new BigDecimal(parts[0].trim());
            BigDecimal b = parts.length > 1 ? new BigDecimal(parts[1].trim()) : a;
            if (parts.length > 2) {
                throw new NumberFormatException();
            }
            return new StepCost(a, b);
        } catch (NumberFormatException e) {
            throw new UserInputException("cadenza " + command + ": --step takes seconds A or an interval [A, B], not '"
                    + text + "'");
        } catch (IllegalArgumentException e) {
            throw new UserInputException("cadenza " + command + ": --step " + text + ": " + e.getMessage());
        }
    }
}
