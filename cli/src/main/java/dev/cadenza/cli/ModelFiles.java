package dev.cadenza.cli;

import dev.cadenza.core.lang.ModelParser;
import dev.cadenza.core.lang.ModelValidator;
import dev.cadenza.core.lang.Problem;
import dev.cadenza.core.model.Model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
        String name = path.toString();
        if (!Files.isRegularFile(path)) {
            throw new UserInputException(name + ": no such file");
        }
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserInputException(name + ": cannot be read (" + e.getMessage() + ")");
        }
        Model model = ModelParser.parse(name, text);
        ModelValidator.check(model).forEach(warnings);
        return model;
    }
}
