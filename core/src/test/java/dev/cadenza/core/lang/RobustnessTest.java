package dev.cadenza.core.lang;

import dev.cadenza.core.model.Model;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Whatever the input, the parser either returns a model or throws a ModelSyntaxException, and
 * the validator returns problems: neither may fail any other way (that would be an internal
 * error, exit 70, for what is only a bad file).
 */
class RobustnessTest {

    private static final String NOISE = " \n\t{}()[],:.->=+#\"\\@!0123456789abc{i}";

    @Provide
    Arbitrary<Model> models() {
        return Arbitraries.randomValue(RandomModels::model);
    }

    @Provide
    Arbitrary<String> damagedFiles() {
        return Arbitraries.randomValue(random -> damage(
                random.nextBoolean() ? SeedModels.galera() : ModelPrinter.print(RandomModels.model(random)), random));
    }

    private static String damage(String text, Random random) {
        StringBuilder sb = new StringBuilder(text);
        int edits = 1 + random.nextInt(3);
        for (int i = 0; i < edits && sb.length() > 0; i++) {
            int at = random.nextInt(sb.length());
            switch (random.nextInt(3)) {
                case 0 -> sb.deleteCharAt(at);
                case 1 -> sb.insert(at, NOISE.charAt(random.nextInt(NOISE.length())));
                default -> sb.setCharAt(at, NOISE.charAt(random.nextInt(NOISE.length())));
            }
        }
        return sb.toString();
    }

    @Property(tries = 300)
    void validatingRandomModelsNeverFails(@ForAll("models") Model model) {
        ModelValidator.validate(model);
    }

    @Property(tries = 1000)
    void damagedFilesGiveASyntaxErrorOrProblems(@ForAll("damagedFiles") String text) {
        Model m;
        try {
            m = ModelParser.parse("damaged.cdz", text);
        } catch (ModelSyntaxException e) {
            // the one line the user sees must place the error
            assertTrue(e.getMessage().matches("damaged\\.cdz:\\d+:\\d+: \\S.*"), e.getMessage());
            return;
        }
        ModelValidator.validate(m);
    }
}
