package dev.cadenza.verify.engine;

import dev.cadenza.petri.PetriNet;
import dev.cadenza.petri.query.CompiledPredicate;
import dev.cadenza.petri.query.ComparisonOperator;
import dev.cadenza.petri.query.LinearExpression;
import dev.cadenza.petri.query.NameResolver;
import dev.cadenza.petri.query.Predicate;

import java.util.ArrayList;
import java.util.List;

/**
 * Targets as petri predicates over place indices, written {@code #12}: verify resolves model
 * names to indices once, then every engine compiles the same predicate with {@link #RESOLVER}.
 */
public final class Targets {

    private Targets() {
    }

    public static final NameResolver RESOLVER = name -> {
        if (!name.startsWith("#")) {
            return null;
        }
        return new int[] {Integer.parseInt(name.substring(1))};
    };

    public static String name(int place) {
        return "#" + place;
    }

    public static CompiledPredicate compile(Predicate p) {
        return p.compile(RESOLVER);
    }

    /** Sum of the places' tokens compared with k. */
    public static Predicate sum(int[] places, ComparisonOperator op, long k) {
        List<LinearExpression.Term> terms = new ArrayList<>();
        for (int p : places) {
            terms.add(new LinearExpression.Term(1, name(p), 0));
        }
        return new Predicate.Comparison(new LinearExpression(terms, 0), op, new LinearExpression(List.of(), k));
    }

    public static Predicate marked(int place) {
        return sum(new int[] {place}, ComparisonOperator.GE, 1);
    }

    public static Predicate unmarked(int place) {
        return sum(new int[] {place}, ComparisonOperator.EQ, 0);
    }

    public static Predicate allMarked(int... places) {
        List<Predicate> each = new ArrayList<>(places.length);
        for (int i : places) {
            each.add(marked(i));
        }
        return all(each);
    }

    /**
     * The conjunction of {@code parts} as a balanced tree: a net of a hundred thousand places
     * asks for that many conjuncts, and a chain that deep would overflow the stack of every
     * recursive walk over it (compiling, evaluating).
     */
    public static Predicate all(List<Predicate> parts) {
        if (parts.isEmpty()) {
            return new Predicate.Constant(true);
        }
        return balanced(parts, 0, parts.size());
    }

    private static Predicate balanced(List<Predicate> parts, int from, int to) {
        if (to - from == 1) {
            return parts.get(from);
        }
        int mid = (from + to) >>> 1;
        return new Predicate.And(balanced(parts, from, mid), balanced(parts, mid, to));
    }

    public static Predicate and(Predicate a, Predicate b) {
        if (a instanceof Predicate.Constant c && c.value()) {
            return b;
        }
        return new Predicate.And(a, b);
    }

    public static Predicate or(Predicate a, Predicate b) {
        if (a instanceof Predicate.Constant c && !c.value()) {
            return b;
        }
        return new Predicate.Or(a, b);
    }

    public static Predicate not(Predicate a) {
        return new Predicate.Not(a);
    }

    public static Predicate dead() {
        return new Predicate.Dead();
    }

    /** The marking reached by firing the run's transitions from the net's initial marking. */
    public static long[] replay(PetriNet net, TimedRun run) {
        long[] m = net.initialMarking();
        for (TimedRun.Step s : run.steps()) {
            var t = net.transition(s.transition());
            for (var a : t.inputs()) {
                if (a.kind() == dev.cadenza.petri.ArcKind.NORMAL) {
                    m[a.place()] -= a.weight();
                }
            }
            for (var a : t.outputs()) {
                m[a.place()] += a.weight();
            }
        }
        return m;
    }
}
