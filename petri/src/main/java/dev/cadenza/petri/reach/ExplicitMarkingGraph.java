package dev.cadenza.petri.reach;

import dev.cadenza.petri.PetriNet;
import dev.cadenza.petri.limit.Budget;
import dev.cadenza.petri.limit.Limit;
import dev.cadenza.petri.limit.Meter;

import java.util.Arrays;

/**
 * The whole marking graph of a net (time ignored), kept with its edges, for the properties that
 * need to walk it backwards and forwards: CTL ({@code petri.ctl}). {@link MarkingGraphExplorer}
 * only counts edges; this one stores them, in compressed rows: the successors of marking s are
 * {@code target[start[s] .. start[s+1])}, fired by {@code via[…]}. No reduction: stubborn sets
 * keep deadlocks and chosen reachability questions, not CTL in general, so every interleaving is
 * here.
 *
 * <p>Markings are packed as {@link MarkingLayout} says (a place that outgrows its field widens
 * the layout and the arena is re-packed), found again through an open-addressing table of
 * indices. Breadth first, so state 0 is the initial marking and the tree of first discoveries
 * gives shortest paths. Stops at the command's {@link Budget} (markings count as classes, time,
 * memory) with what it found: {@link #complete()} false, {@link #stopReason()} says why.
 */
public final class ExplicitMarkingGraph {

    private final CompiledNet net;
    private MarkingLayout layout;
    private int words;
    private long[] arena = new long[1024];
    private int size;
    private int[] table = new int[1 << 12];
    private int[] parent = new int[256];
    private int[] parentVia = new int[256];
    private int[] start = new int[257];
    private int[] target = new int[1024];
    private int[] via = new int[1024];
    private int edges;
    private Limit stop = Limit.NONE;
    private double seconds;

    private ExplicitMarkingGraph(PetriNet net) {
        this.net = CompiledNet.of(net);
        this.layout = MarkingLayout.forInitial(this.net.initial);
        this.words = layout.words;
    }

    /** Explores the whole marking graph of {@code net} within {@code budget}. */
    public static ExplicitMarkingGraph explore(PetriNet net, Budget budget) {
        ExplicitMarkingGraph g = new ExplicitMarkingGraph(net);
        Meter meter = budget.start("markings");
        try {
            g.run(meter);
        } catch (OutOfMemoryError e) {
            g.stop = Limit.MEMORY;
        } finally {
            meter.finish(g.size);
        }
        return g;
    }

    public PetriNet net() {
        return net.net();
    }

    /** Markings found (all expanded when complete). */
    public int size() {
        return size;
    }

    public int edgeCount() {
        return edges;
    }

    public boolean complete() {
        return stop == Limit.NONE;
    }

    /** Why it stopped early, or {@link Limit#NONE}. */
    public Limit stopReason() {
        return stop;
    }

    public double seconds() {
        return seconds;
    }

    /** The tokens of each place in marking {@code s}. */
    public long[] marking(int s) {
        long[] m = new long[net.places];
        layout.unpack(arena, s * words, m);
        return m;
    }

    /** Where the successors of {@code s} start in {@link #targets()} and {@link #transitions()}; ends at {@code s + 1}. */
    public int firstEdge(int s) {
        return start[s];
    }

    public int[] targets() {
        return target;
    }

    /** The transition (net index) of each edge. */
    public int[] transitions() {
        return via;
    }

    /** No transition is enabled in {@code s}. */
    public boolean dead(int s) {
        return start[s] == start[s + 1];
    }

    /** The transitions (net indices) of a shortest firing sequence from the initial marking to {@code s}. */
    public int[] pathTo(int s) {
        int n = 0;
        for (int x = s; x != 0; x = parent[x]) {
            n++;
        }
        int[] p = new int[n];
        for (int x = s; x != 0; x = parent[x]) {
            p[--n] = parentVia[x];
        }
        return p;
    }

