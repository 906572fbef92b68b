package dev.cadenza.petri.io;

import dev.cadenza.petri.Arc;
import dev.cadenza.petri.ArcKind;
import dev.cadenza.petri.PetriNet;
import dev.cadenza.petri.TimeInterval;
import dev.cadenza.petri.Transition;
import dev.cadenza.petri.reach.ExplorationStatistics;
import dev.cadenza.petri.reach.MarkingGraphExplorer;
import dev.cadenza.petri.testing.MccModels;
import dev.cadenza.petri.testing.RandomNets;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PNML written by {@link PnmlWriter} reads back through {@link PnmlReader}: the same net when it
 * has no read arcs (times dropped), read arcs as self-loops otherwise — and in every case the
 * same marking graph.
 */
class PnmlWriterTest {

    private static PetriNet roundTrip(PetriNet net) {
        String xml = PnmlWriter.write(net);
        return PnmlReader.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "w.pnml");
    }

    @Provide
    Arbitrary<PetriNet> nets() {
        return RandomNets.anyNets();
    }

    @Property(tries = 500)
    void theMarkingGraphSurvivesAndReadArcsBecomeSelfLoops(@ForAll("nets") PetriNet net) {
        PetriNet back = roundTrip(net);
        assertEquals(net.placeCount(), back.placeCount());
        assertEquals(net.transitionCount(), back.transitionCount());
        for (int p = 0; p < net.placeCount(); p++) {
            assertEquals(net.place(p).initialTokens(), back.place(p).initialTokens());
            assertEquals(net.place(p).displayName(), back.place(p).displayName());
        }
        for (int t = 0; t < net.transitionCount(); t++) {
            assertEquals(expected(net.transition(t)), arcs(back.transition(t)), net.transition(t).toString());
            assertEquals(TimeInterval.UNBOUNDED, back.transition(t).interval());
        }
        ExplorationStatistics a = MarkingGraphExplorer.explore(net).statistics();
        ExplorationStatistics b = MarkingGraphExplorer.explore(back).statistics();
        assertEquals(a.markings(), b.markings());
        assertEquals(a.edges(), b.edges());
        assertEquals(a.dead(), b.dead());
    }

    /** Per place: [consumed, needed, inhibitor weight, produced] as the PNML net has them. */
    private static Map<Integer, List<Long>> expected(Transition t) {
        Map<Integer, long[]> m = new LinkedHashMap<>();
        for (Arc a : t.inputs()) {
            long[] x = m.computeIfAbsent(a.place(), k -> new long[4]);
            switch (a.kind()) {
                case NORMAL -> {
                    x[0] += a.weight();
                    x[1] = Math.max(x[1], a.weight());
                }
                case READ -> x[1] = Math.max(x[1], a.weight());
                case INHIBITOR -> x[2] = a.weight();
            }
        }
        for (Arc a : t.outputs()) {
            m.computeIfAbsent(a.place(), k -> new long[4])[3] += a.weight();
        }
        Map<Integer, List<Long>> out = new LinkedHashMap<>();
        m.forEach((p, x) -> {
            long need = x[1];
            long produced = x[3] + (need - x[0]);
            out.put(p, List.of(need, x[2], produced));
        });
        return sorted(out);
    }

    /** The same view of a net read back: normal arcs only (read arcs became self-loops). */
    private static Map<Integer, List<Long>> arcs(Transition t) {
        Map<Integer, long[]> m = new LinkedHashMap<>();
        for (Arc a : t.inputs()) {
            long[] x = m.computeIfAbsent(a.place(), k -> new long[3]);
            assertTrue(a.kind() != ArcKind.READ, "read arcs are written as self-loops");
            if (a.kind() == ArcKind.NORMAL) {
                x[0] += a.weight();
            } else {
                x[1] = a.weight();
            }
        }
        for (Arc a : t.outputs()) {
            m.computeIfAbsent(a.place(), k -> new long[3])[2] += a.weight();
        }
        Map<Integer, List<Long>> out = new LinkedHashMap<>();
        m.forEach((p, x) -> out.put(p, List.of(x[0], x[1], x[2])));
        return sorted(out);
    }

    private static Map<Integer, List<Long>> sorted(Map<Integer, List<Long>> m) {
        Map<Integer, List<Long>> out = new java.util.TreeMap<>(m);
        out.values().removeIf(v -> v.stream().allMatch(x -> x == 0));
        return out;
    }

    @Test
    void contestNetsComeBackEqual() throws IOException {
        for (String model : List.of("Dekker-PT-010", "FMS-PT-00002", "Eratosthenes-PT-010")) {
            PetriNet net = MccModels.read(model);
            assertEquals(net, roundTrip(net), model);
        }
    }

    @Test
    void inhibitorArcsCarryBothConventionsAndTheNetTypeSaysSo() {
        PetriNet net = PetriNet.builder("n").build();
        PetriNet.Builder b = PetriNet.builder("n");
        int p = b.place("p", 0);
        int q = b.place("q", 1);
        b.transition("t", TimeInterval.closed(1, 2), List.of(Arc.normal(q, 1), new Arc(p, 2, ArcKind.INHIBITOR)),
                List.of(Arc.normal(p, 1)));
        net = b.build();
        String xml = PnmlWriter.write(net);
        assertTrue(xml.contains("type=\"" + PnmlWriter.INHIBITOR_PTNET + "\""), xml);
        assertTrue(xml.contains("<arc id=\"a1\" source=\"p\" target=\"t\" type=\"inhibitor\"><inscription><text>2</text>"
                + "</inscription><arctype><text>inhibitor</text></arctype></arc>"), xml);
        PetriNet back = roundTrip(net);
        assertEquals(List.of(Arc.normal(q, 1), new Arc(p, 2, ArcKind.INHIBITOR)), back.transition(0).inputs());
        // without inhibitor arcs: a plain P/T net
        PetriNet plain = PetriNet.builder("m").build();
        assertTrue(PnmlWriter.write(plain).contains("type=\"" + PnmlWriter.PTNET + "\""));
    }

    @Test
    void namesThatAreNoXmlIdsBecomeLabels() {
        PetriNet.Builder b = PetriNet.builder("n");
        b.place("1 {odd}", 1);
        b.transition(new Transition("t<1>", null, TimeInterval.UNBOUNDED, List.of(Arc.normal(0, 1)), List.of()));
        PetriNet back = roundTrip(b.build());
        assertEquals("1 {odd}", back.place(0).displayName());
        assertEquals("t<1>", back.transition(0).displayName());
    }

    @Test
    void theReaderTakesTapaalsAttributeAndTheExtensionsLabelAndRefusesOtherArcTypes() {
        String head = """
                <pnml xmlns="http://www.pnml.org/version-2009/grammar/pnml"><net id="n" type="x"><page id="g">
                <place id="p"/><place id="q"><initialMarking><text>1</text></initialMarking></place><transition id="t"/>
                """;
        PetriNet a = PnmlReader.read(new ByteArrayInputStream((head
                + "<arc id=\"a\" source=\"p\" target=\"t\" type=\"inhibitor\"/>"
                + "<arc id=\"b\" source=\"q\" target=\"t\"><arctype><text>test</text></arctype></arc>"
                + "</page></net></pnml>").getBytes(StandardCharsets.UTF_8)), "a.pnml");
        assertEquals(List.of(new Arc(1, 1, ArcKind.READ), new Arc(0, 1, ArcKind.INHIBITOR)), a.transition(0).inputs());
        NetFormatException reset = assertThrows(NetFormatException.class, () -> PnmlReader.read(
                new ByteArrayInputStream((head + "<arc id=\"a\" source=\"p\" target=\"t\" type=\"reset\"/>"
                        + "</page></net></pnml>").getBytes(StandardCharsets.UTF_8)), "r.pnml"));
        assertTrue(reset.getMessage().matches("r\\.pnml:3:\\d+: arc 'a' of type 'reset'; cadenza reads normal, inhibitor"
                + " and read \\(test\\) arcs, not reset arcs"), reset.getMessage());
        NetFormatException back = assertThrows(NetFormatException.class, () -> PnmlReader.read(
                new ByteArrayInputStream((head + "<arc id=\"a\" source=\"t\" target=\"p\" type=\"inhibitor\"/>"
                        + "</page></net></pnml>").getBytes(StandardCharsets.UTF_8)), "b.pnml"));
        assertTrue(back.getMessage().contains("is an inhibitor arc from a transition"), back.getMessage());
        List<String> unused = new ArrayList<>();
        assertTrue(unused.isEmpty());
    }
}
