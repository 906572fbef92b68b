package dev.cadenza.verify.sensitivity;

import dev.cadenza.core.model.Duration;
import dev.cadenza.verify.report.Times;
import org.apache.commons.math3.fraction.BigFraction;

/**
 * One transition of the subject in a sensitivity analysis: its interval; whether it is on a
 * critical path (of the slowest runs); its slack on the max side (how much its max can grow
 * before the total max grows) and on the min side (how much its min can shrink before the total
 * min shrinks); and the exact totals when its bounds move down ({@code faster}) and up
 * ({@code slower}) by the delta.
 */
public record TransitionSensitivity(String instance, String transition, Duration interval, boolean critical,
                                    Slack maxSlack, Slack minSlack, Scenario faster, Scenario slower) {

    public String name() {
        return instance + "." + transition;
    }

    /**
     * How much the total max moves between the two scenarios (null: unbounded in one of them, or
     * unknown): what the ranking and the tornado chart use.
     */
    public BigFraction maxSwing() {
        return swing(faster.totals().max(), slower.totals().max());
    }

    /** The same for the total min. */
    public BigFraction minSwing() {
        return swing(faster.totals().min(), slower.totals().min());
    }

    private BigFraction swing(BigFraction low, BigFraction high) {
        if (!faster.totals().complete() || !slower.totals().complete() || !faster.totals().finishes()
                || !slower.totals().finishes() || low == null || high == null) {
            return null;
        }
        return high.subtract(low);
    }

    /** {@code [141.2, 160.6]} of a scenario, {@code ?} when cut by a limit. */
    public static String text(Totals t) {
        if (!t.complete()) {
            return "?";
        }
        if (!t.finishes()) {
            return "never ends";
        }
        return "[" + Times.format(t.min()) + ", " + Times.format(t.max()) + "]";
    }
}
