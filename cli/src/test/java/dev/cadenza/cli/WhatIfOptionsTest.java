package dev.cadenza.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code --param} and {@code --interval} on every command that reads a model: the same
 * overridden durations reach the critical-path fast path, the translation (state classes,
 * exported nets) and the pictures, and the output says what was applied.
 */
class WhatIfOptionsTest {

    /** By hand: a.t then b.u (b.u needs a's port, provided from a1): [1+3, 2+4] = [4, 6]. */
    private static final String MODEL = """
            component A {
              places a0, a1
              initial a0
              behavior d {
                t: a0 -> a1 [1, 2]
              }
              provide p from a1
            }
            component B {
              places b0, b1
              initial b0
              behavior d {
                u: b0 -> b1 [3, 4]
              }
              use q by u
            }
            assembly ab {
              a: A
              b: B
              connect a.p -> b.q
            }
            program deploy {
              param k = 1
              add(a : A)
              add(b : B)
              con(a.p, b.q)
              pushB(a, d)
              pushB(b, d)
              for i in 1..k:
                  wait(b)
            }
            verify ab {
              bounds
              within 6
            }
            verify deploy {
              bounds
            }
            """;

    @TempDir
    Path dir;
    Path model;

    @BeforeEach
    void write() throws IOException {
        model = dir.resolve("ab.cdz");
        Files.writeString(model, MODEL);
    }

