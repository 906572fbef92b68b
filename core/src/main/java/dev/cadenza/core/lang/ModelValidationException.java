package dev.cadenza.core.lang;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A model with at least one error. It carries every problem found (warnings too), and its
 * message is their lines, one per problem, ready for stderr.
 */
public final class ModelValidationException extends RuntimeException {

    private final transient List<Problem> problems;

    public ModelValidationException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
