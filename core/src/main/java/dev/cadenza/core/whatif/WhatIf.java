package dev.cadenza.core.whatif;

import dev.cadenza.core.lang.Problem;
import dev.cadenza.core.lang.Severity;
import dev.cadenza.core.model.Duration;
import dev.cadenza.core.model.Model;
import dev.cadenza.core.model.SourcePosition;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * What the command line asks to change in a model before anything reads it: program parameters
 * ({@code --param n=8}) and transition intervals ({@code --interval mariadb1.pull=[0,8]} for one
 * instance, {@code --interval MariaDB.pull=[0,8]} for every instance of a type). The options are
 * parsed here, each at a position {@code --param:K:COL} (the K-th {@code --param}, column COL of
 * its value), so that a mistake is reported like any other input error; {@link #applyTo} makes
 * the model every command then reads.
 */
public record WhatIf(List<ParameterOverride> parameters, List<IntervalOverride> intervals, List<Problem> malformed) {

    public static final WhatIf NONE = new WhatIf(List.of(), List.of(), List.of());

    /** {@code malformed}: options that could not be read, reported with the model's problems by {@link #applyTo}. */
    public WhatIf {
        parameters = List.copyOf(parameters);
        intervals = List.copyOf(intervals);
        malformed = List.copyOf(malformed);
    }

    public WhatIf(List<ParameterOverride> parameters, List<IntervalOverride> intervals) {
        this(parameters, intervals, List.of());
    }

    public boolean isEmpty() {
        return parameters.isEmpty() && intervals.isEmpty() && malformed.isEmpty();
    }

    /**
     * The overrides of the options' texts, in the order given; the malformed ones are kept as
     * problems, reported by {@link #applyTo} with every other problem of the model and the options.
     */
    public static WhatIf parse(List<String> params, List<String> intervals) {
        List<Problem> problems = new ArrayList<>();
        List<ParameterOverride> ps = new ArrayList<>();
        for (int k = 0; k < params.size(); k++) {
            ParameterOverride p = parameter(params.get(k), k + 1, problems);
            if (p != null) {
                ps.add(p);
            }
        }
        List<IntervalOverride> is = new ArrayList<>();
        for (int k = 0; k < intervals.size(); k++) {
            IntervalOverride i = interval(intervals.get(k), k + 1, problems);
            if (i != null) {
                is.add(i);
            }
        }
        return new WhatIf(ps, is, problems);
    }

    /**
     * The model with these overrides applied, validated, with its warnings and what was applied;
     * every problem (of the model, or of an override naming nothing) is reported at once.
     */
    public Overridden applyTo(Model parsed) {
        return Overriding.apply(parsed, this, m -> List.of());
    }

    /**
     * The same, with {@code moreChecks} run on the model so changed (even when it has errors) and
     * its problems reported with the others — how a caller that knows more of the language (the
     * predicates, parsed outside core) gets every problem into one report.
     */
    public Overridden applyTo(Model parsed, java.util.function.Function<Model, List<Problem>> moreChecks) {
        return Overriding.apply(parsed, this, moreChecks);
    }

    // ---- the option texts

    static final String PARAM = "--param";
    static final String INTERVAL = "--interval";

    private static ParameterOverride parameter(String text, int k, List<Problem> problems) {
        Cursor c = new Cursor(text, PARAM, k);
        String first = c.name();
        if (first == null) {
            problems.add(c.error("expected a parameter name, as in --param n=8 or --param PROGRAM.n=8"));
            return null;
        }
        String program = null;
        String name = first;
        if (c.accept('.')) {
            program = first;
            name = c.name();
            if (name == null) {
                problems.add(c.error("expected a parameter name after '" + first + ".'"));
                return null;
            }
        }
        if (!c.accept('=')) {
            problems.add(c.error("expected '=' then an integer after '" + text.substring(0, c.pos).strip()
                    + "', as in --param n=8"));
            return null;
        }
        int at = c.pos;
        String digits = c.digits();
        if (digits == null || c.more()) {
            problems.add(c.errorAt(at, "expected a non-negative integer value, as in --param n=8"));
            return null;
        }
        long value;
        try {
            value = Long.parseLong(digits);
        } catch (NumberFormatException e) {
            problems.add(c.errorAt(at, "the value " + digits + " is too large for a parameter (at most "
                    + Long.MAX_VALUE + ")"));
            return null;
        }
        return new ParameterOverride(program, name, value, text, c.position(0));
    }

    private static IntervalOverride interval(String text, int k, List<Problem> problems) {
        Cursor c = new Cursor(text, INTERVAL, k);
        String owner = c.name();
        if (owner == null || !c.accept('.')) {
            problems.add(c.error("expected COMPONENT.TRANSITION=[min,max] (an instance or a component type, then a"
                    + " transition), as in --interval mariadb1.pull=[0,8]"));
            return null;
        }
        String transition = c.name();
        if (transition == null) {
            problems.add(c.error("expected a transition name after '" + owner + ".'"));
            return null;
        }
        if (!c.accept('=')) {
            problems.add(c.error("expected '=[min,max]' after '" + owner + "." + transition + "'"));
            return null;
        }
        if (!c.accept('[')) {
            problems.add(c.error("expected '[' opening the interval, as in " + owner + "." + transition + "=[0,8]"));
            return null;
        }
        int minAt = c.pos;
        BigDecimal min = c.decimal();
        if (min == null) {
            problems.add(c.errorAt(minAt, "expected the interval's minimum, a non-negative number"));
            return null;
        }
        if (!c.accept(',')) {
            problems.add(c.error("expected ',' between the minimum and the maximum"));
            return null;
        }
        int maxAt = c.pos;
        BigDecimal max = null;
        if (!c.acceptWord("inf")) {
            max = c.decimal();
            if (max == null) {
                problems.add(c.errorAt(maxAt, "expected the interval's maximum, a number or inf"));
                return null;
            }
        }
        if (!c.accept(']')) {
            problems.add(c.error("expected ']' closing the interval (intervals are closed: [min,max])"));
            return null;
        }
        if (c.more()) {
            problems.add(c.error("unexpected text after the interval"));
            return null;
        }
        if (max != null && max.compareTo(min) < 0) {
            problems.add(c.errorAt(maxAt, "the maximum " + max.toPlainString() + " is below the minimum "
                    + min.toPlainString()));
            return null;
        }
        return new IntervalOverride(owner, transition, new Duration(min, max), text, c.position(0));
    }

    /** Reads an option's text left to right; columns are 1-based. */
    private static final class Cursor {
        final String text;
        final String option;
        final int k;
        int pos;

        Cursor(String text, String option, int k) {
            this.text = text;
            this.option = option;
            this.k = k;
        }

        void skip() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
        }

        boolean more() {
            skip();
            return pos < text.length();
        }

        String name() {
            skip();
            int start = pos;
            if (pos < text.length() && (Character.isLetter(text.charAt(pos)) || text.charAt(pos) == '_')) {
                pos++;
                while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
                    pos++;
                }
            }
            return start == pos ? null : text.substring(start, pos);
        }

        boolean accept(char ch) {
            skip();
            if (pos < text.length() && text.charAt(pos) == ch) {
                pos++;
                return true;
            }
            return false;
        }

        boolean acceptWord(String w) {
            skip();
            if (text.startsWith(w, pos)) {
                pos += w.length();
                return true;
            }
            return false;
        }

        String digits() {
            skip();
            int start = pos;
            while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                pos++;
            }
            return start == pos ? null : text.substring(start, pos);
        }

        BigDecimal decimal() {
            String whole = digits();
            if (whole == null) {
                return null;
            }
            if (pos < text.length() && text.charAt(pos) == '.') {
                pos++;
                int start = pos;
                while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                    pos++;
                }
                if (start == pos) {
                    return null;
                }
                return new BigDecimal(whole + "." + text.substring(start, pos));
            }
            return new BigDecimal(whole);
        }

        SourcePosition position(int at) {
            return new SourcePosition(option, k, at + 1);
        }

        Problem error(String message) {
            skip();
            return errorAt(pos, message + (pos < text.length() ? ", not '" + text.substring(pos) + "'" : ""));
        }

        Problem errorAt(int at, String message) {
            return new Problem(position(at), Severity.ERROR, message + " (in " + option + " " + text + ")");
        }
    }
}
