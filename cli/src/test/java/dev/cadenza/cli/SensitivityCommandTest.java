package dev.cadenza.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SensitivityCommandTest {

    @TempDir
    Path dir;

    private static String example(String name) {
        return ExampleFiles.example(name);
    }

    @Test
    void openStackRankedTableWithTheCriticalTransitionsFirst() {
        CliRun r = CliRun.of("sensitivity", example("openstack.cdz"), "--delta", "1");
        assertEquals(0, r.exit(), r.err());
        String[] lines = r.out().split("\n");
        assertEquals("openstack: min 141.216 s, max 160.633 s; bounds moved by 1 s; answered by critical path"
                + " (slacks exact)", lines[0]);
        assertTrue(lines[1].matches("\\s+rank\\s+transition\\s+interval\\s+critical\\s+max-slack\\s+min-slack\\s+bounds -1 s"
                + "\\s+bounds \\+1 s"), lines[1]);
        for (int i = 2; i < 11; i++) {
            assertTrue(lines[i].matches("\\s+\\d+\\s+\\S+\\s+\\[.*]\\s+yes\\s+0\\s.*"), lines[i]);
        }
        assertTrue(lines[11].matches("\\s+10\\s+\\S+\\s+\\[.*]\\s+no\\s.*"), lines[11]);
        // nothing cut: the longest name is whole
        assertTrue(r.out().contains("nova.upgrade_api_db"), r.out());
    }

    @Test
    void jsonWithSlacksAndScenarios() {
        CliRun r = CliRun.of("sensitivity", example("openstack.cdz"), "--json");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("\"subject\": \"openstack\", \"delta\": \"10%\", \"answered_by\": \"critical path\","
                + " \"complete\": true, \"classes\": 0, \"reachable\": true, \"min\": 141.216, \"max\": 160.633,"), r.out());
        assertTrue(r.out().contains("{\"rank\": 1, \"transition\": \"nova.cell_setup\", \"interval\": {\"min\": 34.428,"
                + " \"max\": 46.218}, \"critical\": true, \"max_slack\": {\"kind\": \"exact\", \"value\": 0},"), r.out());
        assertTrue(r.out().contains("\"transition\": \"keystone.deploy\""), r.out());
        assertTrue(r.out().contains("\"max_slack\": {\"kind\": \"exact\", \"value\": 7.715}"), r.out());
        assertTrue(r.out().endsWith("\"overrides\": [], \"exit\": 0}\n"), r.out());
    }

    @Test
    void stateClassesWithAnOverrideAndATornadoChart() throws IOException {
        Path svg = dir.resolve("t.svg");
        CliRun r = CliRun.of("sensitivity", example("server-client.cdz"), "--program", "deploy", "--delta", "1",
                "--interval", "s.start=[1,1]", "-o", svg.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("what-if: --interval s.start=[1,1]: s.start [1, 3] -> [1, 1]"), r.out());
        assertTrue(r.out().contains("answered by state classes (slacks as bounds: >= d, < d)"), r.out());
        assertTrue(r.out().matches("(?s).*\\n\\s+\\d+\\s+c\\.install\\s+\\[3, 6]\\s+yes\\s+< 1\\s+< 1\\s+\\[3, 8]\\s+\\[5, 10]\\n.*"),
                r.out());
        String text = Files.readString(svg);
        assertTrue(text.startsWith("<?xml") && text.contains("c.install [3, 6]"), text);
        Path png = dir.resolve("t.png");
        CliRun p = CliRun.of("sensitivity", example("server-client.cdz"), "-o", png.toString());
        assertEquals(0, p.exit(), p.err());
        assertTrue(Files.size(png) > 10_000);
    }

    @Test
    void badInput() {
        CliRun delta = CliRun.of("sensitivity", example("server-client.cdz"), "--delta", "ten%");
        assertEquals(2, delta.exit());
        assertEquals("cadenza sensitivity: --delta: expected a positive number of seconds (1, 0.5) or a percentage"
                + " (10%), not 'ten%'\n", delta.err());
        CliRun zero = CliRun.of("sensitivity", example("server-client.cdz"), "--delta", "0%");
        assertEquals(2, zero.exit());
        CliRun out = CliRun.of("sensitivity", example("server-client.cdz"), "-o", dir.resolve("t.pdf").toString());
        assertEquals(2, out.exit());
        assertTrue(out.err().contains("end the file name with .svg or .png"), out.err());
        CliRun program = CliRun.of("sensitivity", example("server-client.cdz"), "--program", "nope");
        assertEquals(2, program.exit());
        assertTrue(program.err().contains("unknown program or assembly 'nope'"), program.err());
        CliRun name = CliRun.of("sensitivity", example("server-client.cdz"), "--interval", "q.start=[1,1]");
        assertEquals(2, name.exit());
        assertTrue(name.err().startsWith("--interval:1:1: unknown instance or component type 'q'"), name.err());
    }

    @Test
    void aLimitMakesItInconclusive() {
        CliRun r = CliRun.of("sensitivity", example("server-client.cdz"), "--program", "deploy", "--max-classes", "5");
        assertEquals(3, r.exit(), r.err() + r.out());
        assertTrue(r.out().contains("a limit was reached"), r.out());
    }
}
