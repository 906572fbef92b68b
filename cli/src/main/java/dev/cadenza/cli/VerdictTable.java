package dev.cadenza.cli;

import dev.cadenza.verify.Verifier;
import dev.cadenza.verify.property.TimeBoundsProperty;
import dev.cadenza.verify.property.Verdict;

import java.util.List;

/** The verdict table of {@code check}, with the details (runs, bounds) under their rows. */
final class VerdictTable {

    private VerdictTable() {
    }

    static String text(List<Verifier.Result> results) {
        StringBuilder sb = new StringBuilder();
        String subject = null;
        for (Verifier.Result r : results) {
            if (!r.subject().equals(subject)) {
                subject = r.subject();
                sb.append("verify ").append(subject).append('\n');
                sb.append(String.format("  %-52s %-12s %-28s %9s %9s%n", "property", "verdict", "answered by",
                        "time", "classes"));
            }
            sb.append(String.format("  %-52s %-12s %-28s %7d ms %9d%n", cut(r.property().name(), 52),
                    r.verdict().word(), r.mode(), r.millis(), r.verdict().statistics().states()));
            boolean show = !(r.verdict() instanceof Verdict.Holds) || r.property() instanceof TimeBoundsProperty;
            if (show) {
                for (String line : r.verdict().details()) {
                    sb.append("      ").append(line).append('\n');
                }
            }
        }
        return sb.toString();
    }

    private static String cut(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }
}
