package dev.cadenza.verify.property;

import dev.cadenza.verify.bounds.CriticalPath;
import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The text of a critical path: whole when short, its two ends when long (JSON keeps it whole). */
class CriticalPathTextTest {

    private static List<CriticalPath.Step> chain(int n) {
        List<CriticalPath.Step> steps = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            steps.add(new CriticalPath.Step("c" + i, "start", new BigFraction(i), new BigFraction(i + 1)));
        }
        return steps;
    }

    @Test
    void aShortPathIsPrintedWhole() {
        assertEquals("c0.start > c1.start > c2.start", TimeBoundsProperty.pathText(chain(3)));
        // 22 steps is the longest printed whole: cutting would hide no more than the marker says
        assertEquals(22, TimeBoundsProperty.pathText(chain(22)).split(" > ").length);
    }

    @Test
    void aLongPathShowsTenStepsAtEachEndAndHowManyAreLeftOut() {
        String text = TimeBoundsProperty.pathText(chain(100_000));
        assertEquals("c0.start > c1.start > c2.start > c3.start > c4.start > c5.start > c6.start > c7.start"
                + " > c8.start > c9.start > … 99980 more steps (--json lists them all) … > c99990.start"
                + " > c99991.start > c99992.start > c99993.start > c99994.start > c99995.start > c99996.start"
                + " > c99997.start > c99998.start > c99999.start", text);
    }
}
