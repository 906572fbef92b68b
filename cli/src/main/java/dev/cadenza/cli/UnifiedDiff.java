package dev.cadenza.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff of two texts that differ only line for line (same number of lines: calibrate
 * rewrites intervals in place), with two lines of context, as {@code patch -p0} reads it.
 */
final class UnifiedDiff {

    private UnifiedDiff() {
    }

    static String of(String file, String before, String after) {
        List<String> a = before.lines().toList();
        List<String> b = after.lines().toList();
        if (a.size() != b.size()) {
            throw new IllegalArgumentException("line counts differ");
        }
        StringBuilder out = new StringBuilder();
        List<Integer> changed = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).equals(b.get(i))) {
                changed.add(i);
            }
        }
        if (changed.isEmpty()) {
            return "";
        }
        out.append("--- ").append(file).append('\n').append("+++ ").append(file).append('\n');
        int k = 0;
        while (k < changed.size()) {
            int from = Math.max(0, changed.get(k) - 2);
            int to = Math.min(a.size() - 1, changed.get(k) + 2);
            int j = k + 1;
            while (j < changed.size() && changed.get(j) - 2 <= to + 1) {
                to = Math.min(a.size() - 1, changed.get(j) + 2);
                j++;
            }
            int n = to - from + 1;
            out.append("@@ -").append(from + 1).append(',').append(n).append(" +").append(from + 1).append(',').append(n)
                    .append(" @@\n");
            for (int i = from; i <= to; i++) {
                if (a.get(i).equals(b.get(i))) {
                    out.append(' ').append(a.get(i)).append('\n');
                } else {
                    out.append('-').append(a.get(i)).append('\n').append('+').append(b.get(i)).append('\n');
                }
            }
            k = j;
        }
        return out.toString();
    }
}
