package dev.cadenza.verify.translate;

import dev.cadenza.core.model.Duration;
import dev.cadenza.core.model.Model;
import dev.cadenza.verify.Examples;
import dev.cadenza.verify.trace.Run;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

/** The step cost: the executor's runs of the server/client deploy with a step end inside the net's bounds. */
class StepCostTest {

    @Test
    void serverClientWithAStepIsBracketed() {
        Model m = Examples.example("server-client.cdz")
                .withStep(new Duration(new BigDecimal("0.01"), new BigDecimal("0.01")));
        for (String s : new String[] {"deploy", "pair", "maintain"}) {
            RuntimeRulesTranslationTest.Answer a = RuntimeRulesTranslationTest.agree(m, s);
            System.out.println(s + " net [" + a.bounds().min() + ", " + a.bounds().max() + "] executor "
                    + a.runs().stream().map(Run::duration).map(Object::toString).toList());
        }
    }
}
