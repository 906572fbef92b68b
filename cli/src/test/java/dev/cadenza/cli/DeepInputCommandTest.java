package dev.cadenza.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The stack overflows (2,000 nested parentheses in a {@code forbidden} predicate or a
 * {@code --target}, 3,000 nested loops, deep CTL): one positioned line and exit 2, even with a
 * small stack, never a stack trace and never exit 1.
 */
class DeepInputCommandTest {

    @TempDir
    Path dir;

    private Path serverClientWith(String from, String to) throws IOException {
        String model = Files.readString(Path.of(CliRun.example("server-client.cdz")));
        assertTrue(model.contains(from));
        Path p = dir.resolve("deep.cdz");
        Files.writeString(p, model.replaceFirst(java.util.regex.Pattern.quote(from),
                java.util.regex.Matcher.quoteReplacement(to)));
        return p;
    }

    @Test
    void deepParenthesesInAForbiddenPredicateAreOnePositionedLineEvenOnASmallStack() throws IOException {
        Path p = serverClientWith("forbidden c.running and not s.running\n  sequence",
                "forbidden " + "(".repeat(2000) + "c.running" + ")".repeat(2000) + "\n  sequence");
        CliRun r = CliRun.forked(List.of("-Xss512k"), "check", p.toString(), "--quiet");
        assertEquals(2, r.exit(), r.err());
        assertEquals(p + ":80:213: nested more than 200 levels deep (parentheses, 'not', temporal operators);"
                + " write it flatter\n", r.err());
    }

    @Test
    void deepTargetsAndDeepCtlAreOnePositionedLine() throws IOException {
        CliRun target = CliRun.of("bounds", CliRun.example("server-client.cdz"), "--target",
                "(".repeat(2000) + "c.running" + ")".repeat(2000));
        assertEquals(2, target.exit(), target.err());
        assertTrue(target.err().startsWith("--target:1:201: nested more than 200 levels deep"), target.err());
        assertEquals(1, target.err().lines().count(), target.err());

        Path ctl = serverClientWith("query \"AG not (c.running and not s.running)\"",
                "query untimed \"" + "EF ".repeat(3000) + "c.running\"");
        CliRun r = CliRun.of("check", ctl.toString());
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().matches("(?s).*deep\\.cdz:85:\\d+: nested more than 200 levels deep.*\n"), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
    }

    @Test
    void threeThousandNestedLoopsAreOnePositionedLine() throws IOException {
        StringBuilder sb = new StringBuilder("component A {\n  places a, b\n  initial a\n  behavior go { t: a -> b [1, 2] }\n}\n"
                + "program p {\n");
        for (int i = 0; i < 3000; i++) {
            sb.append(" ".repeat(i + 2)).append("for i").append(i).append(" in 1..1:\n");
        }
        sb.append(" ".repeat(3002)).append("add(x : A)\n}\n");
        Path p = dir.resolve("loops.cdz");
        Files.writeString(p, sb);
        CliRun r = CliRun.of("check", p.toString());
        assertEquals(2, r.exit(), r.err());
        assertEquals(p + ":207:203: loops nested more than 200 deep; flatten the program (a loop over a product"
                + " of ranges, or separate loops)\n", r.err());
    }

    @Test
    void aPredicateAtTheLimitIsCheckedOnASmallStack() throws IOException {
        Path p = serverClientWith("forbidden c.running and not s.running\n  sequence",
                "forbidden " + "(".repeat(199) + "c.running" + ")".repeat(199) + " and " + "not ".repeat(199)
                        + "s.running\n  sequence");
        CliRun r = CliRun.forked(List.of("-Xss512k"), "check", p.toString(), "--quiet");
        assertEquals(0, r.exit(), r.err());
    }
}
