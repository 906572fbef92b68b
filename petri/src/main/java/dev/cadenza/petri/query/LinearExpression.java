package dev.cadenza.petri.query;

import java.util.List;

/** {@code c1*name1 + c2*name2 + … + constant}, names as written (with their columns for errors). */
public record LinearExpression(List<Term> terms, long constant) {

    public LinearExpression {
        terms = List.copyOf(terms);
    }

    /** {@code coefficient * name}; {@code column} is 1-based in the predicate text. */
    public record Term(long coefficient, String name, int column) {
    }
}
