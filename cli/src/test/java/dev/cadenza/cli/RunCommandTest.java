package dev.cadenza.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code cadenza run} with real shell actions: sleeps, files, a failure, a timeout, an interrupt. */
class RunCommandTest {

    @TempDir
    Path dir;

    private Path model(String text) throws IOException {
        Path p = dir.resolve("m.cdz");
        Files.writeString(p, text);
        return p;
    }

    private static final String PAIR = """
            component Server {
              places off, on
              initial off
              behavior deploy { start: off -> on [0.1, 5] action "sleep 0.2" }
              provide svc at on
            }
            component Client {
              places off, done
              initial off
              behavior deploy { touch: off -> done [0, 5] action "touch \\"$DIR/x\\"; echo $CADENZA_COMPONENT.$CADENZA_TRANSITION > \\"$DIR/who\\"" }
              use svc by touch
            }
            assembly a { s: Server  c: Client  connect s.svc -> c.svc }
            """;

    @Test
    void runsTheActionsInOrderWithTheirEnvironment() throws IOException {
        Path m = model(PAIR);
        Path trace = dir.resolve("t.json");
        Path gantt = dir.resolve("g.svg");
        CliRun r = CliRun.of("run", m.toString(), "--env", "DIR=" + dir, "--trace", trace.toString(), "-o", gantt.toString(),
                "--quiet");
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(Files.exists(dir.resolve("x")), "touch ran");
        assertEquals("c.touch", Files.readString(dir.resolve("who")).strip());
        assertTrue(r.out().contains("s.start"), r.out());
        String json = Files.readString(trace);
        assertTrue(json.contains("\"transition\": \"start\"") && json.contains("\"exit_status\": 0"), json);
        assertTrue(json.contains("\"end\": {\"kind\": \"finished\""), json);
        // the sleep took about 0.2 s; the client waited for it (its use port is served from on)
        double start = Double.parseDouble(json.replaceAll("(?s).*\"transition\": \"touch\", \"start\": ([0-9.]+).*", "$1"));
        double sEnd = Double.parseDouble(json.replaceAll("(?s).*\"transition\": \"start\", \"start\": [0-9.]+, \"end\": ([0-9.]+).*", "$1"));
        assertTrue(start >= sEnd, start + " before " + sEnd);
        assertTrue(Files.readString(gantt).contains("<svg"));
    }

    @Test
    void aFailingActionStopsTheRunAndIsNamedWithItsStatusAndOutput() throws IOException {
        Path m = model(PAIR.replace("action \"sleep 0.2\"", "action \"echo preparing; echo broken >&2; exit 3\""));
        CliRun r = CliRun.of("run", m.toString(), "--env", "DIR=" + dir, "--quiet");
        assertEquals(1, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("stopped: the action of s.start failed with exit status 3"), r.out());
        assertTrue(r.out().contains("| preparing") && r.out().contains("| broken"), r.out());
        assertFalse(Files.exists(dir.resolve("x")), "nothing starts after the failure");
    }

    @Test
    void anActionPastItsTimeoutIsStopped() throws IOException {
        Path m = model(PAIR.replace("action \"sleep 0.2\"", "action \"echo waiting; sleep 30\""));
        long t0 = System.nanoTime();
        CliRun r = CliRun.of("run", m.toString(), "--env", "DIR=" + dir, "--action-timeout", "0.5", "--quiet");
        assertEquals(1, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("exceeded its timeout of 0.5 s"), r.out());
        assertTrue(r.out().contains("| waiting"), r.out());
        assertTrue((System.nanoTime() - t0) / 1e9 < 20, "the sleep was stopped, not waited for");
    }

    @Test
    void aDryRunSleepsSampledDurationsAndFlagsNothing() throws IOException {
        Path m = model(PAIR);
        CliRun r = CliRun.of("run", m.toString(), "--dry-run", "--speed", "50", "--quiet", "--trace",
                dir.resolve("d.json").toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("(dry run, model seconds)"), r.out());
        assertFalse(Files.exists(dir.resolve("x")), "a dry run runs no action");
        assertTrue(Files.readString(dir.resolve("d.json")).contains("\"mode\": \"dry-run\""));
    }

    /** Ctrl-C: a real SIGINT to a real process; the report comes all the same. */
    @Test
    void anInterruptStopsCleanlyWithTheSameReport() throws Exception {
        Path m = model(PAIR.replace("action \"sleep 0.2\"", "action \"sleep 30\""));
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.cadenza.cli.Cadenza", "run", m.toString(),
                "--env", "DIR=" + dir, "--trace", dir.resolve("i.json").toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
        // wait until the sleep has started
        long until = System.nanoTime() + 60_000_000_000L;
        boolean started = false;
        StringBuilder err = new StringBuilder();
        var in = new java.io.BufferedReader(new java.io.InputStreamReader(p.getErrorStream()));
        String line;
        while (System.nanoTime() < until && (line = in.readLine()) != null) {
            err.append(line).append('\n');
            if (line.contains("s.start starts")) {
                started = true;
                break;
            }
        }
        assertTrue(started, err.toString());
        new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the run stops");
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(RunCommand.INTERRUPTED, p.exitValue(), out);
        assertTrue(out.contains("stopped: interrupted"), out);
        assertTrue(Files.readString(dir.resolve("i.json")).contains("\"kind\": \"stopped\""));
        assertTrue(p.descendants().findAny().isEmpty(), "the sleep was stopped too");
    }
}
