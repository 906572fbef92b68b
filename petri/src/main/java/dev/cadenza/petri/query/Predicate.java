package dev.cadenza.petri.query;

/**
 * A marking predicate as written, names unresolved: parse once with {@link PredicateParser},
 * then {@link #compile(NameResolver)} against a net (or, in verify, against a model's names).
 */
public sealed interface Predicate
        permits Predicate.Comparison, Predicate.And, Predicate.Or, Predicate.Not, Predicate.Dead, Predicate.Constant {

    /** {@code left op right} between linear expressions over names. */
    record Comparison(LinearExpression left, ComparisonOperator operator, LinearExpression right)
            implements Predicate {
    }

    record And(Predicate left, Predicate right) implements Predicate {
    }

    record Or(Predicate left, Predicate right) implements Predicate {
    }

    record Not(Predicate operand) implements Predicate {
    }

    /** True in a marking where no transition is enabled. */
    record Dead() implements Predicate {
    }

    record Constant(boolean value) implements Predicate {
    }

    /** Resolves every name; an unknown one is a {@link PredicateSyntaxException} at its column. */
    default CompiledPredicate compile(NameResolver resolver) {
        return CompiledPredicate.of(this, resolver);
    }

    /** True when evaluating needs to know whether the marking is dead. */
    default boolean mentionsDead() {
        if (this instanceof Dead) {
            return true;
        } else if (this instanceof And a) {
            return a.left().mentionsDead() || a.right().mentionsDead();
        } else if (this instanceof Or o) {
            return o.left().mentionsDead() || o.right().mentionsDead();
        } else if (this instanceof Not n) {
            return n.operand().mentionsDead();
        }
        return false;
    }
}
