package dev.cadenza.petri.query;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses the predicate language shared by nets and models:
 * <pre>
 *   or      ::= and (('||' | 'or') and)*
 *   and     ::= unary (('&amp;&amp;' | 'and') unary)*
 *   unary   ::= ('!' | 'not') unary | '(' or ')' | 'dead' | 'true' | 'false' | expr (op expr)?
 *   op      ::= '=' | '==' | '!=' | '&lt;' | '&lt;=' | '&gt;' | '&gt;='
 *   expr    ::= ['-'] term (('+' | '-') term)*
 *   term    ::= INT ['*' NAME] | NAME | '(' expr ')'
 *   NAME    ::= letter or _ then letters, digits, _ . ' | '{' any '}'
 * </pre>
 * A lone expression without a comparison must be a single name and means {@code name >= 1}.
 *
 * <p>Nesting (parentheses, {@code not}) is limited to {@value #MAX_DEPTH} levels, with an error at
 * the column where the limit is passed: the parser and everything that walks a predicate after it
 * recurse, and a deeper input would overflow the stack (no one writes 200 levels by hand; a
 * generator that does can flatten). Chains of {@code and} / {@code or} are not nesting: they are
 * built as balanced trees, so that ten thousand conjuncts are only fourteen levels deep.
 */
public final class PredicateParser {

    public static final String SOURCE = "predicate";

    /** The largest number read: a count of tokens (2^31 - 1). */
    public static final long MAX_NUMBER = Integer.MAX_VALUE;

    /** The deepest nesting read (parentheses, negations, CTL's temporal operators). */
    public static final int MAX_DEPTH = 200;

    final String text;
    int pos;
    private int depth;

    /** Package-private: {@link CtlParser} reads comparisons with it, on the same text. */
    PredicateParser(String text) {
        this.text = text;
    }

    public static Predicate parse(String text) {
        PredicateParser p = new PredicateParser(text);
        p.skip();
        if (p.pos >= text.length()) {
            throw p.error(p.pos, "empty predicate: expected for example 'p3 >= 1 && !p4'");
        }
        Predicate result = p.or();
        p.skip();
        if (p.pos < text.length()) {
            throw p.error(p.pos, "unexpected '" + text.charAt(p.pos) + "': expected '&&', '||' or the end");
        }
        return result;
    }

    private Predicate or() {
        List<Predicate> parts = new ArrayList<>();
        parts.add(and());
        while (accept("||") || acceptWord("or")) {
            parts.add(and());
        }
        return balanced(parts, 0, parts.size(), false);
    }

    private Predicate and() {
        List<Predicate> parts = new ArrayList<>();
        parts.add(unary());
        while (accept("&&") || acceptWord("and")) {
            parts.add(unary());
        }
        return balanced(parts, 0, parts.size(), true);
    }

    /** parts[from, to) joined by and (or or) as a balanced tree: and and or are associative. */
    private static Predicate balanced(List<Predicate> parts, int from, int to, boolean and) {
        if (to - from == 1) {
            return parts.get(from);
        }
        int mid = (from + to) >>> 1;
        Predicate l = balanced(parts, from, mid, and);
        Predicate r = balanced(parts, mid, to, and);
        return and ? new Predicate.And(l, r) : new Predicate.Or(l, r);
    }

    /** One level deeper, at {@code at} (0-based); an error past {@link #MAX_DEPTH}. */
    void enter(int at) {
        if (++depth > MAX_DEPTH) {
            throw error(at, "nested more than " + MAX_DEPTH + " levels deep (parentheses, 'not', temporal"
                    + " operators); write it flatter");
        }
    }

    void leave() {
        depth--;
    }

    int depth() {
        return depth;
    }

    void depth(int d) {
        depth = d;
    }

    private Predicate unary() {
        skip();
        if (lookingAt("!=")) {
            throw error(pos, "'!=' needs a left-hand side: write 'p != 1'");
        }
        int at = pos;
        if (accept("!") || acceptWord("not")) {
            enter(at);
            Predicate operand = unary();
            leave();
            return new Predicate.Not(operand);
        }
        if (acceptWord("dead")) {
            return new Predicate.Dead();
        }
        if (acceptWord("true")) {
            return new Predicate.Constant(true);
        }
        if (acceptWord("false")) {
            return new Predicate.Constant(false);
        }
        skip();
        if (lookingAt("(")) {
            // "(p + q) >= 2" and "(p >= 1)" both start with '(': try the comparison first.
            int save = pos;
            int saveDepth = depth;
            try {
                return comparison();
            } catch (PredicateSyntaxException e) {
                pos = save;
                depth = saveDepth;
            }
            accept("(");
            enter(save);
            Predicate inner = or();
            if (!accept(")")) {
                throw error(pos, "expected ')' closing the '(' at column " + (save + 1));
            }
            leave();
            return inner;
        }
        return comparison();
    }

    Predicate comparison() {
        skip();
        int start = pos;
        LinearExpression left = expression();
        ComparisonOperator op = operator();
        if (op == null) {
            if (left.terms().size() == 1 && left.constant() == 0 && left.terms().get(0).coefficient() == 1
                    && isPlainName(start)) {
                return new Predicate.Comparison(left, ComparisonOperator.GE, new LinearExpression(List.of(), 1));
            }
            throw error(pos, "expected a comparison (= != < <= > >=) after the expression");
        }
        LinearExpression right = expression();
        return new Predicate.Comparison(left, op, right);
    }

    private boolean isPlainName(int start) {
        char c = text.charAt(start);
        return c == '{' || Character.isLetter(c) || c == '_';
    }

    private ComparisonOperator operator() {
        skip();
        if (accept("<=")) {
            return ComparisonOperator.LE;
        } else if (accept(">=")) {
            return ComparisonOperator.GE;
        } else if (accept("!=")) {
            return ComparisonOperator.NE;
        } else if (accept("==") || accept("=")) {
            return ComparisonOperator.EQ;
        } else if (accept("<")) {
            return ComparisonOperator.LT;
        } else if (accept(">")) {
            return ComparisonOperator.GT;
        }
        return null;
    }

    private LinearExpression expression() {
        List<LinearExpression.Term> terms = new ArrayList<>();
        long[] constant = {0};
        long sign = accept("-") ? -1 : 1;
        term(sign, terms, constant);
        while (true) {
            skip();
            if (accept("+")) {
                term(1, terms, constant);
            } else if (!lookingAtArrow() && accept("-")) {
                term(-1, terms, constant);
            } else {
                return new LinearExpression(terms, constant[0]);
            }
        }
    }

    private void term(long sign, List<LinearExpression.Term> terms, long[] constant) {
        skip();
        if (pos >= text.length()) {
            throw error(pos, "expected a place name or a number, found the end");
        }
        char c = text.charAt(pos);
        int start = pos;
        if (Character.isDigit(c)) {
            long v = number();
            skip();
            if (accept("*")) {
                skip();
                int col = pos;
                String n = name();
                terms.add(new LinearExpression.Term(sign * v, n, col + 1));
            } else {
                constant[0] = sum(constant[0], sign * v, start);
            }
        } else if (c == '(') {
            int open = pos;
            pos++;
            enter(open);
            LinearExpression inner = expression();
            if (!accept(")")) {
                throw error(pos, "expected ')' closing the '(' at column " + (open + 1));
            }
            leave();
            for (LinearExpression.Term t : inner.terms()) {
                terms.add(new LinearExpression.Term(sign * t.coefficient(), t.name(), t.column()));
            }
            constant[0] = sum(constant[0], sign * inner.constant(), open);
        } else if (c == '{' || Character.isLetter(c) || c == '_') {
            int col = pos;
            String n = name();
            if (isKeyword(n) && c != '{') {
                throw error(col, "'" + n + "' is a keyword: expected a place name (write {" + n + "} for a place so named)");
            }
            terms.add(new LinearExpression.Term(sign, n, col + 1));
        } else {
            throw error(pos, "unexpected '" + c + "': expected a place name, a number, '(' or '!'");
        }
    }

    /**
     * A number of tokens, at most {@link #MAX_NUMBER}: markings are ints in the engines, and sums
     * of such numbers then stay far from a long's range.
     */
    private long number() {
        int start = pos;
        while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
            pos++;
        }
        String digits = text.substring(start, pos);
        if (digits.length() > 10 || Long.parseLong(digits) > MAX_NUMBER) {
            throw error(start, "number too large: " + digits + " (at most " + MAX_NUMBER + ")");
        }
        return Long.parseLong(digits);
    }

    private long sum(long a, long b, int at) {
        long s = a + b;
        if (Math.abs(s) > MAX_NUMBER) {
            throw error(at, "the constants add up to " + s + ", beyond " + MAX_NUMBER);
        }
        return s;
    }

    private String name() {
        int start = pos;
        if (pos < text.length() && text.charAt(pos) == '{') {
            StringBuilder sb = new StringBuilder();
            pos++;
            while (pos < text.length() && text.charAt(pos) != '}') {
                char d = text.charAt(pos++);
                if (d == '\\' && pos < text.length()) {
                    d = text.charAt(pos++);
                }
                sb.append(d);
            }
            if (pos >= text.length()) {
                throw error(start, "unterminated {name}: missing '}'");
            }
            pos++;
            return sb.toString();
        }
        while (pos < text.length()) {
            char d = text.charAt(pos);
            if (Character.isLetterOrDigit(d) || d == '_' || d == '.' || d == '\'') {
                pos++;
            } else {
                break;
            }
        }
        if (start == pos) {
            throw error(pos, "expected a place name");
        }
        return text.substring(start, pos);
    }

    private static boolean isKeyword(String w) {
        return switch (w) {
            case "and", "or", "not", "dead", "true", "false" -> true;
            default -> false;
        };
    }

    /** {@code ->} is CTL's implication, never a minus (a minus before '>' would be an error anyway). */
    private boolean lookingAtArrow() {
        skip();
        return text.startsWith("->", pos);
    }

    boolean atEnd() {
        return pos >= text.length();
    }

    void skip() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    boolean lookingAt(String s) {
        return text.startsWith(s, pos);
    }

    boolean accept(String s) {
        skip();
        if (text.startsWith(s, pos)) {
            pos += s.length();
            return true;
        }
        return false;
    }

    boolean acceptWord(String w) {
        skip();
        int end = pos + w.length();
        if (text.startsWith(w, pos) && (end >= text.length()
                || !(Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_' || text.charAt(end) == '.'))) {
            pos = end;
            return true;
        }
        return false;
    }

    PredicateSyntaxException error(int at, String problem) {
        return new PredicateSyntaxException(SOURCE, at + 1, problem);
    }
}
