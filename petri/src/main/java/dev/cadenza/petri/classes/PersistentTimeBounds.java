package dev.cadenza.petri.classes;

import dev.cadenza.petri.PetriNet;
import dev.cadenza.petri.limit.Budget;
import dev.cadenza.petri.limit.Limit;
import dev.cadenza.petri.query.CompiledPredicate;
import dev.cadenza.petri.query.NameResolver;
import dev.cadenza.petri.query.Predicate;
import dev.cadenza.petri.reach.Persistence;

import java.util.ArrayList;
import java.util.List;

/**
 * The exact min and max time to the end of a net whose behaviour is conflict-free, from two
 * runs instead of the state classes: the run where every transition fires as early as its
 * interval allows, and the one where each fires as late. Steps aside (no answer) whenever one of
 * its conditions is not proven; the state classes then answer as before.
 *
 * <h2>The conditions</h2>
 * <ol>
 * <li><b>Persistent</b> ({@link Persistence}): no reachable marking of the net read without time
 * enables two transitions t ≠ u such that firing u disables t, in the intermediate marking
 * m − Pre(u) or after. Untimed reachability over-approximates every timed run, so in every timed
 * run an enabled transition stays enabled, with its clock running, until it fires itself.</li>
 * <li><b>It ends</b>: the earliest run (below) reaches a dead marking M.</li>
 * <li><b>The target marks the end</b>: the target holds in M, and no reachable marking that is
 * not dead satisfies it (a search of the marking graph with stubborn sets); for termination
 * (no target) this is "dead" itself.</li>
 * <li>For the max: every transition the run fires has a finite upper bound.</li>
 * </ol>
 *
 * <h2>Why the answers are exact</h2>
 * <b>One end, one multiset.</b> By Keller's theorem for persistent systems, for firing sequences
 * σ, τ from m0, τ·(σ ∸ τ) is a firing sequence (∸: multiset residue, in σ's order). Let σ be the
 * earliest run, ending dead in M. For any τ, σ·(τ ∸ σ) fires, so τ ∸ σ is empty: every firing
 * sequence uses each transition at most as often as σ does, every untimed run is finite, and a
 * maximal τ (ending dead) has τ ∸ σ = σ ∸ τ = ∅, the same multiset, hence the same end M. A timed
 * run cannot stop while a transition is enabled (condition 4, or the target is reached before:
 * see 3), so every timed run ends in M, and by 3 reaches the target exactly there: the time to
 * the target is the time of the run's last firing, its makespan.
 * <br><b>Delays are free.</b> Name occurrences (t, k), the k-th firing of t. By 1, once (t, k) is
 * enabled it stays enabled until it fires, with its clock running; so a timed run is exactly a
 * choice of a delay d(t, k) in t's interval for each occurrence, which fires d(t, k) after it was
 * enabled, and every choice is a run (strong semantics asks nothing more: each fires by its upper
 * bound).
 * <br><b>Monotone.</b> If d ≤ d' occurrence-wise, every occurrence fires no later under d than under
 * d'. By induction along the d'-run: let x = (t, k) be enabled there after the firings N' (a set
 * of occurrences, each no later under d by induction, so all fired under d by time en'(x)). Under
 * d, at time en'(x), the fired set N ⊇ N' is a reachable prefix; if x has not fired, Keller gives
 * a sequence from N' to N that avoids t (N(t) = N'(t) = k − 1), so by persistence x is enabled at
 * N: it was enabled at some en(x) ≤ en'(x) and fires at en(x) + d(x) ≤ en'(x) + d'(x).
 * <br>So the makespan is least with every delay at its lower bound and greatest at its upper
 * bound: the earliest and the latest runs. <b>Open bounds</b>: the runs are simulated with
 * delays a + ε (resp. b − ε) on open bounds, ε an infinitesimal (times are pairs value, ε-count
 * in lexicographic order: the event order of every small enough real ε). The end time is then
 * v + e·ε; by monotonicity every delay choice inside the open bounds lies above (below) some
 * such run, so the bound v is attained exactly when e = 0.
 *
 * <p>Switched off with the other reductions ({@code --no-reduction}). Compared with the state
 * classes by property tests on random nets (same min and max, value and strictness; runs that
 * replay on the net).
 */
