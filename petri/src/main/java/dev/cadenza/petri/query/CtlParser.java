package dev.cadenza.petri.query;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses CTL over the predicate language:
 * <pre>
 *   ctl     ::= or ('-&gt;' ctl)?                        (right associative)
 *   or      ::= and (('||' | 'or') and)*
 *   and     ::= unary (('&amp;&amp;' | 'and') unary)*
 *   unary   ::= ('!' | 'not') unary
 *             | ('AG' | 'AF' | 'AX' | 'EG' | 'EF' | 'EX') unary
 *             | ('A' | 'E') '[' ctl 'U' ctl ']'
 *             | '(' ctl ')' | 'dead' | 'true' | 'false' | comparison
 * </pre>
 * Comparisons are the predicate language's ({@link PredicateParser}: the same parser, on the same
 * text), so {@code (p + q) >= 2} and {@code AG (p -> AF q)} both read as meant: a parenthesis
 * starts a comparison when one parses, else a group. The temporal keywords are words (a place
 * named {@code AG} is written {@code {AG}}).
 *
 * <p>As in the predicate language, nesting (parentheses, {@code not}, temporal operators, the
 * right-hand sides of {@code ->}, {@code A[… U …]}) stops at {@link PredicateParser#MAX_DEPTH}
 * levels with a positioned error, and {@code and}/{@code or} chains are balanced trees: the
 * model checker recurses over the formula.
 */
public final class CtlParser {

    private final PredicateParser p;

    private CtlParser(String text) {
        this.p = new PredicateParser(text);
    }

    public static CtlFormula parse(String text) {
        CtlParser c = new CtlParser(text);
        c.p.skip();
        if (c.p.atEnd()) {
            throw c.p.error(c.p.pos, "empty formula: expected for example 'AG (p -> AF q)'");
        }
        CtlFormula f = c.ctl();
        c.p.skip();
        if (!c.p.atEnd()) {
            throw c.p.error(c.p.pos, "unexpected '" + c.p.text.charAt(c.p.pos) + "': expected '->', '&&', '||' or the end");
        }
        return f;
    }

    private CtlFormula ctl() {
        CtlFormula left = or();
        p.skip();
        int at = p.pos;
        if (p.accept("->")) {
            p.enter(at);
            CtlFormula right = ctl();
            p.leave();
            return new CtlFormula.Implies(left, right);
        }
        return left;
    }

    private CtlFormula or() {
        List<CtlFormula> parts = new ArrayList<>();
        parts.add(and());
        while (p.accept("||") || p.acceptWord("or")) {
            parts.add(and());
        }
        return balanced(parts, 0, parts.size(), false);
    }

    private CtlFormula and() {
        List<CtlFormula> parts = new ArrayList<>();
        parts.add(unary());
        while (p.accept("&&") || p.acceptWord("and")) {
            parts.add(unary());
        }
        return balanced(parts, 0, parts.size(), true);
    }

    private static CtlFormula balanced(List<CtlFormula> parts, int from, int to, boolean and) {
        if (to - from == 1) {
            return parts.get(from);
        }
        int mid = (from + to) >>> 1;
        CtlFormula l = balanced(parts, from, mid, and);
        CtlFormula r = balanced(parts, mid, to, and);
        return and ? new CtlFormula.And(l, r) : new CtlFormula.Or(l, r);
    }

    private CtlFormula unary() {
        p.skip();
        if (p.lookingAt("!=")) {
            throw p.error(p.pos, "'!=' needs a left-hand side: write 'p != 1'");
        }
        int at = p.pos;
        if (p.accept("!") || p.acceptWord("not")) {
            p.enter(at);
            CtlFormula operand = unary();
            p.leave();
            return new CtlFormula.Not(operand);
        }
        for (CtlFormula.Op op : CtlFormula.Op.values()) {
            if (p.acceptWord(op.name())) {
                p.enter(at);
                CtlFormula operand = unary();
                p.leave();
                return new CtlFormula.Temporal(op, operand);
            }
        }
        int save = p.pos;
        for (String q : new String[] {"A", "E"}) {
            if (p.acceptWord(q)) {
                if (p.accept("[")) {
                    p.enter(save);
                    CtlFormula left = ctl();
                    if (!p.acceptWord("U")) {
                        throw p.error(p.pos, "expected 'U' in " + q + "[… U …]");
                    }
                    CtlFormula right = ctl();
                    if (!p.accept("]")) {
                        throw p.error(p.pos, "expected ']' closing the '[' at column " + (save + 2));
                    }
                    p.leave();
                    return new CtlFormula.Until(q.equals("A"), left, right);
                }
                p.pos = save; // a place named A or E
            }
        }
        if (p.acceptWord("dead")) {
            return new CtlFormula.Atom(new Predicate.Dead());
        }
        if (p.acceptWord("true")) {
            return new CtlFormula.Atom(new Predicate.Constant(true));
        }
        if (p.acceptWord("false")) {
            return new CtlFormula.Atom(new Predicate.Constant(false));
        }
        p.skip();
        if (p.lookingAt("(")) {
            int open = p.pos;
            int depth = p.depth();
            try {
                return new CtlFormula.Atom(p.comparison());
            } catch (PredicateSyntaxException e) {
                p.pos = open;
                p.depth(depth);
            }
            p.accept("(");
            p.enter(open);
            CtlFormula inner = ctl();
            if (!p.accept(")")) {
                throw p.error(p.pos, "expected ')' closing the '(' at column " + (open + 1));
            }
            p.leave();
            return inner;
        }
        return new CtlFormula.Atom(p.comparison());
    }
}
