package dev.cadenza.petri.reach;

import dev.cadenza.petri.PetriNet;
import dev.cadenza.petri.testing.MccModels;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every small MCC model with an oracle row gives exactly the contest's markings and edges. */
class MccOracleTest {

    static List<Arguments> smallModels() throws IOException {
        return MccModels.oracleRows();
    }

    @ParameterizedTest(name = "{0}: {1} markings, {2} edges")
    @MethodSource("smallModels")
    void matchesTheOracle(String model, long states, long edges) throws IOException {
        PetriNet net = MccModels.read(model);
        ExplorationStatistics s = MarkingGraphExplorer.explore(net).statistics();
        assertAll(
                () -> assertTrue(s.complete(), "complete"),
                () -> assertEquals(states, s.markings(), "markings"),
                () -> assertEquals(edges, s.edges(), "edges"));
    }
}
