package dev.cadenza.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** export --format pnml, explore and bounds of a model directly, and their bad inputs. */
class InterchangeCommandTest {

    @TempDir
    Path dir;

    private static String example(String name) {
        return ExampleFiles.example(name);
    }

    @Test
    void pnmlExportReadsBackToTheSameMarkingGraphAsTheUntimedNet() throws IOException {
        Path pnml = dir.resolve("deploy.pnml");
        CliRun e = CliRun.of("export", example("server-client.cdz"), "--format", "pnml", "-o", pnml.toString());
        assertEquals(0, e.exit(), e.err());
        assertTrue(e.err().contains("the net has inhibitor arcs (written as TAPAAL reads them)"), e.err());
        String xml = Files.readString(pnml);
        assertTrue(xml.contains("type=\"http://www.pnml.org/version-2009/extensions/inhibitorptnet\""), xml);
        assertTrue(xml.contains("type=\"inhibitor\""), xml);
        CliRun fromPnml = CliRun.of("explore", pnml.toString(), "--json");
        CliRun fromModel = CliRun.of("explore", example("server-client.cdz"), "--untimed", "--json");
        assertEquals(0, fromPnml.exit(), fromPnml.err());
        assertEquals(0, fromModel.exit(), fromModel.err());
        String counts = "\"markings\": 51, \"edges\": 83, \"dead\": 1";
        assertTrue(fromPnml.out().contains(counts), fromPnml.out());
        assertTrue(fromModel.out().contains(counts), fromModel.out());
    }

    @Test
    void pnmlToStdout() {
        CliRun e = CliRun.of("export", example("openstack.cdz"), "--format", "pnml");
        assertEquals(0, e.exit(), e.err());
        assertTrue(e.out().startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<pnml"), e.out());
        assertTrue(e.out().contains("<place id=\"mariadb.deployed\">"), e.out());
    }

    @Test
    void exploreAModelTimedAndUntimedWithItsSubject() {
        CliRun timed = CliRun.of("explore", example("server-client.cdz"), "--program", "deploy");
        assertEquals(0, timed.exit(), timed.err());
        assertTrue(timed.out().startsWith("net deploy: 38 places, 18 transitions\nstate class graph: complete\n"),
                timed.out());
        CliRun untimed = CliRun.of("explore", example("server-client.cdz"), "--assembly", "pair", "--untimed",
                "--witness", "dead");
        assertEquals(0, untimed.exit(), untimed.err());
        assertTrue(untimed.out().startsWith("net pair:"), untimed.out());
        assertTrue(untimed.out().contains("witness (shortest firing sequence to a dead marking"), untimed.out());
        CliRun json = CliRun.of("explore", example("server-client.cdz"), "--json", "--interval", "s.start=[1,1]");
        assertTrue(json.out().startsWith("{\"command\": \"explore\"") && json.out().contains("\"classes\": "), json.out());
        assertTrue(json.err().startsWith("what-if: --interval s.start=[1,1]"), json.err());
        assertTrue(json.out().contains("\"overrides\": [{\"option\": \"--interval\", \"given\": \"s.start=[1,1]\""),
                json.out());
    }

    @Test
    void boundsOfAModelToATargetInItsNames() {
        CliRun r = CliRun.of("bounds", example("server-client.cdz"), "--target", "c.running");
        assertEquals(0, r.exit(), r.err());
        // by hand (the file's comment): c reaches running at 4 at the earliest, 9 at the latest
        assertTrue(r.out().startsWith("deploy, until c.running:\n  min 4 s, max 9 s\n  fastest run:\n"), r.out());
        CliRun json = CliRun.of("bounds", example("server-client.cdz"), "--target", "c.configure running", "--json");
        assertTrue(json.out().startsWith("{\"subject\": \"deploy\", \"target\": \"c.configure running\", \"complete\": true,"
                + " \"reachable\": true, \"min\": 3, \"max\": 6,"), json.out());
        CliRun never = CliRun.of("bounds", example("server-client.cdz"), "--target", "s.stop running");
        assertEquals(0, never.exit(), never.err());
        assertTrue(never.out().contains("never reached"), never.out());
    }

    @Test
    void badInput() throws IOException {
        CliRun typo = CliRun.of("bounds", example("server-client.cdz"), "--target", "c.runing");
        assertEquals(2, typo.exit());
        assertEquals("--target:1:1: unknown place 'runing' of c; places are off, installed, configured, running\n",
                typo.err());
        CliRun both = CliRun.of("bounds", example("server-client.cdz"), "--target", "c.running", "--windows");
        assertEquals(2, both.exit());
        CliRun format = CliRun.of("export", example("server-client.cdz"), "--format", "lola");
        assertEquals(2, format.exit());
        assertTrue(format.err().contains("--format"), format.err());
        Path net = dir.resolve("n.net");
        Files.writeString(net, "net n\ntr t [1,2] p -> q\npl p (1)\n");
        CliRun subject = CliRun.of("explore", net.toString(), "--program", "deploy");
        assertEquals(2, subject.exit());
        assertTrue(subject.err().contains("--program and --assembly apply to models (.cdz), not nets"), subject.err());
        CliRun noSuch = CliRun.of("explore", example("server-client.cdz"), "--program", "nope");
        assertEquals(2, noSuch.exit());
        assertTrue(noSuch.err().contains("unknown program or assembly 'nope'"), noSuch.err());
    }
}
