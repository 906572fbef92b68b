package dev.cadenza.cli;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real output of every command with {@code --json}, on the examples, at limits and on broken
 * input, is one line of JSON valid against docs/cadenza.schema.json, with the exit code it says.
 * Commands added later put their outputs in {@link #everyCommand()}'s list.
 */
class JsonSchemaTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final Schema SCHEMA = schema();

    @TempDir
    Path dir;

    private static Schema schema() {
        Path p = Path.of(CliRun.example("server-client.cdz")).getParent().getParent().resolve("docs/cadenza.schema.json");
        try (InputStream in = Files.newInputStream(p)) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Validates one run's stdout; returns it parsed. */
    static JsonNode valid(CliRun r, String what) {
        String out = r.out();
        assertTrue(out.endsWith("\n") && out.indexOf('\n') == out.length() - 1, what + ": one line: " + out);
        List<Error> errors = SCHEMA.validate(out, InputFormat.JSON);
        assertTrue(errors.isEmpty(), what + ": " + errors + "\n" + out);
        JsonNode o = MAPPER.readTree(out);
        assertEquals(r.exit(), o.get("exit").asInt(), what + ": the exit code in the object is the process's");
        return o;
    }

    private String write(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f.toString();
    }

    private static final String DEADLOCK = """
            component A {
              places a0, a1
              initial a0
              behavior deploy { go: a0 -> a1 [1, 2] }
              use other by go
            }
            component B {
              places b0, b1
              initial b0
              behavior deploy { go: b0 -> b1 [1, 2] }
              provide ready from b1
              use other by go
              provide mine from b1
            }
            assembly loop {
              a: A
              b: B
              connect b.ready -> a.other
              connect b.mine -> b.other
            }
            verify loop {
              deployable
              parallel a, b
              bounds
              within 3
            }
            """;

    @Test
    void everyCommand() throws IOException {
        String sc = CliRun.example("server-client.cdz");
        String galera = CliRun.example("galera.cdz");
        String net = write("n.net", "net n\ntr a [1,2] p -> q\ntr b [0,3] q -> r\npl p (1)\n");
        String loop = write("loop.net", "net loop\ntr a [1,2] p -> p\ntr b [0,w[ p -> q\npl p (1)\n");
        String untimed = write("u.net", "net u\ntr a p -> q\ntr b q -> p\npl p (1)\n");
        String deadlock = write("deadlock.cdz", DEADLOCK);
        // every property kind, queries (timed, untimed CTL, EF with a witness) and responses (one violated)
        String queries = write("queries.cdz", Files.readString(Path.of(sc)).replace(
                "  query \"AG not (c.running and not s.running)\"\n",
                "  query \"AG not (c.running and not s.running)\"\n  query untimed \"AG (s.allocated -> AF c.running)\"\n"
                        + "  query \"EF c.running\"\n  response s.allocated leads to c.running within 8\n"
                        + "  response s.allocated leads to c.running within 2\n"));
        List<String[]> runs = new ArrayList<>(List.of(
                new String[] {"check", sc},
                new String[] {"check", deadlock},
                new String[] {"check", write("race.cdz", CheckCommandTest.ZERO_TIME_RACE)},
                new String[] {"check", queries},
                new String[] {"check", galera, "--max-classes", "700"},
                new String[] {"check", sc, "--max-classes", "40"},
                new String[] {"check", sc, "--timeout", "0.001"},
                new String[] {"report", sc, "-o", dir.resolve("r.html").toString()},
                new String[] {"bounds", sc},
                new String[] {"bounds", sc, "--windows"},
                new String[] {"bounds", sc, "--program", "maintain"},
                new String[] {"bounds", sc, "--max-classes", "5"},
                new String[] {"bounds", sc, "--assembly", "pair"},
                new String[] {"bounds", deadlock},
                new String[] {"bounds", net},
                new String[] {"bounds", net, "--target", "r >= 1"},
                new String[] {"bounds", net, "--target", "p >= 2"},
                new String[] {"bounds", loop, "--target", "q >= 1"},
                new String[] {"bounds", net, "--max-classes", "1"},
                new String[] {"explore", net},
                new String[] {"explore", untimed},
                new String[] {"explore", untimed, "--untimed", "--witness", "dead"},
                new String[] {"explore", loop, "--max-classes", "2"},
                new String[] {"gantt", sc, "-o", dir.resolve("g.svg").toString()},
                new String[] {"gantt", sc, "-o", dir.resolve("g2.svg").toString(), "--max-classes", "3"},
                new String[] {"draw", sc, "-o", dir.resolve("d.dot").toString()},
                new String[] {"draw", net, "-o", dir.resolve("n.dot").toString()},
                new String[] {"export", sc, "--format", "net"},
                new String[] {"export", sc, "--format", "dot", "-o", dir.resolve("e.dot").toString()},
                new String[] {"simulate", sc, "--runs", "20", "-o", dir.resolve("h.svg").toString()},
                new String[] {"simulate", deadlock, "--runs", "3"},
                new String[] {"simulate", sc, "--runs", "3", "--max-classes", "5"},
                new String[] {"run", sc, "--dry-run", "--speed", "1000", "--trace", dir.resolve("t1.json").toString()},
                new String[] {"run", sc, "--dry-run", "--speed", "1000", "--seed", "2", "--trace",
                        dir.resolve("t2.json").toString(), "-o", dir.resolve("run.svg").toString()},
                new String[] {"run", deadlock, "--dry-run", "--speed", "1000"},
                new String[] {"sensitivity", sc},
                new String[] {"sensitivity", sc, "--max-classes", "5"},
                new String[] {"calibrate", sc, dir.resolve("t1.json").toString(), dir.resolve("t2.json").toString()},
                new String[] {"calibrate", sc, dir.resolve("t1.json").toString(), dir.resolve("t2.json").toString(),
                        "--holdout", "1", "-o", dir.resolve("calibrated.cdz").toString()},
                // errors: the envelope and the error
                new String[] {"check", dir.resolve("missing.cdz").toString()},
                new String[] {"check", write("bad.cdz", "component C {\n  places a\n  initial b\n}\n")},
                new String[] {"bounds", net, "--target", "p >= "},
                new String[] {"explore", write("bad.net", "net x\ntr a [2,1] p -> q\n")},
                new String[] {"export", sc, "--format", "net", "--program", "maintain", "--max-classes", "3"},
                new String[] {"check", sc, "--max-classes", "0"},
                new String[] {"sensitivity", sc, "--delta", "much"},
                new String[] {"simulate", dir.resolve("missing.cdz").toString()},
                new String[] {"run", sc, "--dry-run", "--trace", dir.resolve("nodir/t.json").toString()},
                new String[] {"calibrate", sc, dir.resolve("missing.json").toString()}));
        for (String[] args : runs) {
            String[] withJson = java.util.Arrays.copyOf(args, args.length + 1);
            withJson[args.length] = "--json";
            CliRun r = CliRun.of(withJson);
            String what = String.join(" ", args);
            JsonNode o = valid(r, what);
            assertEquals(args[0], o.get("command").asString(), what);
        }
    }

    /** {@code run --trace} writes the run in the one shape of runs and counterexamples (verify.trace.Run). */
    @Test
    void theTraceFileHoldsTheRunInTheShapeOfEveryRun() throws IOException {
        Path trace = dir.resolve("t.json");
        JsonNode o = valid(CliRun.of("run", CliRun.example("server-client.cdz"), "--dry-run", "--speed", "1000",
                "--trace", trace.toString(), "--json"), "run --json");
        JsonNode file = MAPPER.readTree(Files.readString(trace));
        assertEquals(2, file.get("cadenza_trace").asInt());
        assertEquals(o.get("run"), file.get("run"));
        assertEquals(o.get("transitions"), file.get("transitions"));
        assertEquals("finished", file.get("run").get("end").get("kind").asString());
        assertTrue(file.get("run").get("events").size() > 0);
    }

    @Test
    void unknownIsNullNeverFalseOrInfinite() throws IOException {
        JsonNode cut = valid(CliRun.of("bounds", CliRun.example("server-client.cdz"), "--max-classes", "5", "--json"),
                "cut bounds");
        assertFalse(cut.get("complete").asBoolean());
        assertTrue(cut.get("reachable").isNull() || cut.get("reachable").asBoolean());
        assertTrue(cut.get("max").isNull());
        assertTrue(cut.get("stopped").asString().contains("--max-classes 5"));
        JsonNode full = valid(CliRun.of("bounds", CliRun.example("server-client.cdz"), "--json"), "bounds");
        assertEquals(4, full.get("min").asInt());
        assertEquals(9, full.get("max").asInt());
        assertEquals("c.install", full.get("critical_path").get(0).get("component").asString() + "."
                + full.get("critical_path").get(0).get("transition").asString());
    }

    @Test
    void aDeadlockIsAStructuredCounterexample() throws IOException {
        JsonNode o = valid(CliRun.of("check", write("deadlock.cdz", DEADLOCK), "--json"), "deadlock");
        JsonNode deployable = o.get("properties").get(0);
        assertEquals("violated", deployable.get("verdict").asString());
        // a conflict-free net: its one dead marking is reached by the earliest run (the fast path)
        assertTrue(deployable.get("answered_by").asString().matches(
                "(state classes|conflict-free net, earliest and latest runs), replayed in the executor"),
                deployable.get("answered_by").asString());
        JsonNode run = deployable.get("counterexample").get("run");
        assertEquals("deadlock", run.get("end").get("kind").asString());
        boolean waitsForProvider = false;
        for (JsonNode w : run.get("waits")) {
            if (w.get("to").isNull()) {
                for (JsonNode reason : w.get("reasons")) {
                    waitsForProvider |= reason.get("kind").asString().equals("not_served");
                }
            }
        }
        assertTrue(waitsForProvider, "what the blocked step waits for, as data: " + run);
    }

    @Test
    void exploreAlwaysCountsClassesForATinaNet() throws IOException {
        String untimed = write("u.net", "net u\ntr a p -> q\ntr b q -> p\npl p (1)\n");
        JsonNode o = valid(CliRun.of("explore", untimed, "--json"), "explore untimed intervals");
        assertEquals(o.get("markings").asLong(), o.get("classes").asLong());
        JsonNode u = valid(CliRun.of("explore", untimed, "--untimed", "--json"), "explore --untimed");
        assertFalse(u.has("classes"), "the marking graph, asked for: no classes (contract: timed only)");
    }
}
