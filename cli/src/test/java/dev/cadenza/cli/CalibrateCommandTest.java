package dev.cadenza.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code cadenza calibrate}: intervals from run traces and from the OpenStack trace format, patch, model, hold-out. */
class CalibrateCommandTest {

    @TempDir
    Path dir;

    private static final String MODEL = """
            component Server {
              places off, on
              initial off
              behavior deploy {
                start: off -> on [1, 2]   # a comment that stays
              }
              provide svc at on
            }
            component Client {
              places off, done
              initial off
              behavior deploy { go: off -> done [0, 1] }
              use svc by go
            }
            assembly a { s: Server  c: Client  connect s.svc -> c.svc }
            """;

    private Path model() throws IOException {
        Path m = dir.resolve("m.cdz");
        Files.writeString(m, MODEL);
        return m;
    }

    /** Three runs of the OpenStack traces' format (one failed), and one row of another assembly. */
    private Path traces() throws IOException {
        Path t = dir.resolve("traces");
        Files.createDirectories(t);
        Files.writeString(t.resolve("transitions.tsv"), """
                cluster\tassembly\trun\tcomponent\tbehavior\ttransition\tstart_s\tend_s
                x\tdag\t0\ts\tdeploy\tstart\t0.001\t3.001
                x\tdag\t0\tc\tdeploy\tgo\t3.002\t3.502
                x\tdag\t1\ts\tdeploy\tstart\t0.001\t4.251
                x\tdag\t1\tc\tdeploy\tgo\t4.252\t4.952
                x\tdag\t2\ts\tdeploy\tstart\t0.001\t9.001
                x\tdag\t2\tc\tdeploy\tgo\t9.002\t9.102
                x\tseq\t0\ts\tdeploy\tstart\t0.001\t99.0
                """);
        Files.writeString(t.resolve("deployment_times.tsv"), """
                cluster\tassembly\trun\tfailure\ttotal_s
                x\tdag\t0\t0\t3.6
                x\tdag\t1\t0\t5.0
                x\tdag\t2\t1\t9.2
                x\tseq\t0\t0\t99.1
                """);
        return t;
    }

    @Test
    void proposesTheObservedRangeAsAPatchThatKeepsComments() throws IOException {
        CliRun r = CliRun.of("calibrate", model().toString(), traces().toString(), "--where", "assembly=dag");
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("-    start: off -> on [1, 2]   # a comment that stays"), r.out());
        assertTrue(r.out().contains("+    start: off -> on [3, 4.25]   # a comment that stays"), r.out());
        assertTrue(r.out().contains("+  behavior deploy { go: off -> done [0.5, 0.7] }"), r.out());
    }

    @Test
    void writesTheCalibratedModelAndChecksHeldOutTotals() throws IOException {
        Path out = dir.resolve("calibrated.cdz");
        CliRun r = CliRun.of("calibrate", model().toString(), traces().toString(), "--where", "assembly=dag",
                "--margin", "0.1", "-o", out.toString(), "--holdout", "1", "-q");
        String text = Files.readString(out);
        assertTrue(text.contains("start: off -> on [2.7, 4.675]"), text);
        // fitted on run 1 alone, run 0 (3.6 s) lies outside [4.025, 5.445]; and the other way round
        assertEquals(1, r.exit(), r.out() + r.err());
        assertTrue(r.out().matches("(?s).*run=0 +total 3.6 .*OUTSIDE.*"), r.out());
    }

    @Test
    void readsTheTracesRunWrites() throws IOException {
        Path m = model();
        Path t1 = dir.resolve("r1.json");
        Path t2 = dir.resolve("r2.json");
        assertEquals(0, CliRun.of("run", m.toString(), "--dry-run", "--speed", "100", "--seed", "1", "-q", "--trace",
                t1.toString()).exit());
        assertEquals(0, CliRun.of("run", m.toString(), "--dry-run", "--speed", "100", "--seed", "2", "-q", "--trace",
                t2.toString()).exit());
        // ±1 s around what was seen covers the whole of both intervals: a held-out run is inside
        CliRun r = CliRun.of("calibrate", m.toString(), t1.toString(), t2.toString(), "--json", "--holdout", "1",
                "--margin-abs", "1");
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("\"runs\": 2") && r.out().contains("\"transition\": \"Server.start\""), r.out());
        assertTrue(r.out().contains("\"inside\": true"), r.out());
    }
}
