package dev.cadenza.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExploreCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = Cadenza.commandLine(Double.POSITIVE_INFINITY);
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    /** A test resource copied to a real file, as the command reads paths. */
    private Path resource(String name) throws IOException {
        Path file = dir.resolve(name);
        try (InputStream in = ExploreCommandTest.class.getResourceAsStream("/" + name)) {
            Files.copy(in, file);
        }
        return file;
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void jsonOfACompleteExploration() throws IOException {
        // Eratosthenes-PT-010 has 32 markings and 120 edges in the contest's oracle.
        int code = run("explore", resource("Eratosthenes-PT-010.pnml").toString(), "--untimed", "--json");
        assertEquals(0, code, err.toString());
        String json = out.toString().trim();
        assertTrue(json.contains("\"places\": 9, \"transitions\": 8, \"graph\": \"marking graph\", \"markings\": 32,"
                + " \"edges\": 120, \"dead\": 1, \"max_tokens\": 1,"), json);
        assertTrue(json.contains("\"complete\": true"), json);
        assertTrue(json.matches(".*\"seconds\": [0-9.]+, \"statistics\": .*"), json);
        assertEquals("", err.toString());
    }

    @Test
    void witnessToADeadMarking() throws IOException {
        int code = run("explore", resource("Eratosthenes-PT-010.pnml").toString(), "--untimed", "--json",
                "--witness", "dead");
        assertEquals(0, code, err.toString());
        assertTrue(out.toString().matches("(?s).*\"witness\": \\[(\"[^\"]+\"(, )?){5}].*"), out.toString());
    }

    @Test
    void noWitnessWhenNothingIsDead() throws IOException {
        Path cycle = write("cycle.pnml", """
                <pnml><net id="cycle" type="http://www.pnml.org/version-2009/grammar/ptnet"><page id="g">
                 <place id="a"><initialMarking><text>1</text></initialMarking></place><place id="b"/>
                 <transition id="there"/><transition id="back"/>
                 <arc id="1" source="a" target="there"/><arc id="2" source="there" target="b"/>
                 <arc id="3" source="b" target="back"/><arc id="4" source="back" target="a"/>
                </page></net></pnml>
                """);
        int code = run("explore", cycle.toString(), "--json", "--witness", "dead");
        assertEquals(0, code, err.toString());
        assertTrue(out.toString().contains("\"dead\": 0"), out.toString());
        assertTrue(out.toString().contains("\"witness\": null"), out.toString());
    }

    @Test
    void textSummaryWithoutJson() throws IOException {
        int code = run("explore", resource("Eratosthenes-PT-010.pnml").toString(), "--untimed");
        assertEquals(0, code, err.toString());
        assertTrue(out.toString().contains("marking graph: complete"), out.toString());
        assertTrue(out.toString().contains("markings     32"), out.toString());
        assertTrue(out.toString().contains("edges        120"), out.toString());
    }

    @Test
    void aStateLimitPrintsWhatWasFoundAndExits3() throws IOException {
        int code = run("explore", resource("Eratosthenes-PT-010.pnml").toString(), "--untimed", "--json",
                "--max-states", "10");
        assertEquals(3, code, err.toString());
        assertTrue(out.toString().contains("\"markings\": 10,"), out.toString());
        assertTrue(out.toString().contains("\"complete\": false"), out.toString());
    }

    @Test
    void aMissingFileExits2WithOneLine() {
        Path missing = dir.resolve("absent.pnml");
        assertEquals(2, run("explore", missing.toString(), "--untimed"));
        assertEquals(missing + ": no such file" + System.lineSeparator(), err.toString());
        assertEquals("", out.toString());
    }

    @Test
    void anUnknownEndingExits2() throws IOException {
        Path net = write("model.txt", "pl p (1)\n");
        assertEquals(2, run("explore", net.toString(), "--untimed"));
        assertEquals(net + ": cannot tell the format of a file with ending .txt; net files end in .net"
                + " (TINA time Petri nets) or .pnml (PNML P/T nets)" + System.lineSeparator(), err.toString());
    }

    @Test
    void malformedPnmlExits2WithThePosition() throws IOException {
        Path bad = write("bad.pnml", "<?xml version=\"1.0\"?>\n<pnml>\n <net id=\"n\" type=\"ptnet\">\n  <place id=\"p\">\n");
        assertEquals(2, run("explore", bad.toString(), "--untimed"));
        assertEquals(bad + ":5:1: the XML ends before its elements are closed (a truncated file?);"
                + " a PNML file ends with </pnml>" + System.lineSeparator(), err.toString());
    }

    @Test
    void colouredNetExits2() throws IOException {
        Path coloured = write("c.pnml", "<pnml><net id=\"c\" type=\"http://www.pnml.org/version-2009/grammar/symmetricnet\">"
                + "</net></pnml>");
        assertEquals(2, run("explore", coloured.toString()));
        assertTrue(err.toString().startsWith(coloured + ":1:"), err.toString());
        assertTrue(err.toString().contains("a coloured net"), err.toString());
        assertEquals(1, err.toString().lines().count());
    }

    @Test
    void aBadOptionIsAUsageError() throws IOException {
        assertEquals(2, run("explore", resource("Eratosthenes-PT-010.pnml").toString(), "--witness", "alive"));
        assertTrue(err.toString().startsWith("cadenza: Invalid value for option '--witness'"), err.toString());
    }

    @Test
    void helpSaysWhatHappensWithoutUntimed() {
        assertEquals(0, run("explore", "--help"));
        assertTrue(out.toString().replaceAll("\\s+", " ").contains("even without --untimed"), out.toString());
    }
}
