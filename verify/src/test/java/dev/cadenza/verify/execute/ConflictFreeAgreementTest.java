package dev.cadenza.verify.execute;

import dev.cadenza.core.model.Model;
import dev.cadenza.petri.classes.PersistentTimeBounds;
import dev.cadenza.petri.limit.Budget;
import dev.cadenza.petri.reach.CompiledNet;
import dev.cadenza.verify.Examples;
import dev.cadenza.verify.LimitReachedException;
import dev.cadenza.verify.Subject;
import dev.cadenza.verify.bounds.BoundsReport;
import dev.cadenza.verify.bounds.TimeBoundsAnalysis;
import dev.cadenza.verify.engine.StateClassEngine;
import dev.cadenza.verify.engine.TimedRun;
import dev.cadenza.verify.translate.TranslatedNet;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * petri's conflict-free fast path (a persistent net: its earliest and latest runs) against
 * {@code --no-reduction} on the random assemblies and programs of
 * {@link ExecutorAgainstCheckProperties}: wherever it answers {@code bounds}, the same min and
 * max as the full state class exploration, and its runs replay on the net, each step enabled
 * where it fires, times in order, ending at the min and the max.
 */
class ConflictFreeAgreementTest {

    @Provide
    Arbitrary<List<Integer>> tapes() {
        return new ExecutorAgainstCheckProperties().tapes();
    }

    @net.jqwik.api.Property(tries = 300)
    void sameBoundsAsTheFullStateClasses(@ForAll("tapes") List<Integer> tape) {
        String text = ExecutorAgainstCheckProperties.modelText(tape);
        agree(Examples.parse(text), text, 10);
    }

    /**
     * The same under Concerto-D (its refusing wants, ignored dcons and stops: a place every
     * transition is inhibited by), steps at 0 or Concerto-D's 50 ms: the stops make the
     * persistence check ask first whether they are ever enabled.
     */
    @net.jqwik.api.Property(tries = 200)
    void sameBoundsUnderConcertoD(@ForAll("tapes") List<Integer> tape, @ForAll boolean polling) {
        String text = ExecutorAgainstCheckProperties.modelText(tape);
        Model m = Examples.parse(text).withSemantics(dev.cadenza.core.model.Semantics.CONCERTO_D);
        if (!polling) {
            m = m.withStep(new dev.cadenza.core.model.Duration(java.math.BigDecimal.ZERO, java.math.BigDecimal.ZERO));
        }
        agree(m, text, 5);
    }

    private static void agree(Model m, String text, int percent) {
        Subject reduced = new Subject(m, "gen", new StateClassEngine(true), Budget.of(400_000, 60)).replay(false);
        Subject full = new Subject(m, "gen", new StateClassEngine(false), Budget.of(400_000, 60)).reduction(false)
                .replay(false);
        BoundsReport a;
        BoundsReport b;
        try {
            a = TimeBoundsAnalysis.of(reduced, null, false);
            b = TimeBoundsAnalysis.of(full, null, false);
        } catch (LimitReachedException e) {
            Assume.that(false);
            return;
        }
        boolean fast = PersistentTimeBounds.STAGE.equals(a.statistics().stage());
        Statistics.label("answered by the fast path").collect(fast);
        Statistics.label("answered by the fast path").coverage(c -> c.check(true).percentage(p -> p > percent));
        if (!fast || !b.complete()) {
            return;
        }
        assertTrue(b.reachable(), text);
        assertEquals(b.min(), a.min(), "min\n" + text);
        assertEquals(b.max(), a.max(), "max\n" + text);
        assertEquals(b.unbounded(), a.unbounded(), text);
        TranslatedNet tn = reduced.net(Subject.Mode.TIMED);
        replays(tn, a.minRun(), a.min());
        replays(tn, a.maxRun(), a.max());
    }

    private static void replays(TranslatedNet tn, TimedRun run, org.apache.commons.math3.fraction.BigFraction end) {
        CompiledNet net = CompiledNet.of(tn.net());
        long[] m = tn.net().initialMarking();
        var now = org.apache.commons.math3.fraction.BigFraction.ZERO;
        for (TimedRun.Step s : run.steps()) {
            assertTrue(net.isEnabled(s.transition(), m), "a step of the run is enabled");
            assertTrue(s.time().compareTo(now) >= 0, "times in order");
            now = s.time();
            net.fire(s.transition(), m);
        }
        assertEquals(end, now, "the run ends at the bound");
    }
}
