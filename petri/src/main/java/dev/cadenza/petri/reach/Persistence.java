package dev.cadenza.petri.reach;

import dev.cadenza.petri.Arc;
import dev.cadenza.petri.ArcKind;
import dev.cadenza.petri.PetriNet;
import dev.cadenza.petri.Transition;
import dev.cadenza.petri.limit.Budget;
import dev.cadenza.petri.limit.Limit;
import dev.cadenza.petri.query.ComparisonOperator;
import dev.cadenza.petri.query.LinearExpression;
import dev.cadenza.petri.query.NameResolver;
import dev.cadenza.petri.query.Predicate;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether a net is <em>persistent</em> on its reachable markings, in the sense time Petri nets
 * need: no reachable marking m enables two transitions t ≠ u such that firing u leaves t
 * disabled, either in the intermediate marking m − Pre(u) (which would restart t's clock) or in
 * the marking after u. Optionally also: no reachable marking enables a transition outside an
 * {@code allowed} set.
 *
 * <p><b>How it is decided.</b> For each ordered pair (u, t), "u disables t" in a marking where
 * both are enabled is a disjunction of one-place comparisons: for a place p that u consumes from
 * and t tests (normal or read arc, weight w), m(p) &lt; Pre(u, p) + w; for a place p that
 * inhibits t below k and that u's effect raises by δ &gt; 0, m(p) ≥ k − δ. A pair where no such
 * comparison is compatible with both being enabled (every place's lower and upper bound, read off
 * the arcs) can never clash and is dropped without a search. The others are grouped by t: one
 * search per t for a marking where t is enabled and some u of its group is enabled and disables
 * it, and one per transition outside {@code allowed} for a marking where it is enabled. Each is
 * a search of the marking graph with {@link StubbornSets} and the group's predicate as target,
 * which finds a target marking exactly when one is reachable (the stubborn sets keep every
 * marking where the target holds: see that class). A search cut by the budget or the cap makes
 * the answer unknown, never "persistent".
 *
 * <p>A transition that can disable at least half of the others (read off the arcs: a stop, which
 * raises a place every transition is inhibited by) is first asked about alone: one search for a
 * marking where it is enabled. One never enabled changes no reachable marking and clashes with
 * nothing, so it is left out of the groups and the searches run on the net without it (the same
 * places, the same reachable markings; a path found is told in the net's own indices). Kept in,
 * it would join nearly every group, and the stubborn sets would take it in around every key
 * transition it can disable.
 *
 * <p>The conjunction is written with t's enabling last, so that while t is disabled the interest
 * set follows only one of t's conditions (the conjunction's interest is its false part, the right
 * one first when both are false): the stubborn sets stay small.
 */
public final class Persistence {

    /** What was found: {@code persistent} only when every search was complete and found nothing. */
    public record Answer(boolean persistent, Limit limit, String clash, int[] path, long markings) {

        /** Proven: no reachable marking has a clash (nor an enabled transition outside the allowed set). */
        public boolean proven() {
            return persistent && limit == Limit.NONE;
        }
    }

    private final PetriNet net;
    private final CompiledNet compiled;
    /** Per transition, per place: the tested weight (normal or read arc, the larger), the inhibitor bound, Pre, effect. */
    private final long[][] test;
    private final long[][] inhibit;
    private final long[][] pre;
    private final long[][] effect;
    private final int places;
    /** Per place, the transitions that consume from it / whose effect raises it. */
    private final int[][] consumers;
    private final int[][] raisers;
    /** Scratch bounds of one pair, reset through the places they touched (no per-pair allocation). */
    private final long[] lo;
    private final long[] hi;
    private final int[] touched;
    private int touchedCount;

    public Persistence(PetriNet net) {
        this.net = net;
        this.compiled = CompiledNet.of(net);
        this.places = net.placeCount();
        int n = net.transitionCount();
        test = new long[n][];
        inhibit = new long[n][];
        pre = new long[n][];
        effect = new long[n][];
        for (int t = 0; t < n; t++) {
            Transition tr = net.transition(t);
            long[] te = new long[places];
            long[] in = new long[places];
            long[] pr = new long[places];
            long[] ef = new long[places];
            for (Arc a : tr.inputs()) {
                if (a.kind() == ArcKind.INHIBITOR) {
                    in[a.place()] = in[a.place()] == 0 ? a.weight() : Math.min(in[a.place()], a.weight());
                } else {
                    te[a.place()] = Math.max(te[a.place()], a.weight());
                    if (a.kind() == ArcKind.NORMAL) {
                        pr[a.place()] += a.weight();
                        ef[a.place()] -= a.weight();
                    }
                }
            }
            for (Arc a : tr.outputs()) {
                ef[a.place()] += a.weight();
            }
            // a normal and a read arc on one place: both must hold, the larger counts; so must Pre
            for (int p = 0; p < places; p++) {
                te[p] = Math.max(te[p], pr[p]);
            }
            test[t] = sparse(te);
            inhibit[t] = sparse(in);
            pre[t] = sparse(pr);
            effect[t] = sparse(ef);
        }
        consumers = byPlace(pre, false);
        raisers = byPlace(effect, true);
        lo = new long[places];
        hi = new long[places];
        java.util.Arrays.fill(hi, Long.MAX_VALUE);
        touched = new int[places];
    }

    /** Per place, the transitions with an entry there (with {@code positive}: a positive one). */
    private int[][] byPlace(long[][] perTransition, boolean positive) {
        int[] count = new int[places];
        for (long[] e : perTransition) {
            for (int i = 0; i < e.length; i += 2) {
                if (!positive || e[i + 1] > 0) {
                    count[(int) e[i]]++;
                }
            }
        }
        int[][] out = new int[places][];
        for (int p = 0; p < places; p++) {
            out[p] = new int[count[p]];
            count[p] = 0;
        }
        for (int t = 0; t < perTransition.length; t++) {
            long[] e = perTransition[t];
            for (int i = 0; i < e.length; i += 2) {
                if (!positive || e[i + 1] > 0) {
                    int p = (int) e[i];
                    out[p][count[p]++] = t;
                }
            }
        }
        return out;
    }

    /** {place, value} pairs of the nonzero entries, flattened. */
    private static long[] sparse(long[] dense) {
        int k = 0;
        for (long v : dense) {
            if (v != 0) {
                k++;
            }
        }
        long[] out = new long[2 * k];
        int i = 0;
        for (int p = 0; p < dense.length; p++) {
            if (dense[p] != 0) {
                out[i++] = p;
                out[i++] = dense[p];
            }
        }
        return out;
    }

    /**
     * Decides persistence (and, with {@code allowed} not null, that only allowed transitions are
     * ever enabled) within what is left of {@code budget}, at most {@code cap} markings over all
     * its searches.
     */
    public Answer check(boolean[] allowed, Budget budget, long cap) {
        int n = net.transitionCount();
        java.util.BitSet seen = new java.util.BitSet(n);
        // how many transitions each one can disable, read off the arcs
        int[] disables = new int[n];
        for (int t = 0; t < n; t++) {
            for (int u : disablers(t, seen)) {
                disables[u]++;
            }
        }
        long used = 0;
        boolean[] never = new boolean[n];
        for (int u = 0; u < n; u++) {
            if (disables[u] == 0 || 2 * disables[u] < n - 1) {
                continue;
            }
            // u can disable most of the net (a stop: it raises a place every transition is
            // inhibited by). As a candidate it would join nearly every search's disjunction, and
            // while it is in the net the stubborn sets must take it in around every key
            // transition (measured, galera's deploy_mariadb under Concerto-D: 1.65 million
            // markings for one transition's search, against 16,283 for all of them once its stops
            // are known dead). So first one search of its own, cheap (a conjunction): is it ever
            // enabled? One never enabled changes no reachable marking and clashes with nothing:
            // the searches below run on the net without it, and their answers are the same.
            Predicate en = enabled(u);
            if (en == null) {
                never[u] = true;
                continue;
            }
            if (cap - used <= 0) {
                return new Answer(false, Limit.CLASSES, null, null, used);
            }
            MarkingGraph g = new MarkingGraphExplorer(compiled).budget(budget).target(en.compile(PLACES))
                    .stubborn(true).symmetric(true).cap(cap - used).explore();
            used += g.statistics().markings();
            if (g.target().isEmpty()) {
                if (g.statistics().limit() != Limit.NONE) {
                    return new Answer(false, g.statistics().limit(), null, null, used);
                }
                never[u] = true;
            }
        }
        List<Predicate> targets = new ArrayList<>();
        List<String> what = new ArrayList<>();
        for (int t = 0; t < n; t++) {
            if (never[t]) {
                continue;
            }
            if (allowed != null && !allowed[t]) {
                Predicate en = enabled(t);
                if (en != null) { // else never enabled: its arcs contradict each other
                    targets.add(en);
                    what.add("enables " + name(t) + ", which no run of the earliest schedule fires");
                }
                continue;
            }
            List<Predicate> clashes = new ArrayList<>();
            for (int u : disablers(t, seen)) {
                if (!never[u] && (allowed == null || allowed[u])) {
                    Predicate c = clash(u, t);
                    if (c != null) {
                        clashes.add(c);
                    }
                }
            }
            if (!clashes.isEmpty()) {
                targets.add(new Predicate.And(any(clashes), enabled(t)));
                what.add("enables " + name(t) + " and a transition whose firing disables it");
            }
        }
        Searched on = withoutNever(never);
        // one search per target: a disjunction of several would seed the stubborn sets with the
        // union of their interest sets, and search far more (measured: 5x the markings on galera)
        for (int i = 0; i < targets.size(); i++) {
            Answer a = search(on, targets.get(i), what.get(i), budget, cap - used);
            used += a.markings();
            if (!a.proven()) {
                return withMarkings(a, used);
            }
        }
        return new Answer(true, Limit.NONE, null, null, used);
    }

    /**
     * The transitions other than t that can disable it, read off the arcs: those that consume a
     * place t tests, or raise one that inhibits it. {@code seen} is overwritten.
     */
    private List<Integer> disablers(int t, java.util.BitSet seen) {
        List<Integer> out = new ArrayList<>();
        seen.clear();
        for (int i = 0; i < test[t].length; i += 2) {
            for (int u : consumers[(int) test[t][i]]) {
                if (u != t && !seen.get(u)) {
                    seen.set(u);
                    out.add(u);
                }
            }
        }
        for (int i = 0; i < inhibit[t].length; i += 2) {
            for (int u : raisers[(int) inhibit[t][i]]) {
                if (u != t && !seen.get(u)) {
                    seen.set(u);
                    out.add(u);
                }
            }
        }
        return out;
    }

    /** The net the searches run on, and its transitions' indices in {@link #net} (null: the same). */
    private record Searched(CompiledNet net, int[] original) {
    }

    /** The net without the transitions never enabled (their places, and so every marking, kept). */
    private Searched withoutNever(boolean[] never) {
        List<Transition> kept = new ArrayList<>();
        int[] original = new int[never.length];
        for (int t = 0; t < never.length; t++) {
            if (!never[t]) {
                original[kept.size()] = t;
                kept.add(net.transition(t));
            }
        }
        if (kept.size() == never.length) {
            return new Searched(compiled, null);
        }
        PetriNet smaller = new PetriNet(net.name(), net.places(), kept);
        return new Searched(CompiledNet.of(smaller), java.util.Arrays.copyOf(original, kept.size()));
    }

    private static Answer withMarkings(Answer a, long used) {
        return new Answer(a.persistent(), a.limit(), a.clash(), a.path(), used);
    }

    private Answer search(Searched on, Predicate target, String what, Budget budget, long cap) {
        if (cap <= 0) {
            return new Answer(false, Limit.CLASSES, null, null, 0);
        }
        MarkingGraph g = new MarkingGraphExplorer(on.net()).budget(budget).target(target.compile(PLACES))
                .stubborn(true).symmetric(true).cap(cap).explore();
        long markings = g.statistics().markings();
        if (g.target().isPresent()) {
            int[] path = g.pathTo(g.target().get());
            if (on.original() != null) {
                for (int i = 0; i < path.length; i++) {
                    path[i] = on.original()[path[i]];
                }
            }
            return new Answer(false, Limit.NONE, "a reachable marking " + what, path, markings);
        }
        return new Answer(g.statistics().limit() == Limit.NONE, g.statistics().limit(), null, null, markings);
    }

    /**
     * u and t enabled, and u's firing disables t (in the intermediate marking or after), as a
     * predicate; null when no marking can have it (read off the arcs alone).
     */
    Predicate clash(int u, int t) {
        List<Predicate> ways = new ArrayList<>();
        try {
            if (!narrow(t) || !narrow(u)) {
                return null;
            }
            long[] pu = pre[u];
            long[] tt = test[t];
            for (int i = 0; i < pu.length; i += 2) {
                int p = (int) pu[i];
                long w = weightAt(tt, p);
                // m(p) - Pre(u, p) < w, with m(p) in [lo, hi]
                if (w > 0 && lo[p] < pu[i + 1] + w) {
                    ways.add(compare(p, ComparisonOperator.LT, pu[i + 1] + w));
                }
            }
            long[] eu = effect[u];
            long[] it = inhibit[t];
            for (int i = 0; i < eu.length; i += 2) {
                int p = (int) eu[i];
                long k = weightAt(it, p);
                // m(p) + effect >= k
                if (eu[i + 1] > 0 && k > 0 && hi[p] >= k - eu[i + 1]) {
                    ways.add(compare(p, ComparisonOperator.GE, k - eu[i + 1]));
                }
            }
        } finally {
            reset();
        }
        return ways.isEmpty() ? null : new Predicate.And(any(ways), enabled(u));
    }

    /** Narrows the scratch [lo, hi] by t's arcs; false when they become empty. */
    private boolean narrow(int t) {
        long[] te = test[t];
        for (int i = 0; i < te.length; i += 2) {
            int p = (int) te[i];
            touch(p);
            lo[p] = Math.max(lo[p], te[i + 1]);
        }
        long[] in = inhibit[t];
        for (int i = 0; i < in.length; i += 2) {
            int p = (int) in[i];
            touch(p);
            hi[p] = Math.min(hi[p], in[i + 1] - 1);
        }
        for (int i = 0; i < touchedCount; i++) {
            if (lo[touched[i]] > hi[touched[i]]) {
                return false;
            }
        }
        return true;
    }

    private void touch(int p) {
        if (lo[p] == 0 && hi[p] == Long.MAX_VALUE) {
            touched[touchedCount++] = p;
            lo[p] = 0;
        }
    }

    private void reset() {
        for (int i = 0; i < touchedCount; i++) {
            lo[touched[i]] = 0;
            hi[touched[i]] = Long.MAX_VALUE;
        }
        touchedCount = 0;
    }

    private static long weightAt(long[] sparse, int p) {
        for (int i = 0; i < sparse.length; i += 2) {
            if (sparse[i] == p) {
                return sparse[i + 1];
            }
        }
        return 0;
    }

    /** t is enabled, as a conjunction of one-place comparisons; null when its arcs contradict. */
    Predicate enabled(int t) {
        boolean possible;
        try {
            possible = narrow(t);
        } finally {
            reset();
        }
        if (!possible) {
            return null;
        }
        List<Predicate> parts = new ArrayList<>();
        long[] te = test[t];
        for (int i = 0; i < te.length; i += 2) {
            parts.add(compare((int) te[i], ComparisonOperator.GE, te[i + 1]));
        }
        long[] in = inhibit[t];
        for (int i = 0; i < in.length; i += 2) {
            parts.add(compare((int) in[i], ComparisonOperator.LT, in[i + 1]));
        }
        return all(parts, 0, parts.size());
    }

    private static Predicate all(List<Predicate> parts, int from, int to) {
        if (to == from) {
            return new Predicate.Constant(true);
        }
        if (to - from == 1) {
            return parts.get(from);
        }
        int mid = (from + to) >>> 1;
        return new Predicate.And(all(parts, from, mid), all(parts, mid, to));
    }

    /** The disjunction, balanced (groups can be long: no deep trees). */
    private static Predicate any(List<Predicate> parts) {
        return any(parts, 0, parts.size());
    }

    private static Predicate any(List<Predicate> parts, int from, int to) {
        if (to - from == 1) {
            return parts.get(from);
        }
        int mid = (from + to) >>> 1;
        return new Predicate.Or(any(parts, from, mid), any(parts, mid, to));
    }

    private static Predicate compare(int place, ComparisonOperator op, long k) {
        return new Predicate.Comparison(new LinearExpression(List.of(new LinearExpression.Term(1, "#" + place, 0)), 0),
                op, new LinearExpression(List.of(), k));
    }

    /** Names {@code #i} are place i. */
    private static final NameResolver PLACES = name -> new int[] {Integer.parseInt(name.substring(1))};

    private String name(int t) {
        return net.transition(t).name();
    }
}
