package dev.cadenza.cli.picture;

import java.util.List;

/**
 * What a tornado chart shows: per transition (ranked, most influential first), how much the
 * total max and the total min change, in seconds, when its bounds move down ({@code faster})
 * and up ({@code slower}) by the delta named {@code deltaLabel} ({@code 10%}, {@code 1 s}).
 * A change is {@code Double.POSITIVE_INFINITY} when the total becomes unbounded and NaN when
 * it is unknown (a limit was reached, or the total was unbounded already).
 */
public record TornadoData(String title, String deltaLabel, List<Row> rows) {

    public TornadoData {
        rows = List.copyOf(rows);
    }

    /** {@code label} like {@code mariadb.pull [10.2, 12.5]}; {@code critical}: on a critical path. */
    public record Row(String label, boolean critical, double maxFaster, double maxSlower, double minFaster,
                      double minSlower) {
    }
}
