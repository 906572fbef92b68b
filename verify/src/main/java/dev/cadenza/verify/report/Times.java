package dev.cadenza.verify.report;

import org.apache.commons.math3.fraction.BigFraction;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Times as people read them: {@code 5}, {@code 143.81}, {@code inf} (null). */
public final class Times {

    private Times() {
    }

    public static String format(BigFraction t) {
        if (t == null) {
            return "inf";
        }
        BigDecimal d = t.bigDecimalValue(6, RoundingMode.HALF_EVEN.ordinal()).stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
    }

    /** A JSON value: a number, or the string "inf". */
    public static String json(BigFraction t) {
        return t == null ? "\"inf\"" : format(t);
    }
}
