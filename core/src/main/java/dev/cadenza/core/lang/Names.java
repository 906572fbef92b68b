package dev.cadenza.core.lang;

import dev.cadenza.core.model.SourcePosition;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/** The wording shared by validation messages: unknown names with the known ones, duplicates. */
final class Names {

    private Names() {
    }

    /** {@code unknown place 'runing' in component Server; places are undeployed, allocated, running}. */
    static String unknown(String what, String name, String where, String plural, List<String> known) {
        return "unknown " + what + " '" + name + "'" + (where.isEmpty() ? "" : " in " + where) + "; "
                + listing(plural, known);
    }

    /** {@code places are a, b} or {@code there are no places}. */
    static String listing(String plural, List<String> known) {
        return known.isEmpty() ? "there are no " + plural : plural + " are " + String.join(", ", known);
    }

    /** Reports every element whose name an earlier element already has. */
    static <T> void duplicates(List<T> elements, Function<T, String> name, Function<T, SourcePosition> position,
                               String what, String where, Consumer<Problem> report) {
        Map<String, SourcePosition> first = new HashMap<>();
        for (T e : elements) {
            SourcePosition earlier = first.putIfAbsent(name.apply(e), position.apply(e));
            if (earlier != null) {
                report.accept(Problem.error(position.apply(e), "duplicate " + what + " '" + name.apply(e) + "'" + where
                        + "; the first is at " + earlier + ", give this one another name"));
            }
        }
    }
}
