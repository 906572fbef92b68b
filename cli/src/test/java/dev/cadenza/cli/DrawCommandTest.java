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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code cadenza draw}: loading, choosing the subject, errors. DOT output keeps these fast. */
class DrawCommandTest {

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

    private static final String MODEL = """
            component Server {
              places undeployed, running
              initial undeployed
              behavior deploy { start: undeployed -> running [1, 3] }
              provide service at running
            }
            component Client {
              places off, running
              initial off
              behavior install { start: off -> running [0, 1] }
              use server by start
            }
            program deploy {
              add(s : Server)
              add(c : Client)
              con(s.service, c.server)
              pushB(s, deploy)
              pushB(c, install)
              waitAll
            }
            assembly pair {
              s: Server
              c: Client
              connect s.service -> c.server
            }
            assembly alone {
              s: Server
            }
            """;

    private Path model() throws IOException {
        return Files.writeString(dir.resolve("pair.cdz"), MODEL);
    }

    private String drawn(String name) throws IOException {
        return Files.readString(dir.resolve(name));
    }

    @Test
    void aMissingFileIsOneLineAndExit2() {
        int code = run("draw", dir.resolve("nope.cdz").toString(), "-o", dir.resolve("x.svg").toString());
        assertEquals(ExitCode.BAD_INPUT, code);
        assertEquals(dir.resolve("nope.cdz") + ": no such file\n", err.toString());
        assertFalse(Files.exists(dir.resolve("x.svg")));
    }

    @Test
    void aMissingNetFileToo() {
        int code = run("draw", dir.resolve("nope.net").toString(), "-o", dir.resolve("x.dot").toString());
        assertEquals(ExitCode.BAD_INPUT, code);
        assertEquals(1, err.toString().lines().count(), err.toString());
    }

    @Test
    void theOutputIsRequiredAndItsEndingKnown() throws IOException {
        assertEquals(ExitCode.BAD_INPUT, run("draw", model().toString()));
        assertTrue(err.toString().contains("-o"), err.toString());
        assertEquals(ExitCode.BAD_INPUT, run("draw", model().toString(), "-o", dir.resolve("x.gif").toString()));
        assertTrue(err.toString().endsWith("end the file name with .svg, .png or .dot\n"), err.toString());
    }

    @Test
    void theFirstAssemblyByDefault() throws IOException {
        assertEquals(0, run("draw", model().toString(), "-o", dir.resolve("a.dot").toString()), err.toString());
        String dot = drawn("a.dot");
        assertTrue(dot.startsWith("digraph \"pair\""), dot);
        assertTrue(dot.contains("\"s#port#service\" -> \"c#port#server\""), dot);
        assertEquals("", err.toString());
    }

    @Test
    void anAssemblyByName() throws IOException {
        assertEquals(0, run("draw", model().toString(), "--assembly", "alone", "-o", dir.resolve("a.dot").toString()));
        String dot = drawn("a.dot");
        assertTrue(dot.startsWith("digraph \"alone\"") && !dot.contains("cluster_c"), dot);
    }

    @Test
    void aProgramByName() throws IOException {
        assertEquals(0, run("draw", model().toString(), "--program", "deploy", "-o", dir.resolve("p.dot").toString()));
        String dot = drawn("p.dot");
        assertTrue(dot.startsWith("digraph \"deploy\"") && dot.contains("cluster_c"), dot);
        assertTrue(dot.contains("\"c#port#server\" -> \"c#transition#start\""), dot);
    }

    @Test
    void anUnknownSubjectNamesTheKnownOnes() throws IOException {
        assertEquals(ExitCode.BAD_INPUT, run("draw", model().toString(), "--assembly", "trio", "-o", dir.resolve("a.dot").toString()));
        assertEquals(model() + ": no assembly named trio (it has pair, alone)\n", err.toString());
    }

