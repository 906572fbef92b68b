package dev.cadenza.verify.property;

import dev.cadenza.core.model.Model;
import dev.cadenza.core.model.PredicateText;
import dev.cadenza.core.model.SourcePosition;
import dev.cadenza.core.model.TransitionRef;
import dev.cadenza.petri.PetriNet;
import dev.cadenza.petri.classes.BundleSymmetry;
import dev.cadenza.petri.limit.Budget;
import dev.cadenza.verify.Examples;
import dev.cadenza.verify.LimitReachedException;
import dev.cadenza.verify.Subject;
import dev.cadenza.verify.engine.StateClassEngine;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.statistics.Statistics;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Programs with alike hosts (a master and k workers added by a loop, as in galera), random
 * intervals and port bindings, checked with the reductions (the symmetry of the hosts among them)
 * and with {@code --no-reduction}: the same verdict for every property, the same min and max.
 */
class SymmetricHostsAgreementTest {

    private static final SourcePosition HERE = SourcePosition.NONE;

    @net.jqwik.api.Property(tries = 60)
    void sameVerdictsAndBoundsWithTheSymmetry(@ForAll long seed) {
        Random r = new Random(seed);
        int k = 2 + r.nextInt(2);
        String text = model(r, k);
        Model m = Examples.parse(text);
        Subject reduced = new Subject(m, "p", new StateClassEngine(true), Budget.of(50_000, 5)).replay(false);
        Subject full = new Subject(m, "p", new StateClassEngine(false), Budget.of(50_000, 5)).reduction(false)
                .replay(false);
        for (Property p : properties()) {
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
            Statistics.label(p.name().split(" ")[0]).collect(a.word());
            assertEquals(b.word(), a.word(), p.name() + " (seed " + seed + ")\n" + text + "\nreduced: " + a.details()
                    + "\nfull: " + b.details());
            if (a instanceof Verdict.Holds ha && b instanceof Verdict.Holds hb && ha.bounds() != null) {
                assertEquals(hb.bounds().min(), ha.bounds().min(), "min (seed " + seed + ")\n" + text);
                assertEquals(hb.bounds().max(), ha.bounds().max(), "max (seed " + seed + ")\n" + text);
                assertEquals(hb.bounds().unbounded(), ha.bounds().unbounded(), "unbounded (seed " + seed + ")");
            }
        }
    }

    @org.junit.jupiter.api.Test
    void theWorkersAreFoundAlike() {
        Model m = Examples.parse(model(new Random(1), 3));
        Subject s = new Subject(m, "p", new StateClassEngine(true), Budget.unlimited());
        PetriNet net = s.net(Subject.Mode.TIMED).net();
        BundleSymmetry sym = BundleSymmetry.of(net, null);
        assertFalse(sym.isTrivial(), "w1, w2, w3 are interchangeable");
        assertEquals(3, sym.bundleCount(0));
    }

    /** A master and k workers using its service (by a transition or at a place: then it locks). */
    static String model(Random r, int k) {
        String lockAt = r.nextBoolean() ? "use svc by y" : "use svc at up";
        boolean stop = r.nextInt(3) > 0;
        return "component M {\n"
                + "  places off, ready, running, done\n"
                + "  initial off\n"
                + "  behavior deploy {\n"
                + "    a: off -> ready " + iv(r) + "\n"
                + "    b: ready -> running " + iv(r) + "\n"
                + "  }\n"
                + "  behavior stop {\n"
                + "    c: running -> done " + iv(r) + "\n"
                + "  }\n"
                + "  provide svc at running\n"
                + "}\n"
                + "component W {\n"
                + "  places off, got, up\n"
                + "  initial off\n"
                + "  behavior deploy {\n"
                + "    x: off -> got " + iv(r) + "\n"
                + "    y: got -> up " + iv(r) + "\n"
                + "  }\n"
                + "  " + lockAt + "\n"
                + "}\n"
                + "program p {\n"
                + "  param n = " + k + "\n"
                + "  add(m : M)\n"
                + "  pushB(m, deploy)\n"
                + "  for i in 1..n:\n"
                + "      add(w{i} : W)\n"
                + "      con(m.svc, w{i}.svc)\n"
                + "      pushB(w{i}, deploy)\n"
                + (stop ? "  pushB(m, stop)\n" : "")
                + "  waitAll\n"
                + "}\n";
    }

    private static String iv(Random r) {
        int a = r.nextInt(4);
        int b = a + r.nextInt(4);
        return "[" + a + ", " + b + "]";
    }

    private static List<Property> properties() {
        List<Property> out = new ArrayList<>();
        out.add(new Deployable(null, false, HERE));
        out.add(new Deployable(null, true, HERE));
        out.add(new Forbidden(new PredicateText("w1.up and not m.running", HERE)));
        out.add(new Forbidden(new PredicateText("m.done and w2.got", HERE)));
        out.add(new Sequence(List.of(new TransitionRef("m", "b", HERE), new TransitionRef("w1", "y", HERE)), HERE));
        out.add(new Parallel(List.of("w1", "w2"), HERE));
        out.add(new TimeBoundsProperty(HERE));
        out.add(new Within(new BigDecimal("6"), HERE));
        return out;
    }
}
