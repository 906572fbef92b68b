package dev.cadenza.petri.reach;

import dev.cadenza.petri.PetriNet;
import dev.cadenza.petri.classes.BundleSymmetry;
import dev.cadenza.petri.limit.Budget;
import dev.cadenza.petri.limit.Limit;
import dev.cadenza.petri.limit.Meter;
import dev.cadenza.petri.query.CompiledPredicate;

/**
 * Explores the marking graph of a P/T net (weights, read and inhibitor arcs; time intervals are
 * ignored) breadth-first, counting markings, edges and dead markings, within what is left of a
 * {@link Budget} (markings count as classes).
 *
 * <p>The inner loop works on one unpacked marking and the packed words of the state being
 * expanded: a successor is the packed words plus each effect shifted into its field (no unpacking
 * and re-packing per edge), and only the transitions filed under a marked place are tested
 * (see {@link CompiledNet}). A count that would overflow its field widens the layout, re-packs
 * the store, and expands the state again. Nothing is allocated per state or edge.
 *
 * <p>Two options turn the explorer into a search: a {@link #target} stops it at the first marking
 * (breadth-first: the shallowest) where a predicate holds, and {@link #stubborn} fires only the
 * enabled transitions of a stubborn set in each marking ({@link StubbornSets}: every deadlock
 * and every target marking stays reachable; the counts are then those of the reduced graph,
 * its dead markings exactly the reachable deadlocks).
 */
public final class MarkingGraphExplorer {

    private final CompiledNet net;
    private Budget budget;
    /** Markings expanded before the guards are chosen again by what was seen. */
    private int guardSample = 4096;
    private CompiledPredicate target;
    private boolean stubborn;
    private long cap = Long.MAX_VALUE;
    private boolean symmetric;

    public MarkingGraphExplorer(PetriNet net) {
        this(CompiledNet.of(net));
    }

    /** For many searches of one net: compiled once. */
    MarkingGraphExplorer(CompiledNet net) {
        this.net = net;
    }

    /** The marking graph with no limit but the heap. */
    public static MarkingGraph explore(PetriNet net) {
        return new MarkingGraphExplorer(net).explore();
    }

    /** Explore within what is left of {@code budget} (by default: no limit but the heap). */
    public MarkingGraphExplorer budget(Budget budget) {
        this.budget = budget;
        return this;
    }

    /**
     * Stop at the first marking where {@code target} holds ({@link MarkingGraph#target()}); its
     * {@code dead} is "no transition enabled", as in the state classes.
     */
    public MarkingGraphExplorer target(CompiledPredicate target) {
        this.target = target;
        return this;
    }

    /**
     * Fire stubborn sets only ({@link StubbornSets}): deadlocks and the target's markings stay
     * reachable; other markings may not be visited.
     */
    public MarkingGraphExplorer stubborn(boolean on) {
        this.stubborn = on;
        return this;
    }

    /**
     * Store one marking per orbit of the net's proven symmetry of alike bundles
     * ({@link BundleSymmetry}, under which the target keeps its truth value): each successor is
     * moved to its representative π(m) (bundles sorted by their marking) before it is stored.
     * With or without stubborn sets, the target (and a deadlock) stays reachable exactly when it
     * was: every stored marking is π of a reachable one, π an automorphism of the net keeping the
     * target, so what is reachable from it is π of what is reachable from the original; the
     * stubborn sets' argument is an induction on the length of a path to the target from any
     * stored marking, and π keeps that length. Paths are mapped back to runs of the net.
     */
    public MarkingGraphExplorer symmetric(boolean on) {
        this.symmetric = on;
        return this;
    }

    /**
     * Store at most {@code markings} of the budget's allowance (a first stage that gives way to
     * another search when it is not cheap); stopped there, the limit is {@link Limit#CLASSES}.
     */
    public MarkingGraphExplorer cap(long markings) {
        this.cap = markings;
        return this;
    }

    /** For tests: re-file the guards after {@code n} markings, so small nets exercise it too. */
    MarkingGraphExplorer guardSample(int n) {
        this.guardSample = n;
        return this;
    }

    public MarkingGraph explore() {
        Meter meter = (budget == null ? Budget.unlimited() : budget).start("markings", cap);
        Run run = new Run(meter);
        try {
            return run.run();
        } catch (OutOfMemoryError e) {
            // the store asks before it grows; this is the net under that guard
            run.stop = Limit.MEMORY;
            return run.finish(-1);
        } finally {
            meter.finish(run.store.size());
        }
    }

