package dev.cadenza.core.lang;

import dev.cadenza.core.model.Model;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Printing a model and parsing the text gives the model back; printing is a fixed point. */
class RoundTripTest {

    @Provide
    Arbitrary<Model> models() {
        return Arbitraries.randomValue(RandomModels::model);
    }

    @Property(tries = 500)
    void parsingThePrintedModelGivesItBack(@ForAll("models") Model model) {
        String text = ModelPrinter.print(model);
        Model parsed = ModelParser.parse("random.cdz", text);
        assertEquals(model, WithoutPositions.strip(parsed), text);
    }

    @Property(tries = 200)
    void printingIsAFixedPoint(@ForAll("models") Model model) {
        String once = ModelPrinter.print(model);
        String twice = ModelPrinter.print(ModelParser.parse("random.cdz", once));
        assertEquals(once, twice);
    }

    @Property(tries = 1)
    void theSeedModelsSurviveTheRoundTrip() {
        for (String text : new String[] {SeedModels.serverClient(), SeedModels.galera()}) {
            Model parsed = ModelParser.parse("seed.cdz", text);
            Model again = ModelParser.parse("seed.cdz", ModelPrinter.print(parsed));
            assertEquals(WithoutPositions.strip(parsed), WithoutPositions.strip(again));
        }
    }
}
