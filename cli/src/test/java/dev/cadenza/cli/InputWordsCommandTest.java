package dev.cadenza.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The inputs that got Java's words, no position or an internal error: now one positioned line, exit 2. */
class InputWordsCommandTest {

    @TempDir
    Path dir;

    private static final String HUGE = """
            component A {
              places p0, p1
              initial p0
              behavior go {
                t: p0 -> p1 [1, 99999999999999999999]
              }
            }
            program deploy {
              add(a : A)
              pushB(a, go)
              wait(a)
            }
            verify deploy {
              bounds
            }
            """;

    @Test
    void aDurationTooLargeIsOnePositionedLineForEveryCommand() throws IOException {
        Path p = dir.resolve("huge.cdz");
        Files.writeString(p, HUGE);
        String expected = p + ":5:5: the duration [1, 99999999999999999999] of transition A.t is too large: exact"
                + " analyses count time in units of 1 s, at most 2^27 = 134217728 of them; write a shorter time\n";
        for (List<String> args : List.of(List.of("check"), List.of("bounds"), List.of("explore"),
                List.of("gantt", "-o", dir.resolve("g.svg").toString()),
                List.of("report", "-o", dir.resolve("r.html").toString()),
                List.of("export", "--format", "net"), List.of("draw", "-o", dir.resolve("d.dot").toString()),
                List.of("sensitivity"), List.of("simulate", "--runs", "3"))) {
            String[] a = new String[args.size() + 1];
            a[0] = args.get(0);
            a[1] = p.toString();
            for (int i = 1; i < args.size(); i++) {
                a[i + 1] = args.get(i);
            }
            CliRun r = CliRun.of(a);
            assertEquals(2, r.exit(), args + ": " + r.err());
            assertEquals(expected, r.err(), args.toString());
        }
        assertFalse(Files.exists(dir.resolve("g.svg")));
    }

    /**
     * A weight or marking the timed engines cannot count (over 2^30) is placed where the file
     * writes it, though only the engine meets the limit (the untimed marking graph takes it).
     */
    @Test
    void aNetTooLargeForTheTimedEnginesIsPlacedInTheFile() throws IOException {
        Path p = dir.resolve("big.net");
        Files.writeString(p, "net big\ntr t [1,2] p*2000000000 -> q\npl p (2000000000)\n");
        for (String command : List.of("bounds", "explore")) {
            CliRun r = CliRun.of(command, p.toString());
            assertEquals(2, r.exit(), r.out() + r.err());
            assertEquals(p + ":2:12: the weight 2000000000 of the arc between t and p is too large for the timed"
                    + " engines (at most 2^30 tokens); the untimed marking graph takes it (cadenza explore --untimed)\n",
                    r.err());
        }
        assertEquals(0, CliRun.of("explore", p.toString(), "--untimed").exit());
        Files.writeString(p, "net big\ntr t [1,2] p -> q\npl p (2000000000)\n");
        CliRun marking = CliRun.of("bounds", p.toString());
        assertEquals(2, marking.exit(), marking.err());
        assertTrue(marking.err().startsWith(p + ":3:7: the marking 2000000000 of place p is too large"), marking.err());
    }

    @Test
    void anIntervalTooLargeOnTheCommandLineIsPlacedInTheOption() {
        CliRun r = CliRun.of("check", CliRun.example("server-client.cdz"), "--interval", "Server.allocate=[0.00001,9999]");
        assertEquals(2, r.exit(), r.err());
        assertEquals("--interval:1:1: the duration [0.00001, 9999] of transition Server.allocate (given by --interval)"
                + " is too large: exact analyses count time in units of 1/100000 s (the finest decimal of the model),"
                + " at most 2^27 = 134217728 of them; write a shorter time or fewer decimals\n", r.err());
        CliRun bounds = CliRun.of("bounds", CliRun.example("server-client.cdz"), "--interval",
                "s.allocate=[1,99999999999999999999]");
        assertEquals(2, bounds.exit(), bounds.err());
        // named as given: the instance's transition, not the type made for it (Server@s)
        assertTrue(bounds.err().startsWith("--interval:1:1: the duration [1, 99999999999999999999] of transition"
                + " s.allocate (given by --interval)"), bounds.err());
    }

    @Test
    void aModelInAnotherEncodingOrBinaryIsPlaced() throws IOException {
        Path latin = dir.resolve("latin.cdz");
        Files.write(latin, "# caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        CliRun r = CliRun.of("check", latin.toString());
        assertEquals(2, r.exit());
        assertEquals(latin + ":1:6: not UTF-8 text (byte 0xE9 here): the file is in another encoding (Latin-1?) or"
                + " not text; save it as UTF-8\n", r.err());
        Path bin = dir.resolve("bin.cdz");
        byte[] bytes = new byte[1024];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) i;
        }
        Files.write(bin, bytes);
        CliRun b = CliRun.of("check", bin.toString());
        assertEquals(2, b.exit());
        assertEquals(bin + ":1:1: this is a binary file (a NUL byte here), not a model; a model is UTF-8 text"
                + " (docs/language.md)\n", b.err());
    }

    @Test
    void aModelWithAByteOrderMarkAndCrLineEndsIsChecked() throws IOException {
        String model = Files.readString(Path.of(CliRun.example("server-client.cdz")));
        Path p = dir.resolve("cr.cdz");
        Files.writeString(p, "\uFEFF" + model.replace("\n", "\r"));
        CliRun r = CliRun.of("check", p.toString());
        CliRun plain = CliRun.of("check", CliRun.example("server-client.cdz"));
        assertEquals(0, r.exit(), r.err());
        // the same verdicts (times in ms differ from run to run)
        assertEquals(verdicts(plain.out()), verdicts(r.out()));
        assertTrue(r.out().startsWith(p + ": 2 component types"), r.out());
    }

    private static List<String> verdicts(String out) {
        return out.lines().filter(l -> l.matches("  \\S.*  (holds|violated|inconclusive) .*"))
                .map(l -> l.replaceAll("\\s+\\d+ ms\\s+\\d+$", "")).toList();
    }

    @Test
    void anUnknownDeploymentNamesTheFileAndTheOption() {
        String model = CliRun.example("server-client.cdz");
        for (String command : List.of("bounds", "gantt")) {
            CliRun r = CliRun.of(command, model, "--deployment", "nope", "-o", dir.resolve("g.svg").toString());
            CliRun b = command.equals("bounds") ? CliRun.of(command, model, "--deployment", "nope") : r;
            assertEquals(2, b.exit(), b.err());
            assertEquals(model + ": unknown deployment 'nope' (--deployment); deployments are up\n", b.err());
            assertFalse(b.err().contains("<built>"));
        }
    }

    @Test
    void anUnknownInitialPlaceIsReportedAtItsName() throws IOException {
        String model = Files.readString(Path.of(CliRun.example("server-client.cdz")));
        Path p = dir.resolve("initial.cdz");
        Files.writeString(p, model.replace("  initial undeployed", "  initial nowhere"));
        CliRun r = CliRun.of("check", p.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith(p + ":13:11: unknown place 'nowhere' in component Server"), r.err());
    }
}
