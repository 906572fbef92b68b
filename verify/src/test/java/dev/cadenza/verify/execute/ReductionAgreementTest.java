package dev.cadenza.verify.execute;

import dev.cadenza.core.model.Model;
import dev.cadenza.core.model.PredicateText;
import dev.cadenza.core.model.SourcePosition;
import dev.cadenza.core.model.TransitionRef;
import dev.cadenza.petri.limit.Budget;
import dev.cadenza.petri.reach.CompiledNet;
import dev.cadenza.verify.Examples;
import dev.cadenza.verify.LimitReachedException;
import dev.cadenza.verify.Subject;
import dev.cadenza.verify.engine.StateClassEngine;
import dev.cadenza.verify.engine.Targets;
import dev.cadenza.verify.engine.UntimedSearch;
import dev.cadenza.verify.property.Deployable;
import dev.cadenza.verify.property.Forbidden;
import dev.cadenza.verify.property.Property;
import dev.cadenza.verify.property.Query;
import dev.cadenza.verify.property.Sequence;
import dev.cadenza.verify.property.Verdict;
import dev.cadenza.verify.translate.TranslatedNet;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Provide;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.statistics.Statistics;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reductions (stubborn sets, the untimed first stage, the zero-time reduction) against
 * {@code --no-reduction} on random assemblies and programs (those of {@link ExecutorAgainstCheckProperties}:
 * forks, joins, groups, ports on places, groups and transitions; programs with con, dcon, del,
 * wait, a second behavior): every property gets the same verdict both ways, and the deadlock
 * paths the stubborn sets find replay on the full net.
 */
class ReductionAgreementTest {

    private static final SourcePosition HERE = SourcePosition.NONE;

    @Provide
    Arbitrary<List<Integer>> tapes() {
        return new ExecutorAgainstCheckProperties().tapes();
    }

    @net.jqwik.api.Property(tries = 200)
    void sameVerdictsWithAndWithoutReductions(@ForAll("tapes") List<Integer> tape) {
        String text = ExecutorAgainstCheckProperties.modelText(tape);
        Model m = Examples.parse(text);
        List<Property> properties = properties(m);
        // the searches compared, not the executor's replay of their deadlocks (a run the reductions
        // choose differently may replay differently: both answers honest, not the same word)
        Subject reduced = new Subject(m, "gen", new StateClassEngine(true), Budget.of(400_000, 60)).replay(false);
        Subject full = new Subject(m, "gen", new StateClassEngine(false), Budget.of(400_000, 60)).reduction(false)
                .replay(false);
        for (Property p : properties) {
            Verdict a;
            Verdict b;
            try {
                a = p.check(reduced);
                b = p.check(full);
            } catch (LimitReachedException e) {
                Assume.that(false);
                return;
            }
            if (a instanceof Verdict.Inconclusive || b instanceof Verdict.Inconclusive) {
                continue;
            }
            Statistics.label(p.name().split(" ")[0]).collect(a.word()
                    + (a.statistics().stage() != null ? " (untimed stage)" : ""));
            assertEquals(b.word(), a.word(), p.name() + "\n" + text + "\nreduced: " + a.details()
                    + "\nfull: " + b.details());
        }
    }

    @net.jqwik.api.Property(tries = 200)
    void aDeadlockPathOfTheStubbornSetsReplaysOnTheFullNet(@ForAll("tapes") List<Integer> tape) {
        String text = ExecutorAgainstCheckProperties.modelText(tape);
        Model m = Examples.parse(text);
        Subject s = new Subject(m, "gen", new StateClassEngine(), Budget.unlimited());
        for (Subject.Mode mode : Subject.Mode.values()) {
            TranslatedNet tn = s.net(mode);
            var target = Targets.and(Targets.dead(), Targets.not(s.finished(tn, null, HERE)));
            UntimedSearch.Answer reduced = UntimedSearch.reach(tn.net(), target, Budget.ofClasses(400_000), true,
                    Long.MAX_VALUE);
            UntimedSearch.Answer full = UntimedSearch.reach(tn.net(), target, Budget.ofClasses(400_000), false,
                    Long.MAX_VALUE);
            Assume.that(reduced.statistics().complete() && full.statistics().complete());
            assertEquals(full.found(), reduced.found(), text);
            assertTrue(reduced.statistics().states() <= full.statistics().states() || full.found());
            if (!reduced.found()) {
                continue;
            }
            CompiledNet net = CompiledNet.of(tn.net());
            long[] marking = tn.net().initialMarking();
            for (int t : reduced.path()) {
                assertTrue(net.isEnabled(t, marking), "a step of the path is enabled");
                net.fire(t, marking);
            }
            for (int t = 0; t < tn.net().transitionCount(); t++) {
                assertTrue(!net.isEnabled(t, marking), "the path ends dead");
            }
        }
    }

    /** deployable (timed, untimed), forbidden and AG over two components' places, a sequence. */
    private static List<Property> properties(Model m) {
        List<Property> out = new ArrayList<>();
        out.add(new Deployable(null, false, HERE));
        out.add(new Deployable(null, true, HERE));
        int last0 = m.type("C0").orElseThrow().places().size() - 1;
        int last1 = m.type("C1").orElseThrow().places().size() - 1;
        out.add(new Forbidden(new PredicateText("c0.q" + last0 + " and not c1.q" + last1, HERE)));
        out.add(new Forbidden(new PredicateText("c1.q1 and c0.q0", HERE)));
        out.add(new Query("AG (not (c0.q1 and c1.q1))", HERE));
        out.add(new Sequence(List.of(new TransitionRef("c0", "t0", HERE), new TransitionRef("c1", "t0", HERE)), HERE));
        return out;
    }
}
