package dev.cadenza.verify.execute;

import dev.cadenza.verify.Examples;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The executor is a second reading of the semantics, held apart from the first: nothing it uses
 * — its own package, the run type, and the one report class the run type uses — may reach the
 * translation to nets, the net engines or the net side of reports. (The state space of the
 * runtime's loop draws on the one limits type, {@code petri.limit.Budget}: limits, no net.)
 */
class IndependenceTest {

    private static final Pattern IMPORT = Pattern.compile("^import\\s+(static\\s+)?([\\w.]+)", Pattern.MULTILINE);
    private static final Pattern QUALIFIED = Pattern.compile("dev\\.cadenza\\.(verify\\.(translate|engine|report\\.NetRuns)"
            + "|petri(?!\\.limit\\b))\\b");

    private static List<Path> sources() throws IOException {
        Path main = Examples.root().resolve("verify/src/main/java/dev/cadenza/verify");
        List<Path> out = new ArrayList<>();
        for (String pkg : List.of("execute", "trace")) {
            try (Stream<Path> s = Files.list(main.resolve(pkg))) {
                s.filter(p -> p.toString().endsWith(".java")).forEach(out::add);
            }
        }
        out.add(main.resolve("report/Times.java"));
        return out;
    }

    @Test
    void theExecutorNeverReachesTheTranslation() throws IOException {
        List<String> bad = new ArrayList<>();
        List<Path> files = sources();
        assertTrue(files.size() > 10, files.toString());
        for (Path f : files) {
            String text = Files.readString(f);
            Matcher m = IMPORT.matcher(text);
            while (m.find()) {
                String imported = m.group(2);
                boolean ours = imported.startsWith("dev.cadenza.");
                boolean allowed = imported.startsWith("dev.cadenza.core.") || imported.startsWith("dev.cadenza.verify.execute.")
                        || imported.startsWith("dev.cadenza.verify.trace.")
                        || imported.equals("dev.cadenza.verify.report.Times")
                        || imported.equals("dev.cadenza.verify.ResolutionException")
                        // the one limits type (RuntimeStateSpace's budget): limits, not nets
                        || imported.startsWith("dev.cadenza.petri.limit.");
                if (ours && !allowed) {
                    bad.add(f.getFileName() + " imports " + imported);
                }
            }
            Matcher q = QUALIFIED.matcher(text);
            while (q.find()) {
                bad.add(f.getFileName() + " names " + q.group());
            }
        }
        assertEquals(List.of(), bad);
    }
}
