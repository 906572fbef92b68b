package dev.cadenza.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SimulateCommandTest {

    @TempDir
    Path dir;

    private static String example(String name) {
        Path p = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(p.resolve("examples"))) {
            p = p.getParent();
        }
        return p.resolve("examples").resolve(name).toString();
    }

    @Test
    void printsTheContractFieldsAndStaysInsideTheExactBounds() {
        CliRun r = CliRun.of("simulate", example("server-client.cdz"), "--runs", "300", "--seed", "5", "--json");
        assertEquals(0, r.exit(), r.err() + r.out());
        String o = r.out();
        assertTrue(o.startsWith("{\"command\": \"simulate\", \"file\": \"" + example("server-client.cdz")
                + "\", \"output\": null, \"subject\": \"deploy\", \"runs\": 300, \"seed\": 5,"), o);
        for (String f : new String[] {"\"sampled\": {\"min\": ", "\"mean\": ", "\"p5\": ", "\"p50\": ", "\"p95\": ",
                "\"p99\": ", "\"max\": ", "\"exact\": {\"min\": 4, \"max\": 9,", "\"deadlocked\": 0", "\"outside\": 0"}) {
            assertTrue(o.contains(f), f + " in " + o);
        }
    }

    @Test
    void theSameSeedGivesTheSameNumbersWhateverTheThreads() {
        CliRun one = CliRun.of("simulate", example("openstack.cdz"), "--runs", "400", "--seed", "42", "--threads", "1",
                "--json", "--no-exact");
        CliRun many = CliRun.of("simulate", example("openstack.cdz"), "--runs", "400", "--seed", "42", "--threads", "3",
                "--json", "--no-exact");
        assertEquals(one.out(), many.out());
        CliRun other = CliRun.of("simulate", example("openstack.cdz"), "--runs", "400", "--seed", "43", "--json",
                "--no-exact");
        assertFalse(one.out().equals(other.out()));
    }

    @Test
    void drawsTheHistogramAndTellsADeadlockInModelTerms() throws IOException {
        Path model = dir.resolve("race.cdz");
        // u.call needs p.svc, which p offers from 1 to 3 only: a call prepared for too long never starts
        Files.writeString(model, """
                component P {
                  places p0, p1, p2
                  initial p0
                  behavior deploy {
                    up: p0 -> p1 [1, 1]
                    down: p1 -> p2 [2, 2]
                  }
                  provide svc at p1
                }
                component U {
                  places u0, u1, u2
                  initial u0
                  behavior deploy {
                    prep: u0 -> u1 [0, 6] ~ triangular(1)
                    call: u1 -> u2 [1, 1]
                  }
                  use svc by call
                }
                assembly race { p: P  u: U  connect p.svc -> u.svc }
                """);
        Path svg = dir.resolve("h.svg");
        CliRun r = CliRun.of("simulate", model.toString(), "--runs", "500", "-o", svg.toString());
        assertEquals(1, r.exit(), r.err() + r.out());
        assertTrue(r.out().contains("deadlocked      "), r.out());
        assertTrue(r.out().contains("u.call starts: waits for use port's provider p.svc to be active (p is in p2)"),
                r.out());
        String picture = Files.readString(svg);
        assertTrue(picture.startsWith("<?xml") && picture.contains("<svg"), picture.substring(0, 100));
        assertTrue(picture.contains("exact min"), "the exact bounds are drawn");
    }

    @Test
    void refusesAnUnboundedIntervalWithoutADistribution() throws IOException {
        Path model = dir.resolve("inf.cdz");
        Files.writeString(model, """
                component C {
                  places a, b
                  initial a
                  behavior deploy { t: a -> b [1, inf] }
                }
                assembly x { c: C }
                """);
        CliRun r = CliRun.of("simulate", model.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("inf.cdz:4:") && r.err().contains("c.t") && r.err().contains("exponential"),
                r.err());
        Files.writeString(model, Files.readString(model).replace("[1, inf]", "[1, inf] ~ exponential(2)"));
        CliRun ok = CliRun.of("simulate", model.toString(), "--runs", "50", "--no-exact");
        assertEquals(0, ok.exit(), ok.err() + ok.out());
    }
}
