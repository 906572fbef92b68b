package dev.cadenza.core.lang;

import dev.cadenza.core.model.Duration;
import dev.cadenza.core.model.Model;
import dev.cadenza.core.model.Semantics;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** {@code semantics} and {@code step}: read, defaulted, printed back. */
class RuntimeDeclarationsTest {

    @Test
    void withoutDeclarationsTheCentralizedRuntimeAtZeroCost() {
        Model m = ModelParser.parse("m.cdz", "component A { places a\n initial a }\n");
        assertEquals(Semantics.CONCERTO, m.semantics());
        assertNull(m.step());
        assertEquals(new Duration(BigDecimal.ZERO, BigDecimal.ZERO), m.effectiveStep());
    }

    @Test
    void concertoDPollsEvery50MillisecondsUnlessAStepIsGiven() {
        Model m = ModelParser.parse("m.cdz", "semantics concerto-d\ncomponent A { places a\n initial a }\n");
        assertEquals(Semantics.CONCERTO_D, m.semantics());
        assertEquals(new Duration(new BigDecimal("0.05"), new BigDecimal("0.05")), m.effectiveStep());
        Model stepped = ModelParser.parse("m.cdz", "component A { places a\n initial a }\nstep [0, 0.05]\n"
                + "semantics concerto-d\n");
        assertEquals(new Duration(BigDecimal.ZERO, new BigDecimal("0.05")), stepped.effectiveStep());
    }

    @Test
    void printedAtTheTopAndReadBack() {
        Model m = ModelParser.parse("m.cdz", "component A { places a\n initial a }\nstep [0, 0.05]\n"
                + "semantics concerto-d\n");
        String text = ModelPrinter.print(m);
        assertEquals("semantics concerto-d\nstep [0, 0.05]\n", text.substring(0, text.indexOf("component")).strip()
                .concat("\n").replace("\n\n", "\n"));
        assertEquals(WithoutPositions.strip(m), WithoutPositions.strip(ModelParser.parse("m.cdz", text)));
    }
}
