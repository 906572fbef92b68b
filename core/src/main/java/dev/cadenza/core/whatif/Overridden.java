package dev.cadenza.core.whatif;

import dev.cadenza.core.lang.Problem;
import dev.cadenza.core.model.Model;

import java.util.List;

/**
 * A model with the command line's overrides applied and validated: the model every command
 * reads (translation, fast path, executor, pictures all see the same durations), its warnings
 * (of the model and of overrides that change nothing), and what was applied, for the output.
 */
public record Overridden(Model model, List<Problem> warnings, List<AppliedOverride> applied) {

    public Overridden {
        warnings = List.copyOf(warnings);
        applied = List.copyOf(applied);
    }
}
