package dev.cadenza.petri.classes;

import dev.cadenza.petri.limit.Budget;
import dev.cadenza.petri.PetriNet;
import dev.cadenza.petri.io.TinaNetReader;
import dev.cadenza.petri.query.NameResolver;
import dev.cadenza.petri.query.PredicateParser;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hand-made cases, mostly with open bounds, which the discrete oracle cannot check. Answers derived in the comments. */
class OpenBoundsTest {

    private static TimeBoundsResult bounds(String net, String target) {
        PetriNet n = TinaNetReader.read("t.net", net, "t");
        return new TimeBounds(n).compute(target == null ? null : PredicateParser.parse(target).compile(NameResolver.of(n)),
                Budget.unlimited());
    }

    @Test
    void openLowerBoundIsApproachedNotAttained() {
        // ]1,2]: t fires at any date in (1,2]: the infimum 1 is not attained, the maximum 2 is.
        TimeBoundsResult r = bounds("tr t ]1,2] p -> q\npl p (1)\n", null);
        assertEquals("1", r.min().toString());
        assertFalse(r.min().attained());
        assertTrue(r.minTrace().limit());
        assertEquals("2", r.max().toString());
        assertTrue(r.max().attained());
        assertEquals("t=2  fire t\n", r.maxTrace().toText());
        // [1,2]: both attained.
        TimeBoundsResult c = bounds("tr t [1,2] p -> q\npl p (1)\n", null);
        assertTrue(c.min().attained());
        assertEquals("t=1  fire t\n", c.minTrace().toText());
    }

    @Test
    void openUpperBoundIsApproached() {
        // [1,2[ then [0,1]: the end comes at 1 at the earliest, before 3 at the latest (not attained).
        TimeBoundsResult r = bounds("tr a [1,2[ p -> q\ntr b [0,1] q -> r\npl p (1)\n", null);
        assertEquals("1", r.min().toString());
        assertTrue(r.min().attained());
        assertEquals("3", r.max().toString());
        assertFalse(r.max().attained());
        assertEquals("t=2  fire a\nt=3  fire b\n", r.maxTrace().toText());
    }

    @Test
    void nonStrictRaceCanBeWonAtTheBoundary() {
        // a [1,2] and b [0,1] compete for p. b must fire by 1, a cannot before 1: a wins only at exactly 1.
        // When b wins, win never comes while time passes: the maximum is inf.
        TimeBoundsResult r = bounds("tr a [1,2] p -> win\ntr b [0,1] p -> lose\npl p (1)\n", "win");
        assertTrue(r.reachable());
        assertEquals("1", r.min().toString());
        assertEquals("inf", r.max().toString());
        assertEquals("t=1  fire a\n", r.minTrace().toText());
        assertEquals("t=0  fire b\n", r.divergence().prefix().toText());
        assertTrue(r.divergence().reason().startsWith("then nothing is enabled"));
    }

    @Test
    void strictRaceCannotBeWon() {
        // b [0,1[ must fire strictly before 1; a [1,2] cannot fire before 1: win is unreachable.
        assertFalse(bounds("tr a [1,2] p -> win\ntr b [0,1[ p -> lose\npl p (1)\n", "win").reachable());
        // a ]1,2] against b [0,1]: b fires by 1, a only after 1: unreachable too.
        assertFalse(bounds("tr a ]1,2] p -> win\ntr b [0,1] p -> lose\npl p (1)\n", "win").reachable());
        // a ]0,1] against b ]0,1]: both may fire at any date in (0,1]: win at (0,1], infimum 0 not attained.
        TimeBoundsResult r = bounds("tr a ]0,1] p -> win\ntr b ]0,1] p -> lose\npl p (1)\n", "win || lose");
        assertEquals("0", r.min().toString());
        assertFalse(r.min().attained());
        assertEquals("1", r.max().toString());
        assertTrue(r.max().attained());
    }

    @Test
    void loopBoundedByAPersistentDeadline() {
        // y loops forever with delays in [0,1]; x must fire by 10 whatever y does. The class graph has
        // a cycle (y) that can take time, yet the maximum time to done is 10, not inf.
        TimeBoundsResult r = bounds("tr x [0,10] px -> done\ntr y [0,1] py -> py\npl px (1)\npl py (1)\n", "done");
        assertEquals("0", r.min().toString());
        assertEquals("10", r.max().toString());
        assertEquals("10", TimeValue.format(r.maxTrace().steps().get(r.maxTrace().steps().size() - 1).time()));
        // never terminates: y is always enabled, so a dead marking is unreachable
        assertFalse(bounds("tr x [0,10] px -> done\ntr y [0,1] py -> py\npl px (1)\npl py (1)\n", null).reachable());
    }

    @Test
    void unboundedWaitGivesInf() {
        // [2,w[: t may wait forever. min 2, max inf, no max trace.
        TimeBoundsResult r = bounds("tr t [2,w[ p -> q\npl p (1)\n", null);
        assertEquals("2", r.min().toString());
        assertTrue(r.max().isInfinite());
        assertEquals("inf", r.max().toString());
        assertNull(r.maxTrace());
        assertEquals("", r.divergence().prefix().toText());
        assertEquals("then no enabled transition has to fire (t may wait forever), short of the target",
                r.divergence().reason());
        // loop consumes and gives back p, so out is newly enabled at every turn and its deadline
        // restarts: loop can go on forever, 1 to 2 time units a turn. Termination may never come: inf.
        TimeBoundsResult c = bounds("tr loop [1,2] p -> p\ntr out [0,3] p -> q\npl p (1)\n", null);
        assertEquals("0", c.min().toString());
        assertEquals("inf", c.max().toString());
        assertEquals(java.util.List.of("loop"), c.divergence().cycle());
        // with out [0,1[ it must fire before loop can (loop needs 1): max is 1, not attained
        TimeBoundsResult d = bounds("tr loop [1,2] p -> p\ntr out [0,1[ p -> q\npl p (1)\n", null);
        assertEquals("1", d.max().toString());
        assertFalse(d.max().attained());
    }

    @Test
    void rationalBoundsComeBackInUserUnits() {
        // [1/2,3/2] then [1/3,1/3]: min 1/2+1/3 = 5/6, max 3/2+1/3 = 11/6.
        TimeBoundsResult r = bounds("tr a [1/2,1.5] p -> q\ntr b [1/3,1/3] q -> r\npl p (1)\n", null);
        assertEquals("5/6", r.min().toString());
        assertEquals("11/6", r.max().toString());
        assertEquals("t=0.5  fire a\nt=5/6  fire b\n", r.minTrace().toText());
    }
}
