package dev.cadenza.cli;

import dev.cadenza.petri.limit.Budget;
import dev.cadenza.petri.limit.MemoryProbe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every command at every limit: a cut search is inconclusive (exit 3) with its reason and the
 * statistics so far, never a proof, a model error, a crash or an OutOfMemoryError. The cases of
 * issue 14, each as it was seen.
 */
class LimitsCommandTest {

    @TempDir
    Path dir;

    /** Fourteen independent two-step components: far too many classes for a small heap. */
    private Path many() throws IOException {
        StringBuilder s = new StringBuilder("""
                component C {
                  places a, b, c
                  initial a
                  behavior deploy {
                    t1: a -> b [1, 10]
                    t2: b -> c [1, 10]
                  }
                }
                assembly many {
                """);
        for (int i = 0; i < 14; i++) {
            s.append("  c").append(i).append(": C\n");
        }
        s.append("}\nverify many {\n  forbidden c0.c and c1.a\n  deployable\n  bounds\n}\n");
        Path f = dir.resolve("many.cdz");
        Files.writeString(f, s);
        return f;
    }

    @Test
    void aProgramAfterAnotherAtAClassLimitIsInconclusiveNotAModelError() {
        // was: exit 2, "examples/server-client.cdz:53:1: program maintain starts after deploy, which never finishes"
        CliRun r = CliRun.of("check", CliRun.example("server-client.cdz"), "--max-classes", "40");
        assertEquals(3, r.exit(), r.err());
        assertFalse(r.out().contains("never finishes"), r.out());
        // the budget may be spent before maintain's turn (then its rows say so at once, without
        // trying to settle deploy's end) or while settling deploy's end
        String maintain = r.out().substring(r.out().indexOf("verify maintain"));
        assertTrue(maintain.contains("the state where deploy ends (maintain starts there) was not settled: the class"
                + " budget of the command (--max-classes 40) was used up")
                || maintain.contains("inconclusive") && maintain.contains("the class budget of the command"
                + " (--max-classes 40) was used up"), r.out());
        assertFalse(r.err().contains("internal error"), r.err());
    }

    @Test
    void parallelAtAClassLimitIsAVerdictNotACrash() {
        // was: exit 70, "internal error: NullPointerException … "run" is null", every verdict lost
        for (String budget : List.of("200", "500", "1500")) {
            CliRun r = CliRun.of("check", CliRun.example("galera.cdz"), "--max-classes", budget, "--json");
            assertTrue(r.exit() == 1 || r.exit() == 3, budget + ": " + r.err());
            assertTrue(r.out().contains("\"verdict\": \"inconclusive\""), r.out());
            assertFalse(r.err().contains("internal error"), r.err());
        }
    }

    @Test
    void reportWritesItsPageWithTheInconclusiveRows() {
        Path page = dir.resolve("galera.html");
        CliRun r = CliRun.of("report", CliRun.example("galera.cdz"), "--max-classes", "500", "-o", page.toString());
        assertEquals(3, r.exit(), r.err());
        assertTrue(Files.isRegularFile(page));
        String html = readString(page);
        assertTrue(html.contains("class=\"verdict inconclusive\""), "inconclusive rows in the page");
    }

    @Test
    void cutBoundsNeverSayTheEndIsNeverReached() {
        // was: "deploy: the end is never reached" and "reachable": false, "min": "inf" in JSON
        // (at 60 the conflict-free fast path answers deploy's bounds completely: 54 markings)
        for (String budget : List.of("1", "5", "20", "40")) {
            CliRun text = CliRun.of("bounds", CliRun.example("server-client.cdz"), "--program", "maintain",
                    "--max-classes", budget);
            assertEquals(3, text.exit(), text.err() + text.out());
            assertFalse(text.out().contains("never"), text.out());
            assertTrue(text.out().contains("inconclusive: "), text.out());
            CliRun json = CliRun.of("bounds", CliRun.example("server-client.cdz"), "--max-classes", budget, "--json");
            assertEquals(3, json.exit(), json.err());
            assertFalse(json.out().contains("\"reachable\": false"), json.out());
            assertFalse(json.out().contains("\"inf\""), json.out());
            assertTrue(json.out().contains("\"complete\": false"), json.out());
        }
    }

    @Test
    void theTimeoutBoundsTheWholeCommand() throws IOException {
        // was: --timeout 60 ran 221 s (each search had the whole budget)
        long t0 = System.nanoTime();
        CliRun r = CliRun.of("check", many().toString(), "--timeout", "1");
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertEquals(3, r.exit(), r.err());
        assertTrue(r.out().contains("the time budget of the command (--timeout 1 s) ran out"), r.out());
        assertTrue(r.out().contains("critical path"), "what needs no search is still answered: " + r.out());
        assertTrue(seconds < 30, "well within a generous bound on a loaded machine: " + seconds);
    }

