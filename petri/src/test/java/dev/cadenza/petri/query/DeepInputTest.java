package dev.cadenza.petri.query;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Inputs deep enough to overflow a recursive parser (the 2,000 nested parentheses) get a
 * positioned error at the level past the limit; up to the limit they read as meant; long chains
 * of and/or are no deeper than a balanced tree.
 */
class DeepInputTest {

    private static final NameResolver ONE_PLACE = n -> n.equals("p") ? new int[] {0} : null;

    private static String nested(String open, String inner, String close, int n) {
        return open.repeat(n) + inner + close.repeat(n);
    }

    @Test
    void twoThousandParenthesesAreAnErrorAtTheLevelPastTheLimit() {
        PredicateSyntaxException e = assertThrows(PredicateSyntaxException.class,
                () -> PredicateParser.parse(nested("(", "p", ")", 2000)));
        assertEquals("predicate:1:" + (PredicateParser.MAX_DEPTH + 1) + ": nested more than 200 levels deep"
                + " (parentheses, 'not', temporal operators); write it flatter", e.getMessage());
    }

    @Test
    void negationsAndExpressionParenthesesCountToo() {
        assertThrows(PredicateSyntaxException.class, () -> PredicateParser.parse("not ".repeat(3000) + "p"));
        assertThrows(PredicateSyntaxException.class, () -> PredicateParser.parse(nested("(", "p", ")", 3000) + " >= 1"));
    }

    @Test
    void upToTheLimitThePredicateReadsAsMeant() {
        Predicate deep = PredicateParser.parse(nested("(", "p", ")", PredicateParser.MAX_DEPTH));
        assertTrue(deep.compile(ONE_PLACE).test(new int[] {1}, false));
        Predicate notNot = PredicateParser.parse("not ".repeat(PredicateParser.MAX_DEPTH) + "p");
        assertTrue(notNot.compile(ONE_PLACE).test(new int[] {1}, false));
    }

    @Test
    void longChainsAreBalancedTrees() {
        String chain = String.join(" and ", java.util.Collections.nCopies(100_000, "p")) + " or not p";
        Predicate pr = PredicateParser.parse(chain);
        assertTrue(height(pr) <= 20, "height " + height(pr));
        assertTrue(pr.compile(ONE_PLACE).test(new int[] {1}, false));
        assertTrue(pr.compile(ONE_PLACE).test(new int[] {0}, false));
    }

    @Test
    void hugeNumbersAreAnErrorWhereTheyStand() {
        PredicateSyntaxException e = assertThrows(PredicateSyntaxException.class,
                () -> PredicateParser.parse("p >= 99999999999999999999"));
        assertEquals("predicate:1:6: number too large: 99999999999999999999 (at most 2147483647)", e.getMessage());
        PredicateSyntaxException sum = assertThrows(PredicateSyntaxException.class,
                () -> PredicateParser.parse("p >= 2147483647 + 2147483647"));
        assertTrue(sum.getMessage().startsWith("predicate:1:"), sum.getMessage());
    }

    @Test
    void deepCtlIsAnErrorAndChainsAreBalanced() {
        PredicateSyntaxException e = assertThrows(PredicateSyntaxException.class,
                () -> CtlParser.parse("EF ".repeat(3000) + "p"));
        assertEquals("predicate:1:" + (3 * PredicateParser.MAX_DEPTH + 1) + ": nested more than 200 levels deep"
                + " (parentheses, 'not', temporal operators); write it flatter", e.getMessage());
        assertThrows(PredicateSyntaxException.class, () -> CtlParser.parse(nested("(", "AG p", ")", 2000)));
        assertThrows(PredicateSyntaxException.class, () -> CtlParser.parse("p -> ".repeat(3000) + "p"));
        assertThrows(PredicateSyntaxException.class, () -> CtlParser.parse(nested("E[p U ", "p", "]", 3000)));
        CtlParser.parse("AG ".repeat(PredicateParser.MAX_DEPTH) + "p");
        CtlParser.parse(String.join(" or ", java.util.Collections.nCopies(100_000, "AF p")));
    }

    private static int height(Predicate p) {
        if (p instanceof Predicate.And a) {
            return 1 + Math.max(height(a.left()), height(a.right()));
        } else if (p instanceof Predicate.Or o) {
            return 1 + Math.max(height(o.left()), height(o.right()));
        } else if (p instanceof Predicate.Not n) {
            return 1 + height(n.operand());
        }
        return 1;
    }
}
