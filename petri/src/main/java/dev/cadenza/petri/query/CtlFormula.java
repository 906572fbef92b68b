package dev.cadenza.petri.query;

/**
 * A CTL formula over markings: marking predicates ({@link Atom}) under boolean connectives and
 * the path quantifiers of CTL. Decided on the marking graph (untimed), over maximal paths: a path
 * is infinite or ends in a dead marking, so {@code EX p} is false and {@code AX p} true in a dead
 * marking, {@code EG p} holds in a dead marking where p holds, and {@code AF p} fails on a path
 * that stops before p.
 */
public sealed interface CtlFormula {

    /** A marking predicate, as parsed (names unresolved). */
    record Atom(Predicate predicate) implements CtlFormula {
    }

    record Not(CtlFormula operand) implements CtlFormula {
    }

    record And(CtlFormula left, CtlFormula right) implements CtlFormula {
    }

    record Or(CtlFormula left, CtlFormula right) implements CtlFormula {
    }

    /** {@code left -> right}: {@code not left or right}. */
    record Implies(CtlFormula left, CtlFormula right) implements CtlFormula {
    }

    /** The unary temporal operators. */
    enum Op { EX, AX, EF, AF, EG, AG }

    record Temporal(Op op, CtlFormula operand) implements CtlFormula {
    }

    /** {@code E[left U right]} ({@code universal} false) or {@code A[left U right]}. */
    record Until(boolean universal, CtlFormula left, CtlFormula right) implements CtlFormula {
    }

    /** True when no temporal operator occurs: a plain marking predicate. */
    default boolean isStatePredicate() {
        if (this instanceof Atom) {
            return true;
        } else if (this instanceof Not n) {
            return n.operand().isStatePredicate();
        } else if (this instanceof And a) {
            return a.left().isStatePredicate() && a.right().isStatePredicate();
        } else if (this instanceof Or o) {
            return o.left().isStatePredicate() && o.right().isStatePredicate();
        } else if (this instanceof Implies i) {
            return i.left().isStatePredicate() && i.right().isStatePredicate();
        }
        return false;
    }
}
