package dev.cadenza.core.lang;

import dev.cadenza.core.model.Distribution;
import dev.cadenza.core.model.Model;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code [a, b] ~ distribution}: parsed, printed back, and bad parameters told with their place. */
class DistributionSyntaxTest {

    private static Distribution of(String interval) {
        Model m = ModelParser.parse("d.cdz", "component C {\n  places a, b\n  initial a\n  behavior x {\n    t: a -> b "
                + interval + "\n  }\n}\n");
        return m.types().get(0).behaviors().get(0).transitions().get(0).duration().distribution();
    }

    private static String error(String interval) {
        return assertThrows(ModelSyntaxException.class, () -> of(interval)).getMessage();
    }

    @Test
    void readsEachForm() {
        assertNull(of("[2, 5]"));
        assertEquals(new Distribution.Uniform(), of("[2, 5] ~ uniform"));
        assertEquals(new Distribution.Triangular(new BigDecimal("3")), of("[2, 5] ~ triangular(3)"));
        assertEquals(new Distribution.Normal(new BigDecimal("3"), new BigDecimal("0.5")), of("[2, 5] ~ normal(3, 0.5)"));
        assertEquals(new Distribution.Exponential(new BigDecimal("20")), of("[10, inf] ~ exponential(20)"));
        assertEquals(new Distribution.Normal(new BigDecimal("12"), new BigDecimal("2")), of("[10, inf] ~ normal(12, 2)"));
    }

    @Test
    void printsWhatItRead() {
        String text = "component C {\n  places a, b\n  initial a\n  behavior x {\n    t: a -> b [2, 5] ~ normal(3, 0.5)\n  }\n}\n";
        Model m = ModelParser.parse("d.cdz", text);
        String printed = ModelPrinter.print(m);
        assertTrue(printed.contains("[2, 5] ~ normal(3, 0.5)"), printed);
    }

    @Test
    void badParametersSayWhereAndWhatWouldBeRight() {
        assertTrue(error("[2, 5] ~ triangular(7)").startsWith("d.cdz:5:"), error("[2, 5] ~ triangular(7)"));
        assertTrue(error("[2, 5] ~ triangular(7)").contains("outside [2, 5]"));
        assertTrue(error("[2, inf] ~ uniform").contains("needs a finite maximum"));
        assertTrue(error("[2, inf] ~ triangular(3)").contains("needs a finite maximum"));
        assertTrue(error("[2, 5] ~ normal(3, 0)").contains("must be positive"));
        assertTrue(error("[2, 5] ~ normal(300, 1)").contains("puts no weight on [2, 5]"));
        assertTrue(error("[2, 5] ~ exponential(0)").contains("must be positive"));
        assertTrue(error("[2, 5] ~ gamma(2)").contains("unknown distribution 'gamma'"));
        assertTrue(error("[2, 5] ~ normal(3)").contains("','"));
    }
}
