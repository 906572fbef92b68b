package dev.cadenza.verify.property;

import dev.cadenza.core.model.Model;
import dev.cadenza.core.model.PredicateText;
import dev.cadenza.core.model.SourcePosition;
import dev.cadenza.core.model.VerifyBlock;
import dev.cadenza.petri.PetriNet;
import dev.cadenza.petri.limit.Budget;
import dev.cadenza.petri.query.Predicate;
import dev.cadenza.verify.Examples;
import dev.cadenza.verify.LimitReachedException;
import dev.cadenza.verify.Subject;
import dev.cadenza.verify.Verifier;
import dev.cadenza.verify.engine.RunSchedules;
import dev.cadenza.verify.engine.StateClassEngine;
import dev.cadenza.verify.engine.Targets;
import dev.cadenza.verify.engine.TimedRun;
import dev.cadenza.verify.translate.TranslatedNet;
import net.jqwik.api.ForAll;
import net.jqwik.api.statistics.Statistics;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A block's forbidden and AG questions answered together ({@link SharedSearches}: one exploration of
 * the state classes) against each answered alone, and against {@code --no-reduction}, on random
 * assemblies (two or three components, chains with forks and joins, random closed intervals, a
 * provide port locked by a user's transition so that the net has conflicts and the state classes
 * answer) with three to six random predicates (places, transitions running, and/or/not): the same
 * verdicts, and every counterexample a valid schedule of the net that ends where its predicate
 * holds — found depth first ({@link Reachability#searchBadAnyEach}, what the block asks), any run;
 * in time order ({@link Reachability#searchBadEach}), at the same (least) time as the one found
 * alone. The searches are compared, not the executor's replay of their runs ({@code --no-replay}).
 */
class SharedSearchesProperties {

    private static final SourcePosition HERE = SourcePosition.NONE;

    @net.jqwik.api.Property(tries = 500)
    void togetherAsAloneAsWithoutReductions(@ForAll long seed) {
        compare(seed, false);
    }

    /**
     * The same with every try cut at a few markings or classes, on a subject whose untimed try was
     * cut before: each question first gets the brief try of the state classes, siblings skip their
     * untimed try after the first is cut, then the timed try, the untimed stage's whole cap and the
     * engine's whole budget — every turn of {@link Reachability#searchBadAnyEach} (and of
     * {@link Reachability#searchBadEach}), on small nets. The order of the turns must not change an
     * answer, whichever search the timed turns ask for.
     */
    @net.jqwik.api.Property(tries = 300)
    void everyTurnAsWithoutReductions(@ForAll long seed) {
        long u = Reachability.untimedTryCap;
        long t = Reachability.timedTryCap;
        long q = Reachability.quickTryCap;
        Random tries = new Random(seed ^ 0x5DEECE66DL);
        Reachability.untimedTryCap = 1 + tries.nextInt(20);
        Reachability.timedTryCap = 1 + tries.nextInt(20);
        Reachability.quickTryCap = 1 + tries.nextInt(20);
        try {
            compare(seed, true);
        } finally {
            Reachability.untimedTryCap = u;
            Reachability.timedTryCap = t;
            Reachability.quickTryCap = q;
        }
    }

    private void compare(long seed, boolean afterCutTry) {
        Random r = new Random(seed);
        int comps = 2 + r.nextInt(2);
        int[] places = new int[comps];
        String text = model(r, places);
        Model m = Examples.parse(text);
        List<dev.cadenza.core.model.PropertySpec> specs = new ArrayList<>();
        specs.add(new dev.cadenza.core.model.PropertySpec.Deployable(null, false, HERE)); // finds the conflicts first
        int n = 3 + r.nextInt(4);
        for (int i = 0; i < n; i++) {
            String p = predicate(r, places, 0);
            specs.add(r.nextInt(4) == 0
                    ? new dev.cadenza.core.model.PropertySpec.Query("AG not (" + p + ")", false, HERE, HERE)
                    : new dev.cadenza.core.model.PropertySpec.Forbidden(new PredicateText(p, HERE), HERE));
        }
        VerifyBlock block = new VerifyBlock("gen", specs, HERE);
        String where = "seed " + seed + "\n" + text;
        Subject shared = subject(m, true);
        Subject alone = subject(m, true);
        if (afterCutTry) {
            shared.noteUntimedTryCut();
            alone.noteUntimedTryCut();
        }
        List<Verifier.Result> together;
        try {
            together = Verifier.check(shared, block);
        } catch (LimitReachedException e) {
            return;
        }
        Subject full = subject(m, false);
        for (int i = 1; i < together.size(); i++) {
            Verifier.Result t = together.get(i);
            Verdict a = t.property().check(alone);
            Verdict f = t.property().check(full);
            if (t.verdict() instanceof Verdict.Inconclusive || a instanceof Verdict.Inconclusive
                    || f instanceof Verdict.Inconclusive) {
                continue;
            }
            String name = t.property().name() + " (" + t.mode() + ")\n" + where;
            Statistics.label("shared").collect(t.mode().contains("one exploration"));
            Statistics.label("verdict").collect(t.verdict().word() + (t.mode().contains("one exploration")
                    ? ", shared" : ""));
            assertEquals(a.word(), t.verdict().word(), "together as alone: " + name);
            assertEquals(f.word(), t.verdict().word(), "together as without reductions: " + name);
        }
        // the same searches again on the subject that shared them, at the level of the net's runs
        TranslatedNet tn = shared.net(Subject.Mode.TIMED);
        List<Predicate> bad = new ArrayList<>();
        for (int i = 1; i < together.size(); i++) {
            Property p = together.get(i).property();
            Predicate b = p instanceof Forbidden fb ? fb.bad(tn) : ((Query) p).agBad(tn);
            if (!bad.contains(b)) {
                bad.add(b);
            }
        }
        List<dev.cadenza.verify.engine.TargetTimes> each = Reachability.searchBadEach(shared, tn, bad);
        List<dev.cadenza.verify.engine.TargetTimes> any = Reachability.searchBadAnyEach(shared, tn, bad);
        TranslatedNet tnAlone = alone.net(Subject.Mode.TIMED);
        for (int i = 0; i < bad.size(); i++) {
            dev.cadenza.verify.engine.TargetTimes mine = any.get(i);
            dev.cadenza.verify.engine.TargetTimes own = Reachability.searchBadAny(alone, tnAlone, bad.get(i));
            if (!mine.statistics().complete() || !own.statistics().complete()) {
                continue;
            }
            String name = bad.get(i) + " (" + mine.statistics().stage() + ", any run)\n" + where;
            assertEquals(own.reachable(), mine.reachable(), "reachable: " + name);
            if (each.get(i).statistics().complete()) {
                assertEquals(each.get(i).reachable(), mine.reachable(), "as in time order: " + name);
            }
            if (mine.reachable()) {
                assertNull(RunSchedules.scheduleProblem(tn.net(), mine.minRun()), "a valid schedule: " + name);
                assertTrue(reaches(tn.net(), mine.minRun(), bad.get(i)), "it ends where the predicate holds: " + name);
            }
        }
        for (int i = 0; i < bad.size(); i++) {
            dev.cadenza.verify.engine.TargetTimes mine = each.get(i);
            dev.cadenza.verify.engine.TargetTimes own = Reachability.searchBad(alone, tnAlone, bad.get(i));
            if (!mine.statistics().complete() || !own.statistics().complete()) {
                continue;
            }
            String name = bad.get(i) + " (" + mine.statistics().stage() + ")\n" + where;
            assertEquals(own.reachable(), mine.reachable(), "reachable: " + name);
            if (mine.reachable()) {
                assertNull(RunSchedules.scheduleProblem(tn.net(), mine.minRun()), "a valid schedule: " + name);
                assertTrue(reaches(tn.net(), mine.minRun(), bad.get(i)), "it ends where the predicate holds: " + name);
                assertEquals(own.minRun().duration(), mine.minRun().duration(), "as fast as alone: " + name);
            }
        }
    }

    private static Subject subject(Model m, boolean reduce) {
        return new Subject(m, "gen", new StateClassEngine(reduce), Budget.of(300_000, 60)).reduction(reduce)
                .replay(false);
    }

    /**
     * Components C0… with places q0…q(n-1) in a chain (q(j) -> q(j+1)), sometimes a fork from q0 to
     * q2 beside q0 -> q1 -> q2 (joined at q2), closed integer intervals; c0 provides svc at q1, the
     * last component uses it by its first transition (the port locks c0 in q1 while it runs).
     */
    private static String model(Random r, int[] places) {
        StringBuilder sb = new StringBuilder();
        int last = places.length - 1;
        for (int c = 0; c < places.length; c++) {
            int n = 2 + r.nextInt(3);
            places[c] = n;
            sb.append("component C").append(c).append(" {\n  places ");
            for (int j = 0; j < n; j++) {
                sb.append(j == 0 ? "" : ", ").append('q').append(j);
            }
            sb.append("\n  initial q0\n  behavior deploy {\n");
            for (int j = 0; j + 1 < n; j++) {
                sb.append("    t").append(j).append(": q").append(j).append(" -> q").append(j + 1).append(' ')
                        .append(interval(r)).append('\n');
            }
            if (n >= 3 && r.nextBoolean()) {
                sb.append("    f: q0 -> q2 ").append(interval(r)).append('\n');
            }
            sb.append("  }\n");
            if (c == 0) {
                sb.append("  provide svc at q1\n");
            }
            if (c == last) {
                sb.append("  use svc by t0\n");
            }
            sb.append("}\n");
        }
        sb.append("assembly gen {");
        for (int c = 0; c < places.length; c++) {
            sb.append(" c").append(c).append(": C").append(c);
        }
        return sb.append("\n  connect c0.svc -> c").append(last).append(".svc\n}\n").toString();
    }

    private static String interval(Random r) {
        int a = r.nextInt(4);
        return "[" + a + ", " + (a + r.nextInt(3)) + "]";
    }

    /** Places marked, transitions running, and, or, not. */
    private static String predicate(Random r, int[] places, int depth) {
        int c = r.nextInt(places.length);
        // half of the top-level predicates a conjunction: states that time may rule out
        int kind = depth == 0 && r.nextBoolean() ? 3 : r.nextInt(depth < 2 ? 6 : 3);
        return switch (kind) {
            case 0, 1 -> "c" + c + ".q" + r.nextInt(places[c]);
            case 2 -> "c" + c + ".t" + r.nextInt(places[c] - 1) + " running";
            case 3 -> "(" + predicate(r, places, depth + 1) + ") and (" + predicate(r, places, depth + 1) + ")";
            case 4 -> "(" + predicate(r, places, depth + 1) + ") or (" + predicate(r, places, depth + 1) + ")";
            default -> "not (" + predicate(r, places, depth + 1) + ")";
        };
    }

    /** Whether the run's transitions end in a marking where {@code p} holds. */
    private static boolean reaches(PetriNet net, TimedRun run, Predicate p) {
        long[] m = Targets.replay(net, run);
        var net2 = dev.cadenza.petri.reach.CompiledNet.of(net);
        boolean dead = true;
        for (int t = 0; t < net.transitionCount() && dead; t++) {
            dead = !net2.isEnabled(t, m);
        }
        return Targets.compile(p).test(m, dead);
    }
}
