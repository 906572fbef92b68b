package dev.cadenza.petri.reach;

import dev.cadenza.petri.query.CompiledPredicate;

/**
 * Valmari's stubborn sets for the marking graph: in each marking, fire only the enabled
 * transitions of a <em>stubborn set</em> St instead of all enabled ones. Every reachable
 * deadlock stays reachable, and so does every marking where the search's target holds.
 *
 * <h2>The conditions, for nets with weights, read and inhibitor arcs</h2>
 * Interleaving semantics: t is enabled in m when m(p) ≥ test(t, p) for its tests (normal and read
 * arcs: the larger weight) and m(p) &lt; inhib(t, p) for its inhibitor arcs; firing adds its net
 * effect Δ(t) (a read arc, or a normal arc given back, changes nothing). So enabledness is
 * <em>monotone</em>: raising a place t tests, or lowering a place that inhibits t, never disables
 * t. Write "t' can disable t" when Δ(t') lowers a place t tests or raises a place that inhibits t.
 * St is closed under:
 * <ol>
 * <li>t ∈ St enabled: every t' that t can disable is in St;</li>
 * <li>t ∈ St disabled: for one reason it is disabled — a tested place p with m(p) &lt; test(t, p),
 * or an inhibiting p with m(p) ≥ inhib(t, p) — every transition that raises p (resp. lowers p)
 * is in St;</li>
 * <li>(key) when m is not dead, St holds an enabled <em>key</em> transition k, and every t' that
 * can disable k;</li>
 * <li>(interest) when the target is false in m, St holds every transition of an <em>interest
 * set</em>: for each comparison the target must move, and in the direction it must move it
 * ({@link CompiledPredicate#interest}: a false {@code a >= k} must rise, a conjunction needs its
 * false part, a disjunction both parts, negations flip), every transition whose effect moves that
 * comparison's weighted sum that way. A target that holds only in dead markings needs none.</li>
 * </ol>
 * Read arcs never conflict: two transitions reading one place are independent (neither changes
 * it), and a transition reading p conflicts only with those that lower p below its weight.
 *
 * <h2>Why it is sound (the argument to check)</h2>
 * <b>D1</b>: for t ∈ St and u ∈ (T \ St)*, m[u t⟩m' implies m[t u⟩m'. If t is disabled in m, by (2)
 * no transition of u touches its scapegoat place in the way that could enable t, so t is still
 * disabled after u: the premise never holds. If t is enabled, by (1) no transition of u can be
 * disabled by t (whether u can disable t does not matter here: t is enabled in m, and m[u t⟩ is
 * given): each step of u was enabled in m + Δ(prefix) and, by monotonicity, is enabled in
 * m + Δ(t) + Δ(prefix) too; the end markings agree because effects add up.
 * <br><b>D2</b>: the key k stays enabled along every u ∈ (T \ St)* (by (3) nothing outside St can
 * disable it). So a path that uses no St transition never ends in a deadlock. Only the key needs
 * its disablers in St (Valmari's D2 asks it of one key transition); asking it of every enabled
 * member, as this class first did, pulled in every transition that consumes a place some member
 * only reads.
 * <br><b>Deadlocks</b>: let w lead from m to a dead marking. If m is not dead, w is not empty and,
 * by D2 with (3), contains a transition of St; let t be the first: w = u t v. By D1 m[t u v⟩ to
 * the same dead marking, and t is fired in the reduced graph. Induction on |w|.
 * <br><b>A target φ</b>: let w be a shortest path from m to a marking where φ holds, φ false in
 * m. Some transition of w is in St: by (4) every path that makes φ true moves one of the reported
 * comparisons the reported way (an induction on φ's tree: the conjunct that is false must become
 * true, etc.) or reaches a dead marking from a live one for a {@code dead} leaf, and a path with
 * no St transition does neither — no transition outside St moves a reported sum that way, and by
 * D2 the key transition stays enabled. With t the first such, D1 gives a path t u v to the same marking, t fired in the reduced
 * graph, and one step shorter from there. When φ holds only in dead markings, the deadlock
 * argument suffices and (4) is not needed.
 * <br>No cycle proviso is needed: both arguments are inductions on the length of a path of the
 * full (finite or not) graph, not on the reduced one. Counterexamples are paths of the reduced
 * graph, hence firing sequences of the full net.
 *
 * <p>Per marking, the set is closed with each enabled transition in turn as the key (with the
 * interest set), keeping the one with the fewest enabled transitions — any stubborn set is sound,
 * so the choice is free — a closure abandoned as soon as it cannot be smaller. Nothing is allocated per marking: stamps instead of cleared flags.
 */
final class StubbornSets {

