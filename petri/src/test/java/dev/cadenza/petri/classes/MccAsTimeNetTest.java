package dev.cadenza.petri.classes;

import dev.cadenza.petri.limit.Budget;
import dev.cadenza.petri.PetriNet;
import dev.cadenza.petri.TimeInterval;
import dev.cadenza.petri.testing.MccModels;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every small MCC net read as a time Petri net with all intervals [0,w[: its state class graph
 * must reach exactly the contest's markings. With every interval [0,w[ no firing order is ever
 * excluded and every domain is the whole positive orthant, so there is one class per marking
 * and one edge per (marking, firable transition): the oracle's edges too.
 */
class MccAsTimeNetTest {

    static List<Arguments> smallModels() throws IOException {
        return MccModels.oracleRows();
    }

    @ParameterizedTest(name = "{0}: {1} markings, {2} edges")
    @MethodSource("smallModels")
    void classGraphReachesTheOraclesMarkings(String model, long states, long edges) throws IOException {
        PetriNet net = MccModels.read(model);
        for (int t = 0; t < net.transitionCount(); t++) {
            // PNML carries no time: the reader gives every transition [0,w[; make sure of it.
            assertEquals(TimeInterval.UNBOUNDED, net.transition(t).interval(), net.transition(t).name());
        }
        ClassGraphStatistics s = new StateClassGraph(net)
                .explore(Budget.ofClasses(1_000_000));
        assertAll(
                () -> assertTrue(s.complete(), "complete"),
                () -> assertEquals(states, s.markings(), "markings"),
                () -> assertEquals(states, s.classes(), "classes"),
                () -> assertEquals(edges, s.edges(), "edges"));
    }
}
