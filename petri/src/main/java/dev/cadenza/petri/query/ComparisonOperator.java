package dev.cadenza.petri.query;

/** The comparisons of the predicate language. */
public enum ComparisonOperator {
    EQ("="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">=");

    private final String symbol;

    ComparisonOperator(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    /** Whether {@code difference op 0} holds, where difference = left - right. */
    public boolean holds(long difference) {
        return switch (this) {
            case EQ -> difference == 0;
            case NE -> difference != 0;
            case LT -> difference < 0;
            case LE -> difference <= 0;
            case GT -> difference > 0;
            case GE -> difference >= 0;
        };
    }
}