    private void run(Meter meter) {
        long t0 = System.nanoTime();
        long[] m = new long[net.places];
        long[] next = new long[net.places];
        long[] packed = new long[words];
        add(net.initial, -1, -1);
        int s = 0;
        int[] succTarget = new int[net.transitions];
        int[] succVia = new int[net.transitions];
        while (s < size) {
            if ((stop = meter.clock(size)) != Limit.NONE) {
                break;
            }
            layout.unpack(arena, s * words, m);
            // first every successor (a field may overflow: widen and redo s before adding any)
            int k = 0;
            boolean widened = false;
            for (int t = 0; t < net.transitions && !widened; t++) {
                if (!net.isEnabled(t, m)) {
                    continue;
                }
                System.arraycopy(m, 0, next, 0, m.length);
                net.fire(t, next);
                for (int p = 0; p < next.length; p++) {
                    if (next[p] > layout.max[p]) {
                        try {
                            widen(layout.widen(p, next[p]));
                        } catch (TokenOverflowException e) {
                            stop = Limit.TOKENS;
                            finish(t0);
                            return;
                        }
                        widened = true;
                        break;
                    }
                }
                succVia[k++] = t;
            }
            if (widened) {
                packed = new long[words];
                continue;
            }
            boolean full = false;
            for (int i = 0; i < k; i++) {
                System.arraycopy(m, 0, next, 0, m.length);
                net.fire(succVia[i], next);
                int found = find(next, packed);
                if (found < 0) {
                    Limit l = meter.check(size);
                    if (l == Limit.NONE && !roomFor(meter, size + 1, edges + k)) {
                        l = Limit.MEMORY;
                    }
                    if (l != Limit.NONE) {
                        stop = l;
                        full = true;
                        break;
                    }
                    found = add(next, s, succVia[i]);
                }
                succTarget[i] = found;
            }
            if (full) {
                break;
            }
            ensureEdges(edges + k);
            System.arraycopy(succTarget, 0, target, edges, k);
            System.arraycopy(succVia, 0, via, edges, k);
            edges += k;
            start[s + 1] = edges;
            s++;
        }
        if (!complete()) {
            // markings found but not expanded: give them no edges (callers check complete() first)
            for (int x = s; x < size; x++) {
                start[x + 1] = edges;
            }
        }
        finish(t0);
    }

    /** Whether the arrays can grow to hold {@code states} markings and {@code edgeCount} edges. */
    private boolean roomFor(Meter meter, int states, int edgeCount) {
        long grow = 0;
        if ((long) states * words > arena.length) {
            grow += arena.length * 2L * Long.BYTES;
        }
        if (states * 2 > table.length) {
            grow += table.length * 2L * Integer.BYTES;
        }
        if (edgeCount > target.length) {
            grow += target.length * 4L * Integer.BYTES;
        }
        if (states > parent.length) {
            grow += parent.length * 4L * Integer.BYTES;
        }
        return grow == 0 || meter.mayAllocate(grow);
    }

    private void finish(long t0) {
        seconds = (System.nanoTime() - t0) / 1e9;
    }

    /** Index of the marking, or -1; {@code buf} is scratch for its packed form. */
    private int find(long[] marking, long[] buf) {
        layout.pack(marking, buf, 0);
        int mask = table.length - 1;
        for (int slot = hash(buf, 0) & mask; table[slot] != 0; slot = (slot + 1) & mask) {
            int idx = table[slot] - 1;
            if (equalsStored(idx, buf)) {
                return idx;
            }
        }
        return -1;
    }

    private int add(long[] marking, int from, int t) {
        int idx = size;
        ensureStates(idx + 1);
        layout.pack(marking, arena, idx * words);
        parent[idx] = from;
        parentVia[idx] = t;
        size++;
        if (size * 2 > table.length) {
            rehash(table.length * 2);
        } else {
            insert(idx);
        }
        return idx;
    }

    private void insert(int idx) {
        int mask = table.length - 1;
        int slot = hash(arena, idx * words) & mask;
        while (table[slot] != 0) {
            slot = (slot + 1) & mask;
        }
        table[slot] = idx + 1;
    }

    private void rehash(int capacity) {
        table = new int[capacity];
        for (int i = 0; i < size; i++) {
            insert(i);
        }
    }

    private boolean equalsStored(int idx, long[] buf) {
        int off = idx * words;
        for (int w = 0; w < words; w++) {
            if (arena[off + w] != buf[w]) {
                return false;
            }
        }
        return true;
    }

    private int hash(long[] buf, int off) {
        long h = 0x9E3779B97F4A7C15L;
        for (int i = 0; i < words; i++) {
            h = (h ^ buf[off + i]) * 0xBF58476D1CE4E5B9L;
            h ^= h >>> 31;
        }
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        return (int) (h >>> 32);
    }

    /** Re-packs every stored marking into a wider layout. */
    private void widen(MarkingLayout wider) {
        long[] m = new long[net.places];
        long[] out = new long[Math.max(1024, size * wider.words + wider.words)];
        for (int i = 0; i < size; i++) {
            layout.unpack(arena, i * words, m);
            wider.pack(m, out, i * wider.words);
        }
        layout = wider;
        words = wider.words;
        arena = out;
        rehash(table.length);
    }

    private void ensureStates(int n) {
        if ((long) n * words > arena.length) {
            arena = Arrays.copyOf(arena, (int) Math.min(Integer.MAX_VALUE - 8, Math.max((long) n * words, arena.length * 2L)));
        }
        if (n > parent.length) {
            parent = Arrays.copyOf(parent, n * 2);
            parentVia = Arrays.copyOf(parentVia, n * 2);
        }
        if (n + 1 > start.length) {
            start = Arrays.copyOf(start, (n + 1) * 2);
        }
    }

    private void ensureEdges(int n) {
        if (n > target.length) {
            target = Arrays.copyOf(target, Math.max(n, target.length * 2));
            via = Arrays.copyOf(via, target.length);
        }
    }
}
