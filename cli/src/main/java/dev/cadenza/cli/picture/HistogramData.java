package dev.cadenza.cli.picture;

/**
 * What a histogram of sampled total times shows: the totals (seconds, any order), the exact
 * least and greatest total ({@code Double.NaN} when unknown, {@code Double.POSITIVE_INFINITY}
 * when unbounded) and the percentiles to mark (p50, p95).
 */
public record HistogramData(String title, double[] totals, double exactMin, double exactMax, double p50, double p95,
                            int deadlocked) {
}
