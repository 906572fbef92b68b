package dev.cadenza.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** query (timed, untimed CTL) and response in verify blocks, through check; their bad inputs. */
class QueriesCommandTest {

    private static final String TYPES = """
            component Server {
              places undeployed, allocated, running
              initial undeployed
              behavior deploy {
                allocate: undeployed -> allocated [2, 5]
                start:    allocated  -> running   [1, 3]
              }
              provide ip data at allocated
              provide service at running
            }
            component Client {
              places off, installed, configured, running
              initial off
              behavior install {
                install:   off -> installed        [3, 6]
                configure: installed -> configured [1, 2]
                start:     configured -> running   [0, 1]
              }
              use server_ip data by configure
              use server at running
            }
            assembly pair {
              s: Server
              c: Client
              connect s.ip -> c.server_ip
              connect s.service -> c.server
            }
            """;

    @TempDir
    Path dir;

    private CliRun check(String verify, String... more) throws IOException {
        Path p = dir.resolve("m.cdz");
        Files.writeString(p, TYPES + "verify pair {\n" + verify + "}\n");
        String[] args = new String[2 + more.length];
        args[0] = "check";
        args[1] = p.toString();
        System.arraycopy(more, 0, args, 2, more.length);
        return CliRun.of(args);
    }

    @Test
    void aTimedAgViolationShowsTheRunToTheBadState() throws IOException {
        CliRun r = check("  query \"AG not c.running\"\n");
        assertEquals(1, r.exit(), r.err());
        // held to the runtime first (docs/verify.md, "Zero-time moves"): the executor makes this run
        assertTrue(r.out().contains("a run reaches a state where it does not hold (confirmed: replayed in the executor,"
                + " which follows this run and gets there at the same instant):\n"), r.out());
        assertTrue(r.out().contains("t=4        c enters running (uses s.service)"), r.out());
    }

    @Test
    void aTimedQueryTakesTheWholeRestAsItsPredicate() throws IOException {
        // AF of the conjunction, as timed queries always read (CTL would bind AF tighter than and)
        CliRun r = check("""
                  query "AF c.running and s.running"
                  query "AG (c.running -> s.running)"
                """);
        assertEquals(0, r.exit(), r.err() + r.out());
        assertTrue(r.out().matches("(?s).*query \"AF c.running and s.running\" +holds.*"), r.out());
        assertTrue(r.out().matches("(?s).*query \"AG \\(c.running -> s.running\\)\" +holds.*"), r.out());
        CliRun json = check("  query \"AF c.running and s.running\"\n", "--json");
        assertTrue(json.out().contains("every run meets it, by 9 s at the latest"), json.out());
    }

    @Test
    void untimedCtlHoldsOrShowsThePath() throws IOException {
        CliRun r = check("""
                  query untimed "AG (s.allocated -> AF c.running)"
                  query untimed "AG (c.configure running -> EF s.running)"
                  query untimed "E[not c.running U s.running]"
                  query untimed "AX s.allocate running"
                  query untimed "EG not c.running"
                """);
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.out().matches("(?s).*query untimed \"AG \\(s.allocated -> AF c.running\\)\" +holds +marking graph.*"),
                r.out());
        assertTrue(r.out().matches("(?s).*query untimed \"E\\[not c.running U s.running]\" +holds.*"), r.out());
        // one step from the start: the program's first step, after which s.allocate has not started yet
        assertTrue(r.out().contains("      a path that shows it fails (untimed):\n        #1         program: add(s : Server);"),
                r.out());
        // every maximal path (the deployment always ends) reaches c.running
        assertTrue(r.out().contains("no path from the initial marking has it (46 markings)"), r.out());
    }

    @Test
    void responseWithinTimeHoldsAndOneSecondLessFails() throws IOException {
        // by hand: s.allocated is reached at 2 at the earliest; c.running at 9 at the latest (c.install 6,
        // configure 2, start 1), and s is running by 8: 9 - 2 = 7 s at most
        CliRun r = check("""
                  response s.allocated leads to c.running within 7
                  response s.allocated leads to c.running within 6
                """, "--json");
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.out().matches("(?s).*\"name\": \"pair: response s.allocated leads to c.running within 7\", [^\\[]*"
                + "\"verdict\": \"holds\".*"), r.out());
        assertTrue(r.out().matches("(?s).*\"name\": \"pair: response s.allocated leads to c.running within 6\", [^\\[]*"
                + "\"verdict\": \"violated\".*"), r.out());
        assertTrue(r.out().contains("s.allocated holds at t=2 and c.running does not hold from then until after t=8:"),
                r.out());
    }

    @Test
    void badQueriesAreReportedAllAtOnceWithTheirPositions() throws IOException {
        CliRun r = check("""
                  query "AG (c.running -> AF s.running)"
                  query untimed "AG (c.runing -> AF s.running"
                  response c.running leads to s.runing within 2
                  response c.running within 2
                """);
        assertEquals(2, r.exit());
        String[] lines = r.err().split("\n");
        assertEquals(1, lines.length, r.err()); // a syntax error stops the parse before the rest is checked
        assertTrue(lines[0].matches(".*m.cdz:\\d+:12: expected 'leads to' after the predicate.*"), r.err());
        CliRun names = check("""
                  query "AG (c.running -> AF s.running)"
                  query untimed "AG (c.runing -> AF s.running"
                  query untimed "AG (c.runing -> AF s.running)"
                  response c.running leads to s.runing within 2
                """);
        assertEquals(2, names.exit());
        assertEquals("""
                m.cdz:29:10: a timed query is AG, EF or AF of a predicate; other CTL formulas are decided on the marking graph, without time: write query untimed "AG (c.running -> AF s.running)"
                m.cdz:30:46: expected ')' closing the '(' at column 4
                m.cdz:31:22: unknown place 'runing' of c; places are off, installed, configured, running
                m.cdz:32:31: unknown place 'runing' of s; places are undeployed, allocated, running
                """.replace("m.cdz", dir.resolve("m.cdz").toString()), names.err());
    }
}
