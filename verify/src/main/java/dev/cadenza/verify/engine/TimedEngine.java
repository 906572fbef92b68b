package dev.cadenza.verify.engine;

import dev.cadenza.petri.PetriNet;
import dev.cadenza.petri.limit.Budget;
import dev.cadenza.petri.query.Predicate;

import java.util.ArrayList;
import java.util.List;

/**
 * What the properties need from an exploration engine: the exact min and max time to first
 * reach a target, with witness runs. Every property reduces to it: reachability is "min
 * exists" (with the fastest run as witness), inevitability is "max is finite". The production
 * implementation wraps petri's state classes ({@link StateClassEngine}); tests also use a
 * brute-force discrete-time explorer as an independent oracle.
 *
 * <p>Every search draws on the command's {@link Budget}; one cut by it says so in its
 * statistics, and keeps only what is certain (see {@link TargetTimes}).
 */
public interface TimedEngine {

    /** How verdict tables name this engine. */
    String name();

    /**
     * Min and max time to the first state satisfying {@code target}, a predicate over place
     * names {@code #index} (see {@link Targets}).
     */
    TargetTimes timeTo(PetriNet net, Predicate target, Budget budget);

    /**
     * {@link #timeTo}, told of firing sequences of {@code net} (transition indices) that may stop
     * short of the target: a run of the net through markings where the target never holds, ending
     * where nothing is enabled, proves the max infinite, and an engine may then skip its max search
     * (it must check such a sequence on the net itself, and answer exactly as {@link #timeTo} would:
     * the same reachability, min and fastest run, max infinite). This default ignores them.
     */
    default TargetTimes timeTo(PetriNet net, Predicate target, Budget budget, List<int[]> stopsShort) {
        return timeTo(net, target, budget);
    }

    /** Only reachability is needed (with the fastest run): engines may skip the max search. */
    default TargetTimes reach(PetriNet net, Predicate target, Budget budget) {
        return timeTo(net, target, budget);
    }

    /**
     * The same, storing at most {@code cap} classes (a cheap attempt before another stage): at the
     * cap the search stops cut ({@code Limit.CLASSES}), as at the budget's own limit. Engines
     * that cannot stop there search as {@link #reach} does.
     */
    default TargetTimes reach(PetriNet net, Predicate target, Budget budget, long cap) {
        return reach(net, target, budget);
    }

    /**
     * {@link #reach(PetriNet, Predicate, Budget, long)} for each of {@code targets}, answers in their
     * order. Each answer is what that search alone would say (the same reachability, and a fastest
     * run when one is found); an engine may explore once for all, and charge the budget once (its
     * statistics then count the shared exploration). This default asks one by one.
     */
    default List<TargetTimes> reachEach(PetriNet net, List<Predicate> targets, Budget budget, long cap) {
        List<TargetTimes> out = new ArrayList<>(targets.size());
        for (Predicate t : targets) {
            out.add(cap == Long.MAX_VALUE ? reach(net, t, budget) : reach(net, t, budget, cap));
        }
        return out;
    }

    /**
     * {@link #reachEach}, where one run to each target is witness enough (a deadlock, a forbidden
     * state, an order broken): each answer has the same reachability as that target's own search,
     * and when reachable <em>some</em> run to the target, not necessarily the fastest, and no min.
     * An engine may search in any order that keeps reachability and stop at the first run found
     * (the state classes: depth first). This default asks {@link #reachEach}, whose fastest runs are
     * runs too.
     */
    default List<TargetTimes> reachAny(PetriNet net, List<Predicate> targets, Budget budget, long cap) {
        return reachEach(net, targets, budget, cap);
    }
}
