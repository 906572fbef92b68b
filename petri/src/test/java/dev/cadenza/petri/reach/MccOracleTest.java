package dev.cadenza.petri.reach;

import dev.cadenza.petri.PetriNet;
import dev.cadenza.petri.io.PnmlReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every small MCC model with an oracle row gives exactly the contest's markings and edges. */
class MccOracleTest {

    private static final String DIR = "/mcc/small/";

    static List<Arguments> smallModels() throws IOException {
        List<Arguments> rows = new ArrayList<>();
        try (InputStream in = MccOracleTest.class.getResourceAsStream(DIR + "oracle.tsv")) {
            assertNotNull(in, "oracle.tsv on the test class path");
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            r.readLine(); // header: model states edges set
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] f = line.split("\t");
                if (f.length == 4 && f[3].equals("small")) {
                    rows.add(Arguments.of(f[0], Long.parseLong(f[1]), Long.parseLong(f[2])));
                }
            }
        }
        return rows;
    }

    @ParameterizedTest(name = "{0}: {1} markings, {2} edges")
    @MethodSource("smallModels")
    void matchesTheOracle(String model, long states, long edges) throws IOException {
        PetriNet net;
        try (InputStream in = MccOracleTest.class.getResourceAsStream(DIR + model + ".pnml")) {
            assertNotNull(in, model + ".pnml on the test class path");
            net = PnmlReader.read(in, model + ".pnml");
        }
        ExplorationStatistics s = MarkingGraphExplorer.explore(net).statistics();
        assertAll(
                () -> assertTrue(s.complete(), "complete"),
                () -> assertEquals(states, s.markings(), "markings"),
                () -> assertEquals(edges, s.edges(), "edges"));
    }
}