    @Test
    void assemblyAndProgramExcludeEachOther() throws IOException {
        assertEquals(ExitCode.BAD_INPUT, run("draw", model().toString(), "--assembly", "pair", "--program", "deploy",
                "-o", dir.resolve("a.dot").toString()));
    }

    @Test
    void aTinaNet() throws IOException {
        Path net = Files.writeString(dir.resolve("n.net"), "net n\ntr t [1,2] p*2 -> q\npl p (1)\n");
        assertEquals(0, run("draw", net.toString(), "-o", dir.resolve("n.dot").toString()), err.toString());
        String dot = drawn("n.dot");
        assertTrue(dot.contains("\\n[1,2]\"") && dot.contains("\"label\"=\"2\""), dot);
    }

    @Test
    void aPnmlNet() throws IOException {
        Path pnml = dir.resolve("e.pnml");
        try (InputStream in = DrawCommandTest.class.getResourceAsStream("/Eratosthenes-PT-010.pnml")) {
            Files.copy(in, pnml);
        }
        assertEquals(0, run("draw", pnml.toString(), "-o", dir.resolve("e.dot").toString()), err.toString());
        assertTrue(drawn("e.dot").contains("\"shape\"=\"box\""));
    }

    @Test
    void aNetTakesNoSubject() throws IOException {
        Path net = Files.writeString(dir.resolve("n.net"), "net n\ntr t p -> q\npl p (1)\n");
        assertEquals(ExitCode.BAD_INPUT, run("draw", net.toString(), "--assembly", "x", "-o", dir.resolve("n.dot").toString()));
        assertTrue(err.toString().contains("apply to models"), err.toString());
    }

    @Test
    void itSaysWhichEngineLaidThePictureOut() throws IOException {
        Path svg = dir.resolve("a.svg");
        System.setProperty("cadenza.layout", "bundled");
        try {
            assertEquals(0, run("draw", model().toString(), "--quiet", "-o", svg.toString()), err.toString());
        } finally {
            System.clearProperty("cadenza.layout");
        }
        assertTrue(out.toString().startsWith(svg + ": laid out by the bundled engine (viz.js on V8;"), out.toString());
        assertTrue(out.toString().contains("apt install graphviz"), out.toString());
        assertEquals("", err.toString(), "no warning of any kind");
        assertTrue(drawn("a.svg").contains("</svg>"));
    }

    @Test
    void theDotTextNeedsNoLayout() throws IOException {
        assertEquals(0, run("draw", model().toString(), "-o", dir.resolve("a.dot").toString()));
        assertEquals(dir.resolve("a.dot") + ": the Graphviz text (no layout)\n", out.toString());
    }

    @Test
    void criticalMarksTheSlowestRunsCriticalPath() throws IOException {
        assertEquals(0, run("draw", model().toString(), "--critical", "-o", dir.resolve("c.dot").toString()), err.toString());
        String dot = drawn("c.dot");
        // s.start [1, 3] then c.start, which uses s.service: both on the path
        for (String t : new String[] {"s#transition#start", "c#transition#start"}) {
            String line = dot.lines().filter(l -> l.startsWith("\"" + t + "\" [")).findFirst().orElseThrow();
            assertTrue(line.contains("\"style\"=\"rounded,bold\""), line);
        }
        assertTrue(dot.contains("critical path (thick, framed)"), "the legend says so");
        assertFalse(drawnPlain().contains("rounded,bold"), "without --critical nothing is marked");
    }

    private String drawnPlain() throws IOException {
        assertEquals(0, run("draw", model().toString(), "-o", dir.resolve("p.dot").toString()));
        return drawn("p.dot");
    }

    @Test
    void criticalIsForModels() throws IOException {
        Path net = Files.writeString(dir.resolve("n.net"), "net n\ntr t p -> q\npl p (1)\n");
        assertEquals(ExitCode.BAD_INPUT, run("draw", net.toString(), "--critical", "-o", dir.resolve("n.dot").toString()));
        assertTrue(err.toString().contains("--critical apply to models"), err.toString());
    }
}