    private final CompiledNet net;
    /** Transitions whose effect raises / lowers place p, that test p, that p inhibits. */
    private final int[] raiseStart;
    private final int[] raise;
    private final int[] lowerStart;
    private final int[] lower;
    private final int[] testerStart;
    private final int[] tester;
    private final int[] inhibitedStart;
    private final int[] inhibited;
    /** The target (null: none, or one that holds only when dead), and per comparison of it the
     *  transitions whose effect raises / lowers its weighted sum (condition 4). */
    private final CompiledPredicate target;
    private final int[][] rising;
    private final int[][] falling;
    /** The interest set of the marking being reduced: seeds of the closure. */
    private final int[] seeds;
    private int seedCount;
    private final int[] seedStamp;
    private int seedGeneration;
    private final CompiledPredicate.Mover mover = this::interested;

    private final int[] inSet;
    private final int[] enabledStamp;
    private int stamp;
    private int enabledGeneration;
    private final int[] stack;

    StubbornSets(CompiledNet net, CompiledPredicate target) {
        this.net = net;
        int places = net.places;
        int[][] r = byPlace(net, places, net.effectStart, net.effectPlace, net.effectDelta, 1);
        raiseStart = r[0];
        raise = r[1];
        int[][] l = byPlace(net, places, net.effectStart, net.effectPlace, net.effectDelta, -1);
        lowerStart = l[0];
        lower = l[1];
        int[][] te = byPlace(net, places, net.testStart, net.testPlace, null, 0);
        testerStart = te[0];
        tester = te[1];
        int[][] in = byPlace(net, places, net.inhibStart, net.inhibPlace, null, 0);
        inhibitedStart = in[0];
        inhibited = in[1];
        this.target = target == null || target.holdsOnlyWhenDead() ? null : target;
        var atoms = this.target == null ? java.util.List.<CompiledPredicate.Atom>of() : this.target.atoms();
        rising = new int[atoms.size()][];
        falling = new int[atoms.size()][];
        long[] weight = new long[places];
        for (int a = 0; a < atoms.size(); a++) {
            CompiledPredicate.Atom atom = atoms.get(a);
            for (int i = 0; i < atom.places().length; i++) {
                weight[atom.places()[i]] += atom.coefficients()[i];
            }
            int[] up = new int[net.transitions];
            int[] down = new int[net.transitions];
            int u = 0;
            int d = 0;
            for (int t = 0; t < net.transitions; t++) {
                long change = 0;
                for (int i = net.effectStart[t]; i < net.effectStart[t + 1]; i++) {
                    change += weight[net.effectPlace[i]] * net.effectDelta[i];
                }
                if (change > 0) {
                    up[u++] = t;
                } else if (change < 0) {
                    down[d++] = t;
                }
            }
            rising[a] = java.util.Arrays.copyOf(up, u);
            falling[a] = java.util.Arrays.copyOf(down, d);
            for (int i = 0; i < atom.places().length; i++) {
                weight[atom.places()[i]] = 0;
            }
        }
        seeds = new int[net.transitions];
        seedStamp = new int[net.transitions];
        inSet = new int[net.transitions];
        enabledStamp = new int[net.transitions];
        stack = new int[net.transitions];
    }

    /**
     * Transitions listed in arrays indexed per transition, regrouped per place: with
     * {@code sign} 1 (resp. -1) those whose delta at the place is positive (negative), with 0 all.
     */
    private static int[][] byPlace(CompiledNet net, int places, int[] start, int[] place, long[] delta, int sign) {
        int[] count = new int[places + 1];
        for (int t = 0; t < net.transitions; t++) {
            for (int i = start[t]; i < start[t + 1]; i++) {
                if (sign == 0 || Long.signum(delta[i]) == sign) {
                    count[place[i] + 1]++;
                }
            }
        }
        for (int p = 0; p < places; p++) {
            count[p + 1] += count[p];
        }
        int[] out = new int[count[places]];
        int[] fill = count.clone();
        for (int t = 0; t < net.transitions; t++) {
            for (int i = start[t]; i < start[t + 1]; i++) {
                if (sign == 0 || Long.signum(delta[i]) == sign) {
                    out[fill[place[i]]++] = t;
                }
            }
        }
        return new int[][] {count, out};
    }

    /**
     * Writes into {@code out} the enabled transitions of a stubborn set of marking {@code m},
     * whose enabled transitions are {@code enabled[0 .. n)}; returns how many. n ≥ 1.
     */
    int reduce(long[] m, int[] enabled, int n, int[] out) {
        if (n == 1) {
            out[0] = enabled[0];
            return 1;
        }
        int gen = ++enabledGeneration;
        if (gen == Integer.MAX_VALUE) {
            java.util.Arrays.fill(enabledStamp, 0);
            enabledGeneration = gen = 1;
        }
        for (int i = 0; i < n; i++) {
            enabledStamp[enabled[i]] = gen;
        }
        int best = n;
        System.arraycopy(enabled, 0, out, 0, n);
        seedCount = 0;
        if (target != null) {
            if (++seedGeneration == Integer.MAX_VALUE) {
                java.util.Arrays.fill(seedStamp, 0);
                seedGeneration = 1;
            }
            // the explorer reduces only live markings where the target is false
            target.interest(m, false, true, mover);
        }
        int[] visible = seeds;
        // every enabled transition is tried as the key (the one whose disablers must be in St too);
        // the smallest closure wins, a closure abandoned once it cannot be smaller
        for (int i = 0; i < n && best > 1; i++) {
            int k = close(m, visible, seedCount, enabled[i], best);
            if (k > 0 && k < best) {
                best = collect(enabled, n, out);
            }
        }
        return best;
    }

