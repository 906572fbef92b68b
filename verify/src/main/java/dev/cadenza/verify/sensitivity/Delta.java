package dev.cadenza.verify.sensitivity;

import dev.cadenza.core.model.Duration;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How far a transition's bounds move in a sensitivity analysis: a fraction of each bound
 * ({@code 10%}: [a, b] becomes [0.9a, 0.9b] faster and [1.1a, 1.1b] slower) or a number of
 * seconds ({@code 1}: [a−1, b−1] and [a+1, b+1]). Faster never goes below 0; an unbounded
 * maximum stays unbounded.
 */
public record Delta(BigDecimal amount, boolean relative) {

    public static final Delta DEFAULT = new Delta(new BigDecimal("0.1"), true);

    public Delta {
        if (amount.signum() <= 0) {
            throw new IllegalArgumentException("a delta must be positive, not " + amount.toPlainString());
        }
    }

    /** {@code 10%}, {@code 2.5%}, {@code 1}, {@code 0.5}; IllegalArgumentException with the reason otherwise. */
    public static Delta parse(String text) {
        String t = text.strip();
        boolean relative = t.endsWith("%");
        String number = relative ? t.substring(0, t.length() - 1).strip() : t;
        if (!number.matches("[0-9]+(\\.[0-9]+)?")) {
            throw new IllegalArgumentException("expected a positive number of seconds (1, 0.5) or a percentage (10%),"
                    + " not '" + text + "'");
        }
        BigDecimal v = new BigDecimal(number);
        if (v.signum() == 0) {
            throw new IllegalArgumentException("the delta must be positive, not " + text);
        }
        return new Delta(relative ? v.movePointLeft(2) : v, relative);
    }

    /** How far {@code bound} moves: the amount, or the fraction of the bound. */
    public BigDecimal of(BigDecimal bound) {
        return relative ? bound.multiply(amount).stripTrailingZeros() : amount;
    }

    public Duration faster(Duration d) {
        return new Duration(down(d.min()), d.max() == null ? null : down(d.max()));
    }

    public Duration slower(Duration d) {
        return new Duration(up(d.min()), d.max() == null ? null : up(d.max()));
    }

    /** Only the maximum grows: the question of the max-slack. */
    public Duration longerMax(Duration d) {
        return new Duration(d.min(), d.max() == null ? null : up(d.max()));
    }

    /** Only the minimum shrinks: the question of the min-slack. */
    public Duration shorterMin(Duration d) {
        return new Duration(down(d.min()), d.max());
    }

    private BigDecimal up(BigDecimal v) {
        return v.add(of(v)).stripTrailingZeros();
    }

    private BigDecimal down(BigDecimal v) {
        BigDecimal r = v.subtract(of(v));
        return r.signum() < 0 ? BigDecimal.ZERO : r.stripTrailingZeros();
    }

    @Override
    public String toString() {
        return relative ? amount.movePointRight(2).stripTrailingZeros().toPlainString() + "%"
                : amount.stripTrailingZeros().toPlainString() + " s";
    }

    /** Rounding for display only. */
    static BigDecimal round(BigDecimal v) {
        return v.setScale(6, RoundingMode.HALF_EVEN).stripTrailingZeros();
    }
}
