package dev.cadenza.cli;

import dev.cadenza.core.lang.ModelSyntaxException;
import dev.cadenza.core.lang.ModelValidationException;
import dev.cadenza.petri.io.NetFormatException;
import dev.cadenza.petri.query.PredicateSyntaxException;

import java.util.List;

/**
 * The exceptions that mean "the user's input is wrong". core and petri may not share a type,
 * so each has its own, each formatting its message as "file:line:col: what is wrong".
 * A module that adds one lists it here.
 */
final class InputErrors {

    private static final List<Class<? extends Throwable>> INPUT_ERRORS = List.of(
            UserInputException.class,
            NetFormatException.class,
            ModelSyntaxException.class,
            // its message is every problem, one per line
            ModelValidationException.class,
            PredicateSyntaxException.class);

    private InputErrors() {
    }

    static boolean isInputError(Throwable t) {
        for (Class<? extends Throwable> c : INPUT_ERRORS) {
            if (c.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