    /** Adds the transitions that move comparison {@code atom} the way {@code sign} says to the seeds. */
    private void interested(int atom, int sign) {
        if (sign >= 0) {
            seed(rising[atom]);
        }
        if (sign <= 0) {
            seed(falling[atom]);
        }
    }

    private void seed(int[] transitions) {
        int g = seedGeneration;
        for (int t : transitions) {
            if (seedStamp[t] != g) {
                seedStamp[t] = g;
                seeds[seedCount++] = t;
            }
        }
    }

    /** The enabled members of the last closure, into out. */
    private int collect(int[] enabled, int n, int[] out) {
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (inSet[enabled[i]] == stamp) {
                out[k++] = enabled[i];
            }
        }
        return k;
    }

    /**
     * Closes {seeds, key} under (1), (1k) for the key and (2); returns the number of enabled
     * transitions in the closure, or {@code bound} as soon as that many are in it (it cannot be
     * the smallest).
     */
    private int close(long[] m, int[] seeds, int seedCount, int key, int bound) {
        int s = ++stamp;
        if (s == Integer.MAX_VALUE) {
            java.util.Arrays.fill(inSet, 0);
            stamp = s = 1;
        }
        int top = 0;
        for (int i = 0; i < seedCount; i++) {
            if (inSet[seeds[i]] != s) {
                inSet[seeds[i]] = s;
                stack[top++] = seeds[i];
            }
        }
        if (inSet[key] != s) {
            inSet[key] = s;
            stack[top++] = key;
        }
        final CompiledNet n = net;
        final int eg = enabledGeneration;
        int enabledIn = 0;
        while (top > 0) {
            int t = stack[--top];
            if (enabledStamp[t] == eg) {
                if (++enabledIn >= bound) {
                    return bound;
                }
                if (t == key) {
                    // (1k): who can disable the key — lowers a place it tests, raises one that inhibits it
                    for (int i = n.testStart[t]; i < n.testStart[t + 1]; i++) {
                        top = push(lower, lowerStart, n.testPlace[i], s, top);
                    }
                    for (int i = n.inhibStart[t]; i < n.inhibStart[t + 1]; i++) {
                        top = push(raise, raiseStart, n.inhibPlace[i], s, top);
                    }
                }
                // (1): whom t can disable — those testing a place t lowers, inhibited by one it raises
                for (int i = n.effectStart[t]; i < n.effectStart[t + 1]; i++) {
                    top = n.effectDelta[i] < 0 ? push(tester, testerStart, n.effectPlace[i], s, top)
                            : push(inhibited, inhibitedStart, n.effectPlace[i], s, top);
                }
            } else {
                // (2): one reason t is disabled; the one with the fewest transitions not yet in St
                int[] list = null;
                int[] listStart = null;
                int place = -1;
                int cost = Integer.MAX_VALUE;
                for (int i = n.testStart[t]; i < n.testStart[t + 1] && cost > 0; i++) {
                    int p = n.testPlace[i];
                    if (m[p] < n.testAtLeast[i]) {
                        int c = outside(raise, raiseStart, p, s);
                        if (c < cost) {
                            cost = c;
                            list = raise;
                            listStart = raiseStart;
                            place = p;
                        }
                    }
                }
                for (int i = n.inhibStart[t]; i < n.inhibStart[t + 1] && cost > 0; i++) {
                    int p = n.inhibPlace[i];
                    if (m[p] >= n.inhibBelow[i]) {
                        int c = outside(lower, lowerStart, p, s);
                        if (c < cost) {
                            cost = c;
                            list = lower;
                            listStart = lowerStart;
                            place = p;
                        }
                    }
                }
                assert place >= 0 : "a disabled transition has a reason";
                top = push(list, listStart, place, s, top);
            }
        }
        return enabledIn;
    }

    private int outside(int[] list, int[] start, int p, int s) {
        int c = 0;
        for (int i = start[p]; i < start[p + 1]; i++) {
            if (inSet[list[i]] != s) {
                c++;
            }
        }
        return c;
    }

    private int push(int[] list, int[] start, int p, int s, int top) {
        for (int i = start[p]; i < start[p + 1]; i++) {
            int u = list[i];
            if (inSet[u] != s) {
                inSet[u] = s;
                stack[top++] = u;
            }
        }
        return top;
    }
}
