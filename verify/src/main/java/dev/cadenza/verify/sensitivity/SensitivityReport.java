package dev.cadenza.verify.sensitivity;

import dev.cadenza.verify.engine.Statistics;

import java.util.List;

/**
 * A subject's sensitivity: its totals as the model stands, the delta used, which method answered
 * ({@code critical path}: exact slacks from the longest paths; {@code state classes}: slacks as
 * bounds decided by recomputation), and one row per transition that runs, ranked: the greatest
 * effect on the total max first (then on the total min, then critical before not).
 */
public record SensitivityReport(String subject, Totals base, Delta delta, String answeredBy,
                                List<TransitionSensitivity> rows, Statistics statistics) {

    public SensitivityReport {
        rows = List.copyOf(rows);
    }

    /** False when a limit cut one of the searches: some numbers are unknown ("?"). */
    public boolean complete() {
        return statistics.complete();
    }
}
