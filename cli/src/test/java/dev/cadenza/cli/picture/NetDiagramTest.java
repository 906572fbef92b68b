package dev.cadenza.cli.picture;

import org.junit.jupiter.api.Test;

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
    void placesAreCirclesWithNameAndTokens() {
        assertTrue(line("\"p0\" [").contains("\"shape\"=\"circle\"") && line("\"p0\" [").contains("\"label\"=\"p0\\n\u25CF\u25CF\""), dot);
        assertTrue(line("\"p1\" [").contains("\"label\"=\"p1\""), dot);
        // the label where the net has one, the name as tooltip
        assertTrue(line("\"p2\" [").contains("\"label\"=\"done\"") && line("\"p2\" [").contains("\"tooltip\"=\"p2\""), dot);
    }

    @Test
    void transitionsAreBoxesWithTheirInterval() {
        assertTrue(line("\"t0\" [").contains("\"shape\"=\"box\"") && line("\"t0\" [").contains("\"label\"=\"t0\\n[1,3]\""), dot);
        // [0, w[ is the untimed default: not shown
        assertTrue(line("\"t1\" [").contains("\"label\"=\"t1\""), dot);
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
