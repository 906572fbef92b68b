package dev.cadenza.core.lang;

import dev.cadenza.core.model.Model;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The 3,000 nested loops: a positioned error past the limit, not a stack overflow. */
class DeepNestingTest {

    private static String nestedLoops(int n) {
        StringBuilder sb = new StringBuilder("component A {\n  places a, b\n  initial a\n  behavior go { t: a -> b [1, 2] }\n}\n"
                + "program p {\n");
        for (int i = 0; i < n; i++) {
            sb.append(" ".repeat(i + 2)).append("for i").append(i).append(" in 1..1:\n");
        }
        sb.append(" ".repeat(n + 2)).append("add(x : A)\n}\n");
        return sb.toString();
    }

    @Test
    void threeThousandNestedLoopsAreAnErrorAtTheLoopPastTheLimit() {
        ModelSyntaxException e = assertThrows(ModelSyntaxException.class,
                () -> ModelParser.parse("deep.cdz", nestedLoops(3000)));
        int line = 6 + ModelParser.MAX_LOOP_DEPTH + 1;
        int column = ModelParser.MAX_LOOP_DEPTH + 3;
        assertEquals("deep.cdz:" + line + ":" + column + ": loops nested more than 200 deep; flatten the program"
                + " (a loop over a product of ranges, or separate loops)", e.getMessage());
    }

    @Test
    void loopsUpToTheLimitAreReadValidatedAndPrinted() {
        Model m = ModelParser.parse("deep.cdz", nestedLoops(ModelParser.MAX_LOOP_DEPTH));
        assertEquals(java.util.List.of(), ModelValidator.validate(m).stream()
                .filter(p -> p.severity() == Severity.ERROR).toList());
        ModelPrinter.print(m);
    }
}
