package dev.cadenza.cli.picture;

import dev.cadenza.petri.Arc;
import dev.cadenza.petri.PetriNet;
import dev.cadenza.petri.TimeInterval;
import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NetDiagramTest {

    private final String dot = GraphvizRenderer.dot(NetDiagram.of(Fixtures.smallNet()));

    private String line(String start) {
        for (String line : dot.split("\n")) {
            if (line.startsWith(start)) {
                return line;
            }
        }
        throw new AssertionError("no line starting " + start + " in\n" + dot);
    }

    @Test
    void placesAreSmallCirclesWithTheirTokensInsideAndTheirNameBeside() {
        String p0 = line("\"p0\" [");
        assertTrue(p0.contains("\"shape\"=\"circle\"") && p0.contains("\"fixedsize\"=\"true\""), p0);
        assertTrue(p0.contains("\"label\"=\"\u25CF\u25CF\"") && p0.contains("\"xlabel\"=\"p0\""), p0);
        assertTrue(line("\"p1\" [").contains("\"label\"=\"\""), dot);
        // the label where the net has a short one, both in the tooltip
        String p2 = line("\"p2\" [");
        assertTrue(p2.contains("\"xlabel\"=\"done\"") && p2.contains("\"tooltip\"=\"done (p2)\""), p2);
    }

    @Test
    void aLongLabelGivesWayToTheName() {
        assertEquals("s.allocate.id", NetDiagram.shown("s.allocate.id", "s.allocate ended, waiting to enter its destination"));
        assertEquals("Idle philosopher 3", NetDiagram.shown("P_12", "Idle philosopher 3"));
        assertEquals("p", NetDiagram.shown("p", null));
    }

    @Test
    void transitionsAreBoxesWithTheirInterval() {
        assertTrue(line("\"t0\" [").contains("\"shape\"=\"box\"") && line("\"t0\" [").contains("\"label\"=\"t0\\n[1,3]\""), dot);
        // [0, w[ is the untimed default: not shown
        assertTrue(line("\"t1\" [").contains("\"label\"=\"t1\""), dot);
    }

    @Test
    void immediateTransitionsAreBarsNamedBesideAndPlacesWithoutArcsAreListed() {
        PetriNet.Builder b = PetriNet.builder("n");
        int a = b.place("a", 1);
        int c = b.place("c", 0);
        b.place("lonely", 4);
        b.place("x", "a label far too long to stand beside a small circle", 0);
        b.transition("go", TimeInterval.closed(0, 0), List.of(Arc.normal(a, 1)), List.of(Arc.normal(c, 1)));
        String text = GraphvizRenderer.dot(NetDiagram.of(b.build()));
        String go = text.lines().filter(l -> l.startsWith("\"t0\" [")).findFirst().orElseThrow();
        assertTrue(go.contains("\"fillcolor\"=\"black\"") && go.contains("\"xlabel\"=\"go\"") && go.contains("\"label\"=\"\""), go);
        assertFalse(text.contains("\"p2\" [") || text.contains("\"p3\" ["), "places without arcs are not nodes: " + text);
        assertTrue(text.contains("2 places with no arc (not drawn): lonely (4), x\\l"), text);
    }

    @Test
    void boundsAreDecimalsWhereTheyEnd() {
        assertEquals("4.677", NetDiagram.decimal(new BigFraction(4677, 1000)));
        assertEquals("1/3", NetDiagram.decimal(new BigFraction(1, 3)));
        assertEquals("\n]0,24.472]", NetDiagram.interval(new TimeInterval(BigFraction.ZERO, true, new BigFraction(3059, 125), false)));
    }

    @Test
    void arcsShowTheirKindAndWeight() {
        assertFalse(line("\"p0\" -> \"t0\"").contains("dashed"), dot);
        assertTrue(line("\"t0\" -> \"p1\"").length() > 0);
        assertTrue(line("\"p1\" -> \"t1\"").contains("\"style\"=\"dashed\""), "read arc dashed");
        String inhibitor = line("\"p2\" -> \"t1\"");
        assertTrue(inhibitor.contains("\"arrowhead\"=\"odot\"") && inhibitor.contains("\"label\"=\"2\""), inhibitor);
        assertTrue(line("\"t1\" -> \"p2\"").contains("\"label\"=\"3\""), dot);
    }
}