    /** One exploration's mutable state. */
    private final class Run {
        final Meter meter;
        final MarkingStore store;
        final long[] marking = new long[net.places];
        /** The packed state being expanded and its successors, sized to the current layout. */
        long[] cur = new long[0];
        long[] succ = new long[0];
        final int[] hashes = new int[net.transitions];
        final int[] firedTransitions = new int[net.transitions];
        final int[] enabled = new int[net.transitions];
        final int[] chosen = new int[net.transitions];
        final StubbornSets stubbornSets = stubborn ? new StubbornSets(net, target) : null;
        final BundleSymmetry sym;
        final int[][] order;
        /** Per transition, whether its effect changes a place of some bundle (only then may a successor need sorting). */
        final boolean[] movesBundle;
        final long[] scratch = new long[net.places];
        final long[] moved = new long[net.places];
        final long[] initial;
        int found = -1;
        int overflowPlace;
        long overflowValue;
        /** Keeps the table touches of {@link MarkingStore#touch} from being optimised away. */
        long sink;
        long edges;
        long dead;
        long maxTokens;
        long maxTokensInMarking;
        int depth;
        int firstDead = -1;
        int repacks;
        GuardIndex guards = GuardIndex.initial(net);
        /** How often each place was marked in the first {@code guardSample} markings expanded. */
        final long[] markedCount = new long[net.places];
        boolean sampling = true;
        Limit stop = Limit.NONE;

        Run(Meter meter) {
            this.meter = meter;
            BundleSymmetry s = symmetric ? BundleSymmetry.of(net.symmetryCandidates(), target) : null;
            this.sym = s == null || s.isTrivial() ? null : s;
            this.order = sym == null ? null : sym.newOrder();
            this.movesBundle = new boolean[net.transitions];
            if (sym != null) {
                boolean[] inBundle = sym.bundlePlaces(net.places);
                for (int t = 0; t < net.transitions; t++) {
                    for (int e = net.effectStart[t]; e < net.effectStart[t + 1]; e++) {
                        movesBundle[t] |= inBundle[net.effectPlace[e]];
                    }
                }
            }
            this.initial = net.initial.clone();
            if (sym != null) {
                sym.sortMarking(initial, order, scratch);
            }
            this.store = new MarkingStore(MarkingLayout.forInitial(initial), meter);
        }

        MarkingGraph run() {
            long[] packed = new long[store.layout().words];
            store.layout().pack(initial, packed, 0);
            if (store.add(packed, -1, -1) == MarkingStore.REFUSED) {
                stop = store.refusal();
                return finish(0);
            }
            int levelEnd = 1;
            int s = 0;
            while (s < store.size()) {
                if (s == levelEnd) {
                    depth++;
                    levelEnd = store.size();
                }
                if ((stop = meter.clock(store.size())) != Limit.NONE) {
                    break;
                }
                if (s == guardSample && sampling) {
                    guards = GuardIndex.of(net, markedCount);
                    sampling = false;
                }
                int outcome = expand(s);
                if (outcome == REPACKED) {
                    continue; // expand s again with the wider layout; nothing of it was counted
                }
                if (outcome == STOPPED || outcome == FOUND) {
                    break;
                }
                s++;
            }
            return finish(s);
        }

        static final int DONE = 0;
        static final int REPACKED = 1;
        static final int STOPPED = 2;
        static final int FOUND = 3;