public final class PersistentTimeBounds {

    /** How verdicts name this answer. */
    public static final String STAGE = "conflict-free net, earliest and latest runs";

    /** Why the fast path gave no answer: what a caller may conclude for its next questions on the net. */
    public enum Aside {
        /** It answered. */
        NONE,
        /** A reason of this target or of the net's runs (an unbounded interval, a long run): no search was cut. */
        TARGET,
        /**
         * The earliest run ended in a dead marking where the target does not hold. With a target
         * that implies "dead", a class search that then finds the target reachable proves the net
         * not persistent: in a persistent net every maximal run ends in the one marking M of the
         * earliest run (the Keller argument below), so a second dead marking cannot be reached.
         */
        END_MISSES_TARGET,
        /** A search reached its cap: a larger cap may settle it. */
        CUT,
        /** A clash was found: no target will do on this net. */
        NOT_PERSISTENT
    }

    /**
     * {@code result} null: the fast path stepped aside ({@code why}, {@code aside}); {@code
     * markings}: work of its searches; {@code persistent}: the persistence check was proven
     * (whatever the target: a caller may pass it back with {@link #knownPersistent}).
     */
    public record Answer(TimeBoundsResult result, String why, long markings, Aside aside, boolean persistent) {

        public boolean answered() {
            return result != null;
        }

        /** A clash was found: no target will do on this net. */
        public boolean notPersistent() {
            return aside == Aside.NOT_PERSISTENT;
        }

        /** A search was cut by its cap, not stepped aside for a reason of the net or the target. */
        public boolean cut() {
            return aside == Aside.CUT;
        }
    }

    /** Runs longer than this are left to the state classes (a net this long is not a deployment). */
    private static final int MAX_STEPS = 1_000_000;

    private final PetriNet net;
    private final boolean knownPersistent;

    public PersistentTimeBounds(PetriNet net) {
        this(net, false);
    }

    private PersistentTimeBounds(PetriNet net, boolean knownPersistent) {
        this.net = net;
        this.knownPersistent = knownPersistent;
    }

    /**
     * The same fast path on a net an earlier {@link Answer#persistent()} of this net proved
     * persistent: condition 1 does not depend on the target, so its check is not run again.
     */
    public PersistentTimeBounds knownPersistent() {
        return new PersistentTimeBounds(net, true);
    }

