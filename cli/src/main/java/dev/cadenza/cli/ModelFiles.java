package dev.cadenza.cli;

import dev.cadenza.core.lang.ModelParser;
import dev.cadenza.core.lang.Problem;
import dev.cadenza.core.model.Model;
import dev.cadenza.core.whatif.Overridden;
import dev.cadenza.core.whatif.WhatIf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Reads a model file the way every command needs it: parsed and validated, or an input error
 * (missing file, {@code ModelSyntaxException}, {@code ModelValidationException} with every
 * problem) that the error reporter prints as it stands.
 */
final class ModelFiles {

    private ModelFiles() {
    }

    /** The model in {@code path}, its warnings dropped. */
    static Model load(Path path) {
        return load(path, w -> { });
    }

    /** The model in {@code path}; each warning goes to {@code warnings}. */
    static Model load(Path path, Consumer<Problem> warnings) {
        return load(path, warnings, WhatIf.NONE).model();
    }

    /**
     * The model in {@code path} with the command line's overrides applied (and validated after
     * them: a parameter may change what the loops unroll to); each warning goes to {@code warnings}.
     */
    static Overridden load(Path path, Consumer<Problem> warnings, WhatIf whatIf) {
        // the predicates of the verify blocks are checked with the rest of the model: every problem in one run
        Overridden o = whatIf.applyTo(parse(path), dev.cadenza.verify.predicate.PredicateCheck::problems);
        o.warnings().forEach(warnings);
        return o;
    }

    private static Model parse(Path path) {
        String name = path.toString();
        if (!Files.isRegularFile(path)) {
            throw new UserInputException(name + ": no such file");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (java.nio.file.AccessDeniedException e) {
            throw new UserInputException(name + ": cannot be read: permission denied");
        } catch (IOException e) {
            throw new UserInputException(name + ": cannot be read: " + e.getMessage());
        }
        return ModelParser.parse(name, bytes);
    }
}