    @Test
    void boundsOfTheFastPathSeeTheNewIntervals() {
        CliRun plain = CliRun.of("bounds", model.toString(), "--assembly", "ab");
        assertTrue(plain.out().contains("min 4 s, max 6 s"), plain.out());
        assertTrue(plain.out().contains("answered by: critical path"), plain.out());
        // b.u in [0, 1]: [1, 3]
        CliRun r = CliRun.of("bounds", model.toString(), "--assembly", "ab", "--interval", "b.u=[0,1]");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("what-if: --interval b.u=[0,1]: b.u [3, 4] -> [0, 1] (program deploy, assembly ab: b (B))\n"),
                r.out());
        assertTrue(r.out().contains("min 1 s, max 3 s"), r.out());
        assertTrue(r.out().contains("answered by: critical path"), r.out());
    }

    @Test
    void boundsOfTheStateClassesSeeTheNewIntervals() {
        // A.t in [5, 5], every instance: [5+3, 5+4]
        CliRun r = CliRun.of("bounds", model.toString(), "--program", "deploy", "--interval", "A.t=[5,5]");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("min 8 s, max 9 s"), r.out());
        // a program: explored on its net (the conflict-free net's runs), not the assembly's arithmetic
        assertTrue(r.out().contains("answered by: state classes")
                || r.out().contains("answered by: conflict-free net, earliest and latest runs"), r.out());
        // the instance's own interval wins over its type's
        r = CliRun.of("bounds", model.toString(), "--program", "deploy", "--interval", "A.t=[5,5]",
                "--interval", "a.t=[0,0.5]");
        assertTrue(r.out().contains("min 3 s, max 4.5 s"), r.out());
    }

    @Test
    void boundsAsJsonListTheOverrides() {
        CliRun r = CliRun.of("bounds", model.toString(), "--assembly", "ab", "--interval", "B.u=[0,inf]", "--json");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("\"overrides\": [{\"option\": \"--interval\", \"given\": \"B.u=[0,inf]\","
                + " \"target\": \"B.u\", \"was\": \"[3, 4]\", \"now\": \"[0, inf]\", \"applies_to\": [\"program deploy: b\","
                + " \"assembly ab: b\"]}]"), r.out());
        assertTrue(r.out().contains("\"max\": \"inf\""), r.out());
    }

    @Test
    void checkSaysWhatWasAppliedAndVerdictsFollow() {
        CliRun r = CliRun.of("check", model.toString(), "--interval", "b.u=[6,7]");
        assertEquals(1, r.exit(), r.err() + r.out()); // within 6 no longer holds: max 2 + 7 = 9
        assertTrue(r.out().contains("what-if: --interval b.u=[6,7]: b.u [3, 4] -> [6, 7]"), r.out());
        assertTrue(r.out().matches("(?s).*within 6 +violated.*"), r.out());
        CliRun json = CliRun.of("check", model.toString(), "--interval", "b.u=[6,7]", "--json");
        assertTrue(json.out().contains("\"overrides\": [{\"option\": \"--interval\", \"given\": \"b.u=[6,7]\""),
                json.out());
    }

    @Test
    void aParameterChangesTheUnrolledProgram() {
        CliRun r = CliRun.of("check", model.toString(), "--param", "k=3", "--json");
        assertEquals(0, r.exit(), r.err() + r.out());
        assertTrue(r.out().contains("\"target\": \"deploy.k\", \"was\": \"1\", \"now\": \"3\""), r.out());
        // 2 adds, 1 con, 2 pushB, 3 waits
        assertTrue(r.out().contains("\"instructions\": 8"), r.out());
    }

    @Test
    void exportWritesTheNewIntervalAndSaysSoOnStderr() {
        CliRun r = CliRun.of("export", model.toString(), "--format", "net", "--interval", "b.u=[0,1]");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("tr {b.u.end} [0,1]"), r.out());
        assertTrue(r.err().startsWith("what-if: --interval b.u=[0,1]"), r.err());
    }

    @Test
    void drawShowsTheNewInterval() throws IOException {
        Path dot = dir.resolve("ab.dot");
        CliRun r = CliRun.of("draw", model.toString(), "-o", dot.toString(), "--interval", "A.t=[7,8]");
        assertEquals(0, r.exit(), r.err());
        assertTrue(Files.readString(dot).contains("[7, 8]"), Files.readString(dot));
    }

    @Test
    void ganttAndReportAcceptTheOptions() throws IOException {
        Path svg = dir.resolve("g.svg");
        CliRun g = CliRun.of("gantt", model.toString(), "-o", svg.toString(), "--param", "k=2");
        assertEquals(0, g.exit(), g.err());
        assertTrue(g.err().contains("what-if: --param k=2: deploy.k 1 -> 2"), g.err());
        Path html = dir.resolve("r.html");
        CliRun rep = CliRun.of("report", model.toString(), "-o", html.toString(), "--interval", "b.u=[0,1]");
        assertEquals(0, rep.exit(), rep.err());
        assertTrue(Files.readString(html).contains("<li>what-if: --interval b.u=[0,1]: b.u [3, 4] -&gt; [0, 1]"),
                Files.readString(html));
        assertTrue(Files.readString(html).contains("<p class=\"runtime\">Held to semantics concerto, step [0, 0] (default)"),
                Files.readString(html));
    }

    @Test
    void unknownNamesArePositionedAndListWhatExists() {
        CliRun r = CliRun.of("bounds", model.toString(), "--interval", "c.u=[0,1]", "--interval", "B.v=[0,1]",
                "--param", "n=2");
        assertEquals(2, r.exit());
        assertEquals("""
                --param:1:1: unknown parameter 'n'; the parameters are k (program deploy)
                --interval:1:1: unknown instance or component type 'c'; instances are a, b; types are A, B
                --interval:2:1: unknown transition 'v' of component type B; its transitions are u
                """, r.err());
        assertEquals("", r.out());
    }

    @Test
    void malformedOptionsAreBadInput() {
        CliRun r = CliRun.of("check", model.toString(), "--interval", "b.u=[2,1]", "--param", "k=x");
        assertEquals(2, r.exit());
        assertEquals("""
                --param:1:3: expected a non-negative integer value, as in --param n=8 (in --param k=x)
                --interval:1:8: the maximum 1 is below the minimum 2 (in --interval b.u=[2,1])
                """, r.err());
    }

    @Test
    void netsRefuseTheOptions() throws IOException {
        Path net = dir.resolve("n.net");
        Files.writeString(net, "net n\ntr t [1,2] p -> q\npl p (1)\n");
        CliRun r = CliRun.of("bounds", net.toString(), "--interval", "t.x=[0,1]");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("n.net: --interval changes models (.cdz); this is a net, leave it out"), r.err());
        CliRun d = CliRun.of("draw", net.toString(), "-o", dir.resolve("n.svg").toString(), "--param", "n=1");
        assertEquals(2, d.exit());
    }
}
