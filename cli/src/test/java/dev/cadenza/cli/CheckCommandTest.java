package dev.cadenza.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CheckCommandTest {

    private static final String PAIR = """
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
              places off, configured, running
              initial off
              behavior install {
                configure: off -> configured [1, 2]
                start:     configured -> running   [0, 1]
              }
              use server_ip data by configure
              use server at running
            }

            program deploy {
              add(s : Server)
              add(c : Client)
              con(s.ip, c.server_ip)
              con(s.service, c.server)
              pushB(s, deploy)
              pushB(c, install)
              wait(c)
            }

            verify deploy {
              deployable
              forbidden c.running and not s.running
            }
            """;

    @TempDir
    Path dir;

    private CliRun check(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "check";
        System.arraycopy(args, 0, all, 1, args.length);
        return CliRun.of(all);
    }

    private Path file(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void aValidModelIsCheckedWithAVerdictTable() throws IOException {
        Path p = file("pair.cdz", PAIR);
        CliRun r = check(p.toString());
        assertEquals(0, r.exit(), r.err() + r.out());
        assertEquals("", r.err());
        assertTrue(r.out().startsWith(p + ": 2 component types; semantics concerto, step [0, 0] (default)\nverify deploy\n"), r.out());
        // no deadlock untimed, hence none timed: the untimed first stage answers (docs/verify.md)
        assertTrue(r.out().matches("(?s).*\n  deployable +holds +untimed marking graph, stubborn sets .*"), r.out());
        assertTrue(r.out().matches("(?s).*\n  forbidden c.running and not s.running +holds .*"), r.out());
        CliRun full = check(p.toString(), "--no-reduction");
        assertEquals(0, full.exit(), full.err() + full.out());
        assertTrue(full.out().matches("(?s).*\n  deployable +holds +state classes .*"), full.out());
    }

    @Test
    void jsonListsPropertiesWithTheirVerdicts() throws IOException {
        CliRun r = check(file("pair.cdz", PAIR).toString(), "--json");
        assertEquals(0, r.exit(), r.err());
        var o = JsonSchemaTest.valid(r, "check --json");
        assertEquals(2, o.get("subjects").get(0).get("components").asInt());
        assertEquals("deploy: deployable", o.get("properties").get(0).get("name").asString());
        assertEquals("holds", o.get("properties").get(0).get("verdict").asString());
        assertEquals("concerto", o.get("semantics").asString());
        assertEquals(0, o.get("step").get("max").asInt());
    }

    @Test
    void aViolationExitsOneWithItsRunInModelTerms() throws IOException {
        Path p = file("late.cdz", PAIR.replace("forbidden c.running and not s.running",
                "sequence s.start before c.configure"));
        CliRun r = check(p.toString());
        assertEquals(1, r.exit(), r.out());
        assertTrue(r.out().contains("c.configure starts before s.start has ended"), r.out());
        assertTrue(r.out().contains("c.configure starts (uses s.ip)"), r.out());
    }

    /**
     * Under Concerto-D the translation follows its rules: the seed's program holds (s completes in
     * the sweep it enters running, before c can), and the same program without its final wait ends
     * the process with both instances active: violated, the run telling the runtime's stop.
     */
    @Test
    void underConcertoDTheProcessEndsWithItsProgram() throws IOException {
        Path p = file("pair.cdz", PAIR);
        CliRun holds = check(p.toString(), "--semantics", "concerto-d");
        assertEquals(0, holds.exit(), holds.err() + holds.out());
        assertTrue(holds.out().startsWith(p + ": 2 component types; semantics concerto-d, step [0.05, 0.05] (default)\n"),
                holds.out());
        Path q = file("early.cdz", "semantics concerto-d\nstep [0, 0]\n" + PAIR.replace("  wait(c)\n", ""));
        CliRun stops = check(q.toString());
        assertEquals(1, stops.exit(), stops.err() + stops.out());
        assertTrue(stops.out().contains("the runtime stops before the program finishes (Concerto-D)"), stops.out());
        assertTrue(stops.out().contains("the runtime stops: the program ended while"), stops.out());
        assertTrue(stops.out().contains("replayed in the executor"), stops.out());
        CliRun json = check(q.toString(), "--json");
        assertEquals(1, json.exit(), json.err());
        var o = JsonSchemaTest.valid(json, "check --json (concerto-d, stopped)");
        assertEquals("concerto-d", o.get("semantics").asString());
        assertEquals("violated", o.get("properties").get(0).get("verdict").asString());
    }

    @Test
    void anUnknownInstanceInAPropertyIsBadInputAtItsPosition() throws IOException {
        Path p = file("typo.cdz", PAIR.replace("forbidden c.running", "forbidden x.running"));
        CliRun r = check(p.toString());
        assertEquals(2, r.exit(), r.out());
        assertEquals(p + ":35:13: unknown instance 'x'; instances are s, c\n", r.err());
    }

    @Test
    void everyProblemIsPrintedOnItsOwnLine() throws IOException {
        Path p = file("bad.cdz", PAIR
                .replace("pushB(c, install)", "pushB(c, instal)")
                .replace("con(s.service, c.server)", "con(s.service, c.server_ip)")
                .replace("wait(c)", "wait(x)"));
        CliRun r = check(p.toString());
        assertEquals(2, r.exit());
        assertEquals("", r.out());
        assertEquals(p + ":27:18: s.service is a service port but c.server_ip a data port; con ports of the same kind\n"
                + p + ":29:3: component type Client (of c) has no behavior 'instal'; behaviors are install\n"
                + p + ":30:3: wait on component 'x', which is never added before; add it with add(x : TYPE)"
                + " or start the program 'after' the one that adds it\n", r.err());
    }

    @Test
    void aSyntaxErrorIsOneLine() throws IOException {
        Path p = file("bad.cdz", PAIR.replace("wait(c)", "wait c"));
        CliRun r = check(p.toString());
        assertEquals(2, r.exit());
        assertEquals(p + ":30:8: expected '(' after wait, found 'c'\n", r.err());
    }

    @Test
    void warningsArePrintedButDoNotFail() throws IOException {
        Path p = file("warn.cdz", PAIR.replace("places off, configured, running", "places off, configured, running, lost"));
        CliRun r = check(p.toString());
        assertEquals(0, r.exit());
        assertEquals(p + ":13:36: warning: place 'lost' of component Client cannot be reached from initial place 'off'"
                + " by any transition\n", r.err());
    }

    @Test
    void aMissingFileIsBadInput() {
        Path p = dir.resolve("nope.cdz");
        CliRun r = check(p.toString());
        assertEquals(2, r.exit());
        assertEquals(p + ": no such file\n", r.err());
    }

    /** The runtime case zero-time-race (verify's runtime-cases) with a verify block. */
    static final String ZERO_TIME_RACE = """
            component P {
              places off, ready, down
              initial off
              behavior deploy {
                up: off -> ready [0, 0]
              }
              behavior stop {
                halt: ready -> down [0, 0]
              }
              behavior start {
                restart: down -> ready [1, 1]
              }
              provide svc at ready
            }
            component U {
              places u0, b, s
              initial u0
              behavior deploy {
                go: u0 -> b [0, 0]
              }
              behavior suspend {
                pause: b -> s [0, 0]
              }
              behavior resume {
                again: s -> b [0, 0]
              }
              use svc at b
            }
            program prog {
              add(p : P)
              add(u : U)
              con(p.svc, u.svc)
              pushB(p, deploy)
              pushB(u, deploy)
              wait(u)
              pushB(u, suspend)
              pushB(p, stop)
              pushB(p, start)
              pushB(u, resume)
              waitAll
            }
            verify prog {
              deployable
            }
            """;

    @Test
    void aDeadlockTheRuntimesLoopDoesNotMakeIsInconclusiveUnlessReplayIsOff() throws IOException {
        Path f = dir.resolve("race.cdz");
        Files.writeString(f, ZERO_TIME_RACE);
        // by default the runtime's state space settles it: no run of the loop deadlocks
        CliRun settled = check(f.toString());
        assertEquals(0, settled.exit(), settled.out() + settled.err());
        assertTrue(settled.out().contains("the runtime's state space"), settled.out());
        CliRun settledJson = check(f.toString(), "--json");
        assertTrue(settledJson.out().contains("no run of the runtime's loop deadlocks"), settledJson.out());
        CliRun r = check(f.toString(), "--no-state-space");
        assertEquals(3, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("inconclusive"), r.out());
        assertTrue(r.out().contains("not reproduced in the executor"), r.out());
        assertTrue(r.out().contains("the runtime may not deadlock"), r.out());
        assertTrue(r.out().contains("deadlock: a run stops before the program finishes"), "the run is shown: " + r.out());
        CliRun off = check(f.toString(), "--no-replay");
        assertEquals(1, off.exit(), off.out() + off.err());
        assertTrue(off.out().contains("violated"), off.out());
    }

    /**
     * Every verdict resting on a run of the net is held to the runtime, in text and JSON: the order
     * only the race breaks is inconclusive, and the bounds say which the runtime attains
     * (docs/verify.md, "Zero-time moves"; docs/json.md, bounds.runtime).
     */
    @Test
    void boundsAndOrdersAreHeldToTheRuntimeInTextAndJson() throws IOException {
        Path f = dir.resolve("race2.cdz");
        Files.writeString(f, ZERO_TIME_RACE.replace("  deployable\n", "  sequence p.halt before u.again\n  bounds\n"));
        CliRun text = check(f.toString(), "--no-state-space");
        assertEquals(3, text.exit(), text.out() + text.err());
        assertTrue(text.out().matches("(?s).*sequence p.halt before u.again +inconclusive +state classes, not reproduced in"
                + " the executor.*"), text.out());
        assertTrue(text.out().contains("min 1 s, max not known for the runtime (inf in the net)"), text.out());
        // the runtime's state space, where the replay leaves the max open, gives the runtime's exact bounds
        CliRun exact = check(f.toString());
        assertTrue(exact.out().contains("min 1 s, max 1 s, exact for the runtime (the runtime's state space"), exact.out());
        CliRun json = check(f.toString(), "--json");
        assertTrue(json.out().contains("\"runtime\": {\"min\": \"attained\", \"max\": \"at most\", \"note\": "),
                json.out());
        CliRun off = check(f.toString(), "--no-replay", "--json");
        assertTrue(!off.out().contains("\"runtime\""), off.out());
    }

    /** {@code cadenza bounds} holds its bounds to the runtime as {@code check} does: the same words, the same switches. */
    @Test
    void theBoundsCommandSaysWhatCheckSays() throws IOException {
        Path f = dir.resolve("race3.cdz");
        Files.writeString(f, ZERO_TIME_RACE);
        CliRun exact = CliRun.of("bounds", f.toString());
        assertEquals(0, exact.exit(), exact.out() + exact.err());
        assertTrue(exact.out().contains("min 1 s, max 1 s, exact for the runtime (the runtime's state space"), exact.out());
        assertTrue(exact.out().contains("held to the runtime: the runtime's state space"), exact.out());
        CliRun replayOnly = CliRun.of("bounds", f.toString(), "--no-state-space");
        assertTrue(replayOnly.out().contains("min 1 s, max not known for the runtime (inf in the net)"), replayOnly.out());
        CliRun json = CliRun.of("bounds", f.toString(), "--json");
        assertTrue(json.out().contains("\"runtime\": {\"min\": \"attained\", \"max\": \"at most\", \"note\": "),
                json.out());
        CliRun off = CliRun.of("bounds", f.toString(), "--no-replay", "--json");
        assertTrue(!off.out().contains("\"runtime\""), off.out());
        Path net = dir.resolve("n.net");
        Files.writeString(net, "net n\ntr t [1,2] p -> q\npl p (1)\n");
        CliRun onNet = CliRun.of("bounds", net.toString(), "--no-replay");
        assertEquals(2, onNet.exit(), onNet.out());
        assertTrue(onNet.err().contains("--no-replay applies to a model (.cdz)"), onNet.err());
    }
}
