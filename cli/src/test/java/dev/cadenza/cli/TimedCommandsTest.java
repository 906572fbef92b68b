package dev.cadenza.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TimedCommandsTest {

    @TempDir
    Path dir;

    private CliRun run(String... args) {
        return CliRun.of(args);
    }

    private String net(String text) throws IOException {
        Path p = dir.resolve("n.net");
        Files.writeString(p, text);
        return p.toString();
    }

    @Test
    void exploreCountsClassesAsJson() throws IOException {
        String f = net("tr a [1,2] p -> q\ntr b [0,3] r -> s\npl p (1)\npl r (1)\n");
        CliRun r = run("explore", f, "--json");
        assertEquals(0, r.exit());
        // a first, b first, or both at the same instant differ in their residual domains
        var o = JsonSchemaTest.valid(r, "explore");
        assertEquals(4, o.get("classes").asInt());
        assertEquals(4, o.get("markings").asInt());
        assertEquals(1, o.get("dead").asInt());
        assertTrue(o.get("complete").asBoolean());
        CliRun u = run("explore", f, "--untimed", "--json");
        // --untimed is the packed marking-graph explorer (untimed branch), with its own fields
        var m = JsonSchemaTest.valid(u, "explore --untimed");
        assertEquals(4, m.get("markings").asInt());
        assertEquals(4, m.get("edges").asInt());
        assertEquals(1, m.get("dead").asInt());
        assertTrue(m.get("complete").asBoolean());
    }

    @Test
    void boundsWithTargetAndTraces() throws IOException {
        String f = net("tr a [1,2] p -> q\ntr b [1/2,3] q -> r\npl p (1)\n");
        CliRun r = run("bounds", f, "--json");
        assertEquals(0, r.exit(), r.err());
        var o = JsonSchemaTest.valid(r, "bounds");
        assertEquals("termination", o.get("target").asString());
        assertTrue(o.get("reachable").asBoolean());
        assertEquals("1.5", o.get("min").asString());
        assertEquals("5", o.get("max").asString());
        assertTrue(o.get("min_attained").asBoolean() && o.get("max_attained").asBoolean());
        assertEquals("a@1 b@1.5", steps(o.get("min_run")));
        assertEquals("a@2 b@5", steps(o.get("max_run")));
        assertTrue(o.get("complete").asBoolean());
        CliRun t = run("bounds", f, "--target", "q >= 1");
        assertTrue(t.out().contains("min        1\nmax        2\n"), t.out());
        assertTrue(t.out().contains("  t=1  fire a\n"), t.out());
        CliRun never = run("bounds", f, "--target", "q >= 2", "--json");
        assertTrue(never.out().contains("\"reachable\": false"), never.out());
        CliRun inf = run("bounds", net("tr a [1,w[ p -> q\npl p (1)\n"), "--json");
        assertTrue(inf.out().contains("\"max\": \"inf\""), inf.out());
        assertTrue(inf.out().contains("\"max_run\": null"), inf.out());
    }

    /** {@code a@1 b@1.5}: a net run's fired transitions and times. */
    private static String steps(tools.jackson.databind.JsonNode run) {
        StringBuilder b = new StringBuilder();
        for (var e : run.get("events")) {
            b.append(b.length() == 0 ? "" : " ").append(e.get("transition").asString()).append('@')
                    .append(e.get("time").asString());
        }
        return b.toString();
    }

    @Test
    void badInputIsOneLineAndExit2() throws IOException {
        String f = net("tr a [1,2] p -> q\npr a > a\n");
        CliRun r = run("explore", f);
        assertEquals(2, r.exit());
        assertEquals(f + ":2:1: priorities (pr) are not supported: cadenza computes state classes without"
                + " priorities; remove the pr declaration\n", r.err());
        CliRun p = run("bounds", net("tr a [1,2] p -> q\npl p (1)\n"), "--target", "p >= 1 &&");
        assertEquals(2, p.exit());
        assertEquals("--target:1:10: expected a place name or a number, found the end\n", p.err());
        assertEquals(2, run("bounds", dir.resolve("none.net").toString()).exit());
    }

    @Test
    void limitGivesExit3AndPartialStatistics() throws IOException {
        String f = net("tr a [0,1] p -> p\ntr b [0,2] q -> q\ntr c [1,3] r -> r\npl p (1)\npl q (1)\npl r (1)\n");
        CliRun r = run("explore", f, "--max-classes", "3", "--json");
        assertEquals(3, r.exit());
        assertTrue(r.out().contains("\"complete\": false, \"stopped\": \"the class budget of the command (--max-classes 3) was used up\""), r.out());
        assertEquals(3, run("bounds", f, "--target", "p >= 2", "--max-classes", "2").exit());
    }
}
