package dev.cadenza.petri.limit;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A share of a budget: same account of classes, an earlier deadline, and its own words when cut. */
class BudgetShareTest {

    @Test
    void withoutATimeLimitTheShareIsTheBudgetItself() {
        Budget b = Budget.ofClasses(1000);
        assertSame(b, b.share(0.5, "the second stage"));
        Budget t = Budget.of(1000, 60);
        assertSame(t, t.share(1, "the second stage"));
    }

    @Test
    void theShareEndsEarlierAndSaysWhy() throws InterruptedException {
        Budget b = Budget.of(Budget.NO_CLASS_LIMIT, 2);
        Budget share = b.share(0.1, "the second stage");
        assertTrue(share.secondsLeft() <= 0.2 + 1e-3, "a tenth of 2 s: " + share.secondsLeft());
        Thread.sleep(400);
        assertEquals(Limit.TIME, share.spent());
        assertEquals(Limit.NONE, b.spent(), "the command's own time is not over");
        String why = share.reason(Limit.TIME);
        assertTrue(why.startsWith("the second stage used up its share of the time budget (10% of the"), why);
        Thread.sleep(Math.max(0, (long) (b.secondsLeft() * 1000) + 100));
        // once the command's deadline has passed too, that is what is said
        assertEquals("the time budget of the command (--timeout 2 s) ran out", share.reason(Limit.TIME));
    }

    @Test
    void classesStoredUnderTheShareAreChargedToTheCommand() {
        Budget b = Budget.of(100, 60);
        Budget share = b.share(0.5, "the second stage");
        Meter m = share.start("states");
        m.finish(40);
        assertEquals(40, b.classesUsed());
        assertEquals(60, b.classesLeft());
        assertEquals(60, share.classesLeft());
    }

    @Test
    void aShareIsAPartOfTheWhole() {
        Budget b = Budget.of(100, 60);
        assertThrows(IllegalArgumentException.class, () -> b.share(0, "x"));
        assertThrows(IllegalArgumentException.class, () -> b.share(1.5, "x"));
    }
}
