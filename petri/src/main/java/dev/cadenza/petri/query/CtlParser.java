package dev.cadenza.petri.query;

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
        if (p.accept("->")) {
            return new CtlFormula.Implies(left, ctl());
        }
        return left;
    }

    private CtlFormula or() {
        CtlFormula left = and();
        while (p.accept("||") || p.acceptWord("or")) {
            left = new CtlFormula.Or(left, and());
        }
        return left;
    }

    private CtlFormula and() {
        CtlFormula left = unary();
        while (p.accept("&&") || p.acceptWord("and")) {
            left = new CtlFormula.And(left, unary());
        }
        return left;
    }

    private CtlFormula unary() {
        p.skip();
        if (p.lookingAt("!=")) {
            throw p.error(p.pos, "'!=' needs a left-hand side: write 'p != 1'");
        }
        if (p.accept("!") || p.acceptWord("not")) {
            return new CtlFormula.Not(unary());
        }
        for (CtlFormula.Op op : CtlFormula.Op.values()) {
            if (p.acceptWord(op.name())) {
                return new CtlFormula.Temporal(op, unary());
            }
        }
        int save = p.pos;
        for (String q : new String[] {"A", "E"}) {
            if (p.acceptWord(q)) {
                if (p.accept("[")) {
                    CtlFormula left = ctl();
                    if (!p.acceptWord("U")) {
                        throw p.error(p.pos, "expected 'U' in " + q + "[… U …]");
                    }
                    CtlFormula right = ctl();
                    if (!p.accept("]")) {
                        throw p.error(p.pos, "expected ']' closing the '[' at column " + (save + 2));
                    }
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
            try {
                return new CtlFormula.Atom(p.comparison());
            } catch (PredicateSyntaxException e) {
                p.pos = open;
            }
            p.accept("(");
            CtlFormula inner = ctl();
            if (!p.accept(")")) {
                throw p.error(p.pos, "expected ')' closing the '(' at column " + (open + 1));
            }
            return inner;
        }
        return new CtlFormula.Atom(p.comparison());
    }
}
