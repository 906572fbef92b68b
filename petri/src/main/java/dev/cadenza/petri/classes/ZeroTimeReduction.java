package dev.cadenza.petri.classes;

import dev.cadenza.petri.query.CompiledPredicate;

/**
 * Which [0,0] transitions may be fired alone, as a singleton persistent ("ample") set, when the
 * question is the min/max time to first reach a target (or reachability of it, or of a dead
 * marking). Translated models are full of [0,0] bookkeeping moves (leave a place, start a
 * transition, complete a behavior) that run at the same instant in every order; exploring every
 * interleaving multiplies classes without changing any answer.
 *
 * <p><b>The rule.</b> A transition t is <em>safe</em> when its static interval is [0,0], it neither
 * consumes from nor produces into a place the target reads (t is invisible), and for every other
 * transition u that can be enabled together with t (u is not excluded by an inhibitor arc on a
 * place t needs tokens in, nor t by one on a place u needs):
 * <ol>
 *   <li>u does not consume, read or inhibit on a place t consumes from (t never disables u nor
 *       restarts its clock by the intermediate-marking rule);</li>
 *   <li>u does not inhibit on a place t produces into (t never disables u);</li>
 *   <li>u does not consume from a place t reads, nor produce into a place t inhibits on (u never
 *       disables t).</li>
 * </ol>
 * <b>Why it is sound.</b> In a class where a safe t is enabled and firable, t's firing delay is
 * exactly 0 (its upper bound is 0 and time cannot have passed since it was enabled), so every
 * transition u firable there fires at delay 0 too. By 1–3, t and u neither disable each other nor
 * change each other's clocks, and both fire at the same instant; so any timed run from the class
 * that fires u (and later things) before t can be permuted into one that fires t first, at the
 * same instants, with the same markings afterwards — and t stays enabled until it fires (nothing
 * disables it) and must fire before any time passes (its bound 0), so every run does fire it.
 * The markings skipped by the permutation differ from visited ones only in t's places, which
 * the target does not read: the first instant at which the target holds, hence the min and
 * max times, are unchanged, and a dead marking is never skipped (t is enabled in the skipped
 * ones). A skipped marking is live while the visited one it stands for may be dead: so the target
 * may read deadness only positively ({@code dead and …}: what holds live holds dead, with the same
 * places). A target that can hold <em>because</em> a marking is live ({@code not dead and …},
 * {@link CompiledPredicate#readsLiveness}) gets no safe transition: with c1.ua and c2.ua [0,0] and
 * independent, {@code not dead and c1.qa = 0} holds only after c1.ua and before c2.ua, the marking
 * firing c2.ua alone first skips (found by ReachEachPropertiesTest, seed -9750084; until then the
 * single search said unreachable too). Exploring only t from such a class therefore keeps every answer of {@link TimeBounds}.
 * The <em>ignoring</em> proviso: the reduced expansion is used only when t's successor is a new
 * class; class ids grow with insertion, so a cycle of reduced expansions is impossible and
 * every cycle of the explored graph has a fully expanded class (a class expanded again after
 * its distance improves finds t's successor known, and is fully expanded).
 *
 * <p>Not used by {@code explore}, whose class counts must match TINA's.
 */
final class ZeroTimeReduction {

    private ZeroTimeReduction() {
    }

    /** safe[t] by the rule above; {@code target} null means termination (reads no place). */
    static boolean[] safeTransitions(TimedNet net, CompiledPredicate target) {
        return safeTransitions(net, target == null ? new CompiledPredicate[0] : new CompiledPredicate[] {target});
    }

    /**
     * safe[t] by the rule above for the union V of the places {@code targets} read (none: termination).
     * Invisible to V is invisible to each target, since each reads a subset of V; rules 1–3 do not
     * mention the target. So the argument above holds for every target at once: one search with
     * these transitions fired alone keeps each target's first instant, min and max
     * ({@link TimeBounds#reachEach}).
     */
    static boolean[] safeTransitions(TimedNet net, CompiledPredicate[] targets) {
        int n = net.transitions;
        boolean[] read = new boolean[net.places];
        for (CompiledPredicate target : targets) {
            if (target.readsLiveness()) {
                return new boolean[n]; // see above: a skipped live marking may be the only one where it holds
            }
            target.markReadPlaces(read);
        }
        // per place, the transitions with any arc on it: the only candidates for a clash
        int[][] touching = touching(net);
        boolean[] seen = new boolean[n];
        int[] candidates = new int[n];
        boolean[] safe = new boolean[n];
        for (int t = 0; t < n; t++) {
            if (net.lower[t] != Bound.LE_ZERO || net.upper[t] != Bound.LE_ZERO
                    || writes(net, t, read)) {
                continue;
            }
            int c = 0;
            for (int p : placesOf(net, t)) {
                for (int u : touching[p]) {
                    if (u != t && !seen[u]) {
                        seen[u] = true;
                        candidates[c++] = u;
                    }
                }
            }
            boolean ok = true;
            for (int i = 0; i < c; i++) {
                int u = candidates[i];
                seen[u] = false;
                if (ok && !neverTogether(net, t, u) && clash(net, t, u)) {
                    ok = false;
                }
            }
            safe[t] = ok;
        }
        return safe;
    }