        /**
         * Expands state s in two passes: first every successor is computed into a buffer (so a
         * field overflow is found before anything is added), then all are hashed, their table
         * slots touched together, and added.
         */
        int expand(int s) {
            final CompiledNet n = net;
            final MarkingStore st = store;
            final MarkingLayout layout = st.layout();
            final int words = layout.words;
            if (cur.length != words) {
                cur = new long[words];
                succ = new long[(n.transitions + 1) * words];
            }
            final long[] cur = this.cur;
            final long[] m = marking;
            final int[] guardStart = guards.start;
            final int[] guarded = guards.guarded;
            final long[] marked = sampling ? markedCount : null;

            st.copy(s, cur);
            layout.unpack(cur, 0, m);
            int fired = 0;
            int en = 0;
            final int[] enabled = this.enabled;
            long total = 0;
            for (int p = 0; p < m.length; p++) {
                long tokens = m[p];
                if (tokens == 0) {
                    continue;
                }
                total += tokens;
                if (marked != null) {
                    marked[p]++;
                }
                if (tokens > maxTokens) {
                    maxTokens = tokens;
                }
                for (int g = guardStart[p], gEnd = guardStart[p + 1]; g < gEnd; g++) {
                    int t = guarded[g];
                    if (n.isEnabled(t, m)) {
                        enabled[en++] = t;
                    }
                }
            }
            for (int t : guards.unguarded) {
                if (n.isEnabled(t, m)) {
                    enabled[en++] = t;
                }
            }
            if (target != null && target.test(m, en == 0)) {
                found = s;
                return FOUND;
            }
            int[] fire = enabled;
            int count = en;
            if (stubbornSets != null && en > 1) {
                fire = chosen;
                count = stubbornSets.reduce(m, enabled, en, chosen);
            }
            for (int i = 0; i < count; i++) {
                if (!successor(fire[i], fired++, layout)) {
                    return widen(overflowPlace, overflowValue);
                }
            }
            if (sym != null) {
                final long[] mv = moved;
                final long[] max = layout.max;
                final int[] effectPlace = n.effectPlace;
                final long[] effectDelta = n.effectDelta;
                for (int i = 0; i < fired; i++) {
                    int t = firedTransitions[i];
                    if (!movesBundle[t]) {
                        continue; // m is sorted and no bundle's part changed: the successor is sorted
                    }
                    // the successor unpacked as m plus t's effect (a copy, not an unpack field by field)
                    System.arraycopy(m, 0, mv, 0, mv.length);
                    for (int e = n.effectStart[t], end = n.effectStart[t + 1]; e < end; e++) {
                        mv[effectPlace[e]] += effectDelta[e];
                    }
                    if (sym.sortMarking(mv, order, scratch)) {
                        for (int p = 0; p < mv.length; p++) {
                            if (mv[p] > max[p]) {
                                return widen(p, mv[p]);
                            }
                        }
                        layout.pack(mv, succ, i * words);
                    }
                }
            }
            if (total > maxTokensInMarking) {
                maxTokensInMarking = total;
            }
            if (en == 0) {
                dead++;
                if (firstDead < 0) {
                    firstDead = s;
                }
                return DONE;
            }
            edges += fired;
            final int[] h = hashes;
            final long[] buf = succ;
            for (int i = 0; i < fired; i++) {
                h[i] = st.hashOf(buf, i * words);
            }
            sink += st.touch(h, fired);
            final int[] via = firedTransitions;
            for (int i = 0; i < fired; i++) {
                if (st.add(buf, i * words, h[i], s, via[i]) == MarkingStore.REFUSED) {
                    stop = st.refusal();
                    return STOPPED;
                }
            }
            return DONE;
        }

        /**
         * Writes the successor by t of the state in {@code cur} as successor number k. False
         * when a place outgrows its field ({@link #overflowPlace} says which).
         */
        private boolean successor(int t, int k, MarkingLayout layout) {
            final int words = layout.words;
            final long[] buf = succ;
            final long[] m = marking;
            final int[] word = layout.word;
            final int[] shift = layout.shift;
            final long[] max = layout.max;
            final int[] effectPlace = net.effectPlace;
            final long[] effectDelta = net.effectDelta;
            final int off = k * words;
            System.arraycopy(cur, 0, buf, off, words);
            for (int i = net.effectStart[t], end = net.effectStart[t + 1]; i < end; i++) {
                int p = effectPlace[i];
                long d = effectDelta[i];
                long v = m[p] + d;
                if (v > max[p]) {
                    overflowPlace = p;
                    overflowValue = v;
                    return false;
                }
                // Enabling guarantees v >= 0, so the shifted delta never borrows from a neighbour.
                buf[off + word[p]] += d << shift[p];
            }
            firedTransitions[k] = t;
            return true;
        }

        private int widen(int place, long value) {
            MarkingLayout wider;
            try {
                wider = store.layout().widen(place, value);
            } catch (TokenOverflowException e) {
                stop = Limit.TOKENS;
                return STOPPED;
            }
            if (!store.repack(wider)) {
                stop = Limit.MEMORY;
                return STOPPED;
            }
            repacks++;
            return REPACKED;
        }

        MarkingGraph finish(int expanded) {
            double seconds = meter.seconds();
            var stats = new ExplorationStatistics(net.places, net.transitions, store.size(), edges, dead,
                    maxTokens, maxTokensInMarking, depth, stop, seconds, store.bytes(),
                    store.layout().bytesPerMarking(), repacks);
            assert stop != Limit.NONE || found >= 0 || expanded == store.size();
            return new MarkingGraph(net, store, stats, firstDead, found, sym);
        }
    }
}