    /**
     * Min (and, with {@code withMax}, max) time to {@code target} (null: a dead marking) when the
     * conditions hold, within {@code budget} and at most {@code cap} markings of its searches.
     */
    public Answer compute(Predicate target, NameResolver names, Budget budget, long cap, boolean withMax) {
        long t0 = System.nanoTime();
        if (budget.spent() != Limit.NONE) {
            return aside("the budget is spent", 0);
        }
        TimedNet tn;
        try {
            tn = new TimedNet(net);
        } catch (IllegalArgumentException | ArithmeticException e) {
            return aside(e.getMessage(), 0);
        }
        CompiledPredicate goal = target == null ? null : target.compile(names);
        Run early = simulate(tn, goal, true);
        if (early.why != null) {
            return early.clash ? notPersistent(early.why, 0)
                    : new Answer(null, early.why, 0, early.endMisses ? Aside.END_MISSES_TARGET : Aside.TARGET, false);
        }
        Run late = null;
        if (withMax) {
            late = simulate(tn, goal, false);
            if (late.why != null) {
                return late.clash ? notPersistent(late.why, 0) : aside(late.why, 0);
            }
            if (!java.util.Arrays.equals(early.end, late.end)) {
                return aside("the earliest and latest runs end in different markings", 0);
            }
        }
        long markings = 0;
        if (!knownPersistent) {
            Persistence.Answer p = new Persistence(net).check(null, budget, cap);
            markings = p.markings();
            if (!p.proven()) {
                return p.clash() != null ? notPersistent(p.clash(), markings)
                        : new Answer(null, "the persistence check was cut", markings, Aside.CUT, false);
            }
        }
        if (goal != null) {
            var g = new dev.cadenza.petri.reach.MarkingGraphExplorer(net).budget(budget)
                    .target(new Predicate.And(target, new Predicate.Not(new Predicate.Dead())).compile(names))
                    .stubborn(true).symmetric(true).cap(Math.max(1, cap - markings)).explore();
            markings += g.statistics().markings();
            if (g.target().isPresent()) {
                return new Answer(null, "the target may hold before the end", markings, Aside.TARGET, true);
            }
            if (g.statistics().limit() != Limit.NONE) {
                return new Answer(null, "the search for the target before the end was cut", markings, Aside.CUT,
                        true);
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        TimeValue min = new TimeValue(tn.unscale(early.endValue), early.endEps == 0);
        TimedTrace minTrace = early.trace(tn, early.endEps != 0);
        if (!withMax) {
            return new Answer(new TimeBoundsResult(true, min, null, minTrace, null, null, Limit.NONE, markings,
                    seconds), null, markings, Aside.NONE, true);
        }
        TimeValue max = new TimeValue(tn.unscale(late.endValue), late.endEps == 0);
        return new Answer(new TimeBoundsResult(true, min, max, minTrace, late.trace(tn, late.endEps != 0), null,
                Limit.NONE, markings, seconds), null, markings, Aside.NONE, true);
    }

    /** Stepped aside for a reason of the net's runs or the target, found before any search was cut. */
    private static Answer aside(String why, long markings) {
        return new Answer(null, why, markings, Aside.TARGET, false);
    }

    /** Stepped aside because the net is not persistent (a clash found): whatever the target. */
    private static Answer notPersistent(String why, long markings) {
        return new Answer(null, why, markings, Aside.NOT_PERSISTENT, false);
    }

    /** One simulated run: the firings, their times (value and ε-count), the end; {@code why} when it does not qualify. */
    private static final class Run {
        int[] fired = new int[64];
        long[] value = new long[64];
        long[] eps = new long[64];
        int length;
        int[] end;
        long endValue;
        long endEps;
        String why;
        /** {@code why} is a clash seen on the run: the net is not persistent. */
        boolean clash;
        /** It ended dead in a marking where the target does not hold. */
        boolean endMisses;

        void add(int t, long v, long e) {
            if (length == fired.length) {
                fired = java.util.Arrays.copyOf(fired, 2 * length);
                value = java.util.Arrays.copyOf(value, 2 * length);
                eps = java.util.Arrays.copyOf(eps, 2 * length);
            }
            fired[length] = t;
            value[length] = v;
            eps[length++] = e;
        }

        TimedTrace trace(TimedNet net, boolean limit) {
            List<TimedTrace.Step> steps = new ArrayList<>(length);
            for (int i = 0; i < length; i++) {
                steps.add(new TimedTrace.Step(net.unscale(value[i]), net.net().transition(fired[i]).name()));
            }
            return new TimedTrace(steps, limit);
        }
    }

    /** Enabled transitions checked pairwise per marking of a run, up to this many (cost: their square). */
    private static final int PAIRS_UP_TO = 200;

    /**
     * A clash in marking m (both enabled, firing one disables the other, in m − Pre or after),
     * in words, or null. {@code scratch} is overwritten.
     */
    private static String clash(TimedNet net, boolean[] on, int[] m, int[] scratch) {
        int[] enabled = new int[PAIRS_UP_TO];
        int k = 0;
        for (int t = 0; t < net.transitions; t++) {
            if (on[t]) {
                if (k == PAIRS_UP_TO) {
                    return null; // too many to pair up here; the searches decide
                }
                enabled[k++] = t;
            }
        }
        int[] after = new int[m.length];
        for (int i = 0; i < k; i++) {
            int u = enabled[i];
            System.arraycopy(m, 0, scratch, 0, m.length);
            net.consume(u, scratch);
            System.arraycopy(scratch, 0, after, 0, m.length);
            net.produce(u, after);
            for (int j = 0; j < k; j++) {
                int t = enabled[j];
                if (t != u && !(net.enabled(t, scratch) && net.enabled(t, after))) {
                    return "a reachable marking enables " + net.net().transition(t).name() + " and "
                            + net.net().transition(u).name() + ", whose firing disables it";
                }
            }
        }
        return null;
    }

    /**
     * Every enabled transition fires at its enabling time plus its lower (earliest) or upper
     * (latest) bound, ε inside an open one. Stops with {@code why} when the run shows the net is
     * not persistent, the target holds before the end or not at it, or a bound is infinite.
     */
    private static Run simulate(TimedNet net, CompiledPredicate goal, boolean earliest) {
        Run run = new Run();
        int n = net.transitions;
        int[] m = net.initialMarking.clone();
        int[] mid = new int[m.length];
        boolean[] on = new boolean[n];
        long[] enValue = new long[n];
        long[] enEps = new long[n];
        long[] dValue = new long[n];
        long[] dEps = new long[n];
        boolean any = false;
        for (int t = 0; t < n; t++) {
            if (earliest) {
                dValue[t] = -Bound.value(net.lower[t]);
                dEps[t] = Bound.isStrict(net.lower[t]) ? 1 : 0;
            } else if (net.upper[t] != Bound.INF) {
                dValue[t] = Bound.value(net.upper[t]);
                dEps[t] = Bound.isStrict(net.upper[t]) ? -1 : 0;
            }
            on[t] = net.enabled(t, m);
            any |= on[t];
        }
        long nowValue = 0;
        long nowEps = 0;
        if (goal != null && any && goal.test(m, false)) {
            run.why = "the target holds before the end";
            return run;
        }
        while (true) {
            int next = -1;
            long bestValue = 0;
            long bestEps = 0;
            for (int t = 0; t < n; t++) {
                if (!on[t]) {
                    continue;
                }
                if (!earliest && net.upper[t] == Bound.INF) {
                    run.why = net.net().transition(t).name() + " may wait forever (its interval has no upper bound)";
                    return run;
                }
                long v = enValue[t] + dValue[t];
                long e = enEps[t] + dEps[t];
                if (next < 0 || v < bestValue || v == bestValue && e < bestEps) {
                    next = t;
                    bestValue = v;
                    bestEps = e;
                }
            }
            if (next < 0) {
                break;
            }
            if (run.length >= MAX_STEPS) {
                run.why = "the run is longer than " + MAX_STEPS + " firings";
                return run;
            }
            if (bestValue < nowValue || bestValue == nowValue && bestEps < nowEps) {
                run.why = "an empty interval"; // cannot happen for a valid interval; never guess
                return run;
            }
            nowValue = bestValue;
            nowEps = bestEps;
            // every marking of the run is reachable: a clash there ends the attempt before any search
            String clash = clash(net, on, m, mid);
            if (clash != null) {
                run.why = clash;
                run.clash = true;
                return run;
            }
            System.arraycopy(m, 0, mid, 0, m.length);
            net.consume(next, mid);
            System.arraycopy(mid, 0, m, 0, m.length);
            net.produce(next, m);
            boolean live = false;
            for (int t = 0; t < n; t++) {
                boolean now = net.enabled(t, m);
                if (on[t] && t != next && !(now && net.enabled(t, mid))) {
                    run.why = "firing " + net.net().transition(next).name() + " disables "
                            + net.net().transition(t).name();
                    run.clash = true;
                    return run;
                }
                if (now && (!on[t] || t == next)) {
                    enValue[t] = nowValue;
                    enEps[t] = nowEps;
                }
                on[t] = now;
                live |= now;
            }
            run.add(next, nowValue, nowEps);
            if (goal != null && live && goal.test(m, false)) {
                run.why = "the target holds before the end";
                return run;
            }
        }
        if (goal != null && !goal.test(m, true)) {
            run.why = "the run ends where the target does not hold";
            run.endMisses = true;
            return run;
        }
        run.end = m;
        run.endValue = nowValue;
        run.endEps = nowEps;
        return run;
    }
}