    /**
     * The position (among the {@code k} enabled of a class with domain {@code domain} of side
     * {@code dim}) of the first safe transition firable there, or -1: the one a search fires alone.
     */
    static int firstSafeFirable(boolean[] safe, int[] enabled, int[] domain, int k, int dim) {
        for (int fi = 0; fi < k; fi++) {
            if (safe[enabled[fi]] && FiringDomain.firable(domain, 0, k, dim, fi)) {
                return fi;
            }
        }
        return -1;
    }

    private static boolean writes(TimedNet net, int t, boolean[] read) {
        for (int i = net.preStart[t]; i < net.preStart[t + 1]; i++) {
            if (read[net.prePlace[i]]) {
                return true;
            }
        }
        for (int i = net.postStart[t]; i < net.postStart[t + 1]; i++) {
            if (read[net.postPlace[i]]) {
                return true;
            }
        }
        return false;
    }

    /** Rules 1–3 for the pair (t, u). */
    private static boolean clash(TimedNet net, int t, int u) {
        for (int i = net.preStart[t]; i < net.preStart[t + 1]; i++) {
            int p = net.prePlace[i];
            if (has(net.preStart, net.prePlace, u, p) || has(net.testStart, net.testPlace, u, p)
                    || has(net.inhibitStart, net.inhibitPlace, u, p)) {
                return true;
            }
        }
        for (int i = net.postStart[t]; i < net.postStart[t + 1]; i++) {
            if (has(net.inhibitStart, net.inhibitPlace, u, net.postPlace[i])) {
                return true;
            }
        }
        for (int i = net.testStart[t]; i < net.testStart[t + 1]; i++) {
            if (has(net.preStart, net.prePlace, u, net.testPlace[i])) {
                return true;
            }
        }
        for (int i = net.inhibitStart[t]; i < net.inhibitStart[t + 1]; i++) {
            if (has(net.postStart, net.postPlace, u, net.inhibitPlace[i])) {
                return true;
            }
        }
        return false;
    }

    /** An inhibitor arc of one (m(p) < k) on a place where the other needs at least k tokens. */
    private static boolean neverTogether(TimedNet net, int t, int u) {
        return excludes(net, u, t) || excludes(net, t, u);
    }

    /** a's inhibitor arcs forbid b's enabling condition. */
    private static boolean excludes(TimedNet net, int a, int b) {
        for (int i = net.inhibitStart[a]; i < net.inhibitStart[a + 1]; i++) {
            int p = net.inhibitPlace[i];
            int below = net.inhibitBelow[i];
            for (int j = net.preStart[b]; j < net.preStart[b + 1]; j++) {
                if (net.prePlace[j] == p && net.preWeight[j] >= below) {
                    return true;
                }
            }
            for (int j = net.testStart[b]; j < net.testStart[b + 1]; j++) {
                if (net.testPlace[j] == p && net.testAtLeast[j] >= below) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean has(int[] start, int[] place, int t, int p) {
        for (int i = start[t]; i < start[t + 1]; i++) {
            if (place[i] == p) {
                return true;
            }
        }
        return false;
    }

    private static int[] placesOf(TimedNet net, int t) {
        int[] out = new int[net.preStart[t + 1] - net.preStart[t] + net.postStart[t + 1] - net.postStart[t]
                + net.testStart[t + 1] - net.testStart[t] + net.inhibitStart[t + 1] - net.inhibitStart[t]];
        int c = 0;
        for (int i = net.preStart[t]; i < net.preStart[t + 1]; i++) {
            out[c++] = net.prePlace[i];
        }
        for (int i = net.postStart[t]; i < net.postStart[t + 1]; i++) {
            out[c++] = net.postPlace[i];
        }
        for (int i = net.testStart[t]; i < net.testStart[t + 1]; i++) {
            out[c++] = net.testPlace[i];
        }
        for (int i = net.inhibitStart[t]; i < net.inhibitStart[t + 1]; i++) {
            out[c++] = net.inhibitPlace[i];
        }
        return out;
    }

    private static int[][] touching(TimedNet net) {
        int[] count = new int[net.places];
        for (int t = 0; t < net.transitions; t++) {
            for (int p : placesOf(net, t)) {
                count[p]++;
            }
        }
        int[][] out = new int[net.places][];
        for (int p = 0; p < net.places; p++) {
            out[p] = new int[count[p]];
            count[p] = 0;
        }
        for (int t = 0; t < net.transitions; t++) {
            for (int p : placesOf(net, t)) {
                if (count[p] == 0 || out[p][count[p] - 1] != t) {
                    out[p][count[p]++] = t;
                }
            }
        }
        for (int p = 0; p < net.places; p++) {
            out[p] = java.util.Arrays.copyOf(out[p], count[p]);
        }
        return out;
    }
}
