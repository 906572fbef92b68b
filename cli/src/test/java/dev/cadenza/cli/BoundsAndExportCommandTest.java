package dev.cadenza.cli;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BoundsAndExportCommandTest {

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    private static String example(String name) {
        Path p = Path.of("").toAbsolutePath();
        while (!p.resolve("examples").toFile().isDirectory()) {
            p = p.getParent();
        }
        return p.resolve("examples").resolve(name).toString();
    }

    @Test
    void boundsOfAModelAsJson() {
        CliRun r = run("bounds", example("server-client.cdz"), "--json", "--windows");
        assertEquals(0, r.exit(), r.err());
        var o = JsonSchemaTest.valid(r, "bounds --windows");
        assertEquals("deploy", o.get("subject").asString());
        assertTrue(o.get("reachable").asBoolean());
        assertEquals(4, o.get("min").asInt());
        assertEquals(9, o.get("max").asInt());
        assertEquals("c", o.get("critical_path").get(0).get("component").asString());
        assertEquals("install", o.get("critical_path").get(0).get("transition").asString());
        var start = o.get("windows").get(4);
        assertEquals("c.start [4, 9]", start.get("component").asString() + "." + start.get("transition").asString()
                + " [" + start.get("earliest_start").asInt() + ", " + start.get("latest_end").asInt() + "]");
        assertEquals("concerto", o.get("semantics").asString());
    }

    @Test
    void semanticsAndStepAreOverriddenOnTheCommandLineAndSaid() {
        CliRun r = run("bounds", example("server-client.cdz"), "--semantics", "concerto", "--step", "[0, 0]");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("deploy: (semantics concerto, step [0, 0])\n"), r.out());
        CliRun bad = run("bounds", example("server-client.cdz"), "--semantics", "madeus");
        assertEquals(2, bad.exit());
        assertEquals("cadenza bounds: --semantics is concerto or concerto-d, not 'madeus'\n", bad.err());
        // a step gives each move of the runtime up to its max in the net (docs/verify.md): the net's max
        // grows, its min stays; the runtime's state space, which takes the steps as the loop does, gives
        // the exact bounds inside them (the executor's fastest run ends at 4.06)
        CliRun stepped = run("bounds", example("server-client.cdz"), "--step", "[0.01, 0.01]");
        assertEquals(0, stepped.exit(), stepped.err());
        assertTrue(stepped.out().startsWith("deploy: (semantics concerto, step [0.01, 0.01])\n  min 4.06 s, max 9.09 s,"
                + " exact for the runtime"), stepped.out());
        assertTrue(stepped.out().contains("(the net: min 4 s, max 9.14 s;"), stepped.out());
        CliRun checked = run("check", example("server-client.cdz"), "--step", "[0, 0.05]");
        assertTrue(checked.out().contains("semantics concerto, step [0, 0.05]"), checked.out());
        CliRun reversed = run("bounds", example("server-client.cdz"), "--step", "[1, 0]");
        assertEquals(2, reversed.exit());
        assertTrue(reversed.err().contains("has its maximum below its minimum"), reversed.err());
    }

    @Test
    void boundsOfTheMaintenanceProgramStartFromTheDeployedState() {
        CliRun r = run("bounds", example("server-client.cdz"), "--program", "maintain");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("min 2 s, max 6 s"), r.out());
    }

    @Test
    void exportAsTinaNet() {
        CliRun r = run("export", example("server-client.cdz"), "--format", "net");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("net deploy\n"), r.out());
        assertTrue(r.out().contains("tr {c.install.end} [3,6] {c.install.run} -> {c.installed}"), r.out());
    }

    @Test
    void exportAsDot() {
        CliRun r = run("export", example("server-client.cdz"), "--assembly", "pair", "--format", "dot");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("digraph \"pair\" {"), r.out());
        assertTrue(r.out().contains("label=\"c.configure starts\\n[0,0]\""), r.out());
    }

    @Test
    void ganttDrawsOneRowPerTransition(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path svg = dir.resolve("deploy.svg");
        CliRun r = run("gantt", example("server-client.cdz"), "-o", svg.toString());
        assertEquals(0, r.exit(), r.err());
        String text = java.nio.file.Files.readString(svg);
        for (String row : new String[] {"s.allocate", "s.start", "c.install", "c.configure", "c.start"}) {
            assertTrue(text.contains(row), row);
        }
    }

    @Test
    void ganttOfOpenstackShowsWaitsTheCriticalPathAndWindows(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path svg = dir.resolve("o.svg");
        CliRun r = run("gantt", example("openstack.cdz"), "-o", svg.toString());
        assertEquals(0, r.exit(), r.err());
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                "(\\d+) transitions, (\\d+) on the critical path, (\\d+) waits?, (\\d+) windows").matcher(r.out());
        assertTrue(m.find(), r.out());
        int transitions = Integer.parseInt(m.group(1));
        assertTrue(Integer.parseInt(m.group(2)) >= 5, "the critical path: mariadb's chain and nova's " + r.out());
        assertTrue(Integer.parseInt(m.group(3)) > 0, "services wait for mariadb and keystone: " + r.out());
        assertEquals(transitions, Integer.parseInt(m.group(4)), "a window for every transition (conflict-free: exact and cheap)");
        String text = java.nio.file.Files.readString(svg);
        // what each waited for, named: a port (mariadb's) and a join (pull and config into pulled)
        assertTrue(text.contains(">port mariadb.mariadb"), "a port wait named");
        assertTrue(text.contains(">join "), "a join wait named");
        assertTrue(text.contains("provider mariadb.mariadb to be active"), "the full reason as a tooltip");
        assertTrue(text.contains("mariadb.bootstrap ran ") && text.contains(" (critical path)</title>"), "critical bars say so");
    }

    @Test
    void anUnknownSubjectIsBadInput() {
        CliRun r = run("export", example("server-client.cdz"), "--program", "nope", "--format", "net");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("unknown program or assembly 'nope'; there are deploy, maintain, pair"), r.err());
    }
}
