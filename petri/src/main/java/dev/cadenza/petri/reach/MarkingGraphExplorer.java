package dev.cadenza.petri.reach;

import dev.cadenza.petri.PetriNet;

/**
 * Explores the marking graph of a P/T net (weights, read and inhibitor arcs; time intervals are
 * ignored) breadth-first, counting markings, edges and dead markings, within
 * {@link ExplorationLimits}.
 *
 * <p>The inner loop works on one unpacked marking and the packed words of the state being
 * expanded: a successor is the packed words plus each effect shifted into its field (no unpacking
 * and re-packing per edge), and only the transitions filed under a marked place are tested
 * (see {@link CompiledNet}). A count that would overflow its field widens the layout, re-packs
 * the store, and expands the state again. Nothing is allocated per state or edge.
 */
public final class MarkingGraphExplorer {

    private static final long NANOS = 1_000_000_000L;

    private final CompiledNet net;
    private ExplorationLimits limits = ExplorationLimits.none();
    private ExplorationListener listener = ExplorationListener.SILENT;

    public MarkingGraphExplorer(PetriNet net) {
        this.net = CompiledNet.of(net);
    }

    /** The marking graph with no limit but the heap, and no progress reports. */
    public static MarkingGraph explore(PetriNet net) {
        return new MarkingGraphExplorer(net).explore();
    }

    public MarkingGraphExplorer limits(ExplorationLimits limits) {
        this.limits = limits;
        return this;
    }

    public MarkingGraphExplorer listener(ExplorationListener listener) {
        this.listener = listener;
        return this;
    }

    public MarkingGraph explore() {
        return new Run().run();
    }

    /** One exploration's mutable state. */
    private final class Run {
        final long start = System.nanoTime();
        final long deadline = limits.timeoutSeconds() > 0
                ? start + (long) (limits.timeoutSeconds() * NANOS) : Long.MAX_VALUE;
        long nextReport = start + 2 * NANOS;
        final MarkingStore store = new MarkingStore(MarkingLayout.forInitial(net.initial), limits.maxStates(),
                new MemoryGuard(limits.memoryReserve()));
        final long[] marking = new long[net.places];
        /** The packed state being expanded and its successors, sized to the current layout. */
        long[] cur = new long[0];
        long[] succ = new long[0];
        final int[] hashes = new int[net.transitions];
        final int[] firedTransitions = new int[net.transitions];
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
        StopReason stop = StopReason.COMPLETE;

        MarkingGraph run() {
            long[] packed = new long[store.layout().words];
            store.layout().pack(net.initial, packed, 0);
            if (store.add(packed, -1, -1) == MarkingStore.REFUSED) {
                stop = reason(store.refusal());
                return finish(0);
            }
            int levelEnd = 1;
            int s = 0;
            while (s < store.size()) {
                if (s == levelEnd) {
                    depth++;
                    levelEnd = store.size();
                }
                if ((s & 1023) == 0 && clock()) {
                    break;
                }
                int outcome = expand(s);
                if (outcome == REPACKED) {
                    continue; // expand s again with the wider layout; nothing of it was counted
                }
                if (outcome == STOPPED) {
                    break;
                }
                s++;
            }
            return finish(s);
        }

        /** True when the run must stop for time; reports progress on the way. */
        boolean clock() {
            long now = System.nanoTime();
            if (now >= nextReport) {
                listener.progress(new ExplorationProgress(store.size(), edges, depth, (now - start) / (double) NANOS));
                nextReport = now + NANOS;
            }
            if (now >= deadline) {
                stop = StopReason.TIMEOUT;
                return true;
            }
            return false;
        }

        static final int DONE = 0;
        static final int REPACKED = 1;
        static final int STOPPED = 2;

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
            final int[] guardStart = n.guardStart;
            final int[] guarded = n.guarded;

            st.copy(s, cur);
            layout.unpack(cur, 0, m);
            int fired = 0;
            long total = 0;
            for (int p = 0; p < m.length; p++) {
                long tokens = m[p];
                if (tokens == 0) {
                    continue;
                }
                total += tokens;
                if (tokens > maxTokens) {
                    maxTokens = tokens;
                }
                for (int g = guardStart[p], gEnd = guardStart[p + 1]; g < gEnd; g++) {
                    int t = guarded[g];
                    if (n.isEnabled(t, m) && !successor(t, fired++, layout)) {
                        return widen(overflowPlace, overflowValue);
                    }
                }
            }
            for (int t : n.unguarded) {
                if (n.isEnabled(t, m) && !successor(t, fired++, layout)) {
                    return widen(overflowPlace, overflowValue);
                }
            }
            if (total > maxTokensInMarking) {
                maxTokensInMarking = total;
            }
            if (fired == 0) {
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
                    stop = reason(st.refusal());
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
                stop = StopReason.TOKEN_OVERFLOW;
                return STOPPED;
            }
            if (!store.repack(wider)) {
                stop = StopReason.MEMORY;
                return STOPPED;
            }
            repacks++;
            return REPACKED;
        }

        private StopReason reason(MarkingStore.Refusal refusal) {
            return refusal == MarkingStore.Refusal.MEMORY ? StopReason.MEMORY : StopReason.STATE_LIMIT;
        }

        MarkingGraph finish(int expanded) {
            double seconds = (System.nanoTime() - start) / (double) NANOS;
            var stats = new ExplorationStatistics(net.places, net.transitions, store.size(), edges, dead,
                    maxTokens, maxTokensInMarking, depth, stop, seconds, store.bytes(),
                    store.layout().bytesPerMarking(), repacks);
            assert stop != StopReason.COMPLETE || expanded == store.size();
            return new MarkingGraph(net, store, stats, firstDead);
        }
    }
}
