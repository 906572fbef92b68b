package dev.cadenza.verify.translate;

import dev.cadenza.core.model.Duration;
import dev.cadenza.core.model.Model;
import dev.cadenza.verify.Examples;
import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The step cost: with step [0.01, 0.01] the executor's runs of server/client (its fastest deploy
 * ends at 4.06) end inside the net's bounds, [4, 9.14]: each move [0, 0.01], not [0.01, 0.01],
 * which would put the net's min at 4.14, above real runs (docs/verify.md, "The cost of a step").
 */
class StepCostTest {

    @Test
    void serverClientWithAStepIsBracketed() {
        Model m = Examples.example("server-client.cdz")
                .withStep(new Duration(new BigDecimal("0.01"), new BigDecimal("0.01")));
        for (String s : new String[] {"deploy", "pair", "maintain"}) {
            RuntimeRulesTranslationTest.agree(m, s);
        }
        RuntimeRulesTranslationTest.Answer deploy = RuntimeRulesTranslationTest.agree(m, "deploy");
        assertEquals(new BigFraction(4), deploy.bounds().min());
        assertEquals(new BigFraction(457, 50), deploy.bounds().max());
        assertEquals(new BigFraction(203, 50), deploy.runs().get(0).duration(), "the executor's all-min run");
    }
}