    @Test
    void aSmallHeapStopsEverySearchCleanly() throws IOException {
        // was: java.lang.OutOfMemoryError and a stack trace, exit 1, every verdict lost
        CliRun check = CliRun.forked(List.of("-Xmx64m"), "check", many().toString(), "--quiet");
        assertEquals(3, check.exit(), check.err());
        assertTrue(check.out().contains("the heap ("), check.out());
        assertTrue(check.out().contains("holds        critical path"), "the other properties keep their verdicts");
        assertFalse(check.err().contains("Exception") || check.err().contains("Error"), check.err());
        Path gen = dir.resolve("gen.net");
        Files.writeString(gen, "net gen\ntr t [1,1] p -> p q\npl p (1)\n");
        for (String command : List.of("explore", "bounds")) {
            CliRun r = CliRun.forked(List.of("-Xmx48m"), command, gen.toString(), "--quiet");
            assertEquals(3, r.exit(), command + ": " + r.err());
            assertTrue(r.out().contains("heap"), r.out());
            assertFalse(r.err().contains("Error"), r.err());
        }
    }

    @Test
    void oneArrayTooLargeForAGenerationIsRefusedBeforeItIsAllocated() throws IOException {
        // was: explore of net unbG died after 75 s in MarkingStore.rehash (OutOfMemoryError, exit 1)
        Path unbG = dir.resolve("unbG.net");
        Files.writeString(unbG, "net unbG\ntr t p -> p q*1G\npl p (1)\n");
        CliRun r = CliRun.forked(List.of("-Xmx96m", "-XX:+UseParallelGC"), "explore", unbG.toString(), "--quiet");
        assertEquals(3, r.exit(), r.err());
        assertTrue(r.out().contains("marking graph: INCOMPLETE, the heap"), r.out());
        assertEquals("", r.err());
    }

    @Test
    void theLastResortIsOneLineAndExit3() throws IOException {
        // a file so large that reading it exhausts a tiny heap, outside any guarded search
        Path big = dir.resolve("big.cdz");
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 200_000; i++) {
            s.append("# a comment line to make the file large enough for the heap to run out\n");
        }
        Files.writeString(big, s);
        CliRun r = CliRun.forked(List.of("-Xmx16m"), "check", big.toString(), "--quiet");
        assertEquals(3, r.exit(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("cadenza check: out of memory"), r.err());
    }

    @Test
    void progressLinesSayWhatIsDoneAndWhatIsLeft() {
        Budget budget = Budget.of(1_000_000, 60);
        var meter = budget.start("classes");
        meter.finish(250_000);
        MemoryProbe heap = new MemoryProbe() {
            public long maxHeap() {
                return 6L << 30;
            }

            public long usedHeap() {
                return 3L << 29;
            }

            public long largestAllocation() {
                return 4L << 30;
            }

            public void collect() {
            }
        };
        double[] now = {5};
        Progress p = new Progress(new PrintWriter(new StringWriter()), "check", budget, heap, () -> now[0]);
        String line = p.line();
        assertTrue(line.startsWith("cadenza check: 5 s, 250,000 classes (50,000/s), heap 1.5 GB of 6.0 GB, left: 750,000"
                + " classes, "), line);
        assertTrue(line.endsWith(" s"), line);
        Progress none = new Progress(new PrintWriter(new StringWriter()), "draw", null, heap, () -> 3.0);
        assertEquals("cadenza draw: 3 s, heap 1.5 GB of 6.0 GB", none.line());
        assertTrue(p.last().startsWith("cadenza check: done in 5 s, 250,000 classes, peak heap "), p.last());
    }

    @Test
    void aCommandPrintsProgressOnceItRunsLongerThanTheThreshold() throws IOException {
        CliRun r = CliRun.withProgressAfter(0, "check", many().toString(), "--timeout", "1.5");
        assertTrue(r.err().startsWith("cadenza check: 0 s, "), r.err());
        assertTrue(r.err().contains(", heap "), r.err());
        assertTrue(r.err().contains(", left: "), r.err());
        // the last line: the total and the peak heap
        assertTrue(r.err().matches("(?s).*cadenza check: done in \\d+ s, [0-9,]+ \\w+, peak heap [0-9.]+ [MG]B\\s*"),
                r.err());
        CliRun quiet = CliRun.withProgressAfter(0, "check", many().toString(), "--timeout", "1.5", "--quiet");
        assertEquals("", quiet.err());
    }

    @Test
    void everyCommandTakesQuiet() {
        for (String command : List.of("check", "bounds", "explore", "export", "gantt", "draw", "report", "simulate",
                "run", "sensitivity", "calibrate")) {
            CliRun r = CliRun.of(command, "--help");
            assertTrue(r.out().contains("--quiet"), command + ": " + r.out());
        }
    }

    @Test
    void limitsAreCheckedWhereTheyAreRead() {
        CliRun zero = CliRun.of("check", CliRun.example("server-client.cdz"), "--max-classes", "0");
        assertEquals(2, zero.exit());
        assertTrue(zero.err().startsWith("cadenza: --max-classes must be at least 1, not 0"), zero.err());
        CliRun negative = CliRun.of("bounds", CliRun.example("server-client.cdz"), "--timeout", "-1");
        assertEquals(2, negative.exit());
        assertTrue(negative.err().startsWith("cadenza: --timeout must be a positive number of seconds"), negative.err());
    }

    private static String readString(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
