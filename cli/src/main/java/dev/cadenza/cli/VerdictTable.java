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
        // names are never cut: the column is as wide as the longest (at least 52), answered-by likewise
        int name = 52;
        int mode = 28;
        for (Verifier.Result r : results) {
            name = Math.max(name, r.property().name().length());
            mode = Math.max(mode, r.mode().length());
        }
        String header = "  %-" + name + "s %-12s %-" + mode + "s %9s %9s%n";
        String row = "  %-" + name + "s %-12s %-" + mode + "s %7d ms %9d%n";
        for (Verifier.Result r : results) {
            if (!r.subject().equals(subject)) {
                subject = r.subject();
                sb.append("verify ").append(subject).append('\n');
                sb.append(String.format(header, "property", "verdict", "answered by", "time", "classes"));
            }
            sb.append(String.format(row, r.property().name(), r.verdict().word(), r.mode(), r.millis(),
                    r.verdict().statistics().states()));
            boolean show = !(r.verdict() instanceof Verdict.Holds) || r.property() instanceof TimeBoundsProperty;
            if (show) {
                for (String line : r.verdict().details()) {
                    sb.append("      ").append(line).append('\n');
                }
            }
        }
        return sb.toString();
    }
}
