package dev.cadenza.cli;

import dev.cadenza.core.model.Model;
import dev.cadenza.petri.limit.Budget;
import dev.cadenza.verify.Subject;
import dev.cadenza.verify.engine.StateClassEngine;
import picocli.CommandLine.Option;

/**
 * {@code --no-reduction} (taken by every command that explores): switches off every reduction
 * of the searches — the stubborn sets of the marking graph, the untimed first stage of the
 * safety properties, the zero-time reduction and the symmetry of alike bundles in both graphs, the
 * conflict-free fast path, the one exploration a block's forbidden and AG questions share — so
 * that each question has its own search over every interleaving. The answers are the same (docs/verify.md says why each reduction keeps them);
 * the option is there to cross-check that and to measure what the reductions save.
 */
final class ReductionOption {

    @Option(names = "--no-reduction", description = "Explore every interleaving: no stubborn sets, no untimed first"
            + " stage, no zero-time reduction, no symmetry reduction, one search per question. Same answers, more states;"
            + " for cross-checks and measurements.")
    boolean off;

    boolean on() {
        return !off;
    }

    StateClassEngine engine() {
        return new StateClassEngine(on());
    }

    /** The subject named {@code name} of {@code m}, searched with or without the reductions. */
    Subject subject(Model m, String name, Budget budget) {
        return new Subject(m, name, engine(), budget).reduction(on());
    }
}
