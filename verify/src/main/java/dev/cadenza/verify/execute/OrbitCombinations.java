package dev.cadenza.verify.execute;

/**
 * The combinations of a choice per item (a thread: finish now or not; in a step, run on, end
 * inside it or end with it), one per orbit of the twins' permutations: where time passes, the
 * threads of twin bundles ({@link LoopSymmetry#twins}) that may finish are alike, and finishing
 * the first k of them reaches the state that finishing any k reaches, renamed by a permutation
 * that fixes the state time passes from. So instead of every subset of 2^m threads, the counts.
 *
 * <p>Items are grouped into blocks: a block of k bundles, each with the same f slots (item
 * indices, slot by slot alike: the same options), or a single item (k = f = 1). A bundle's choice
 * is a pattern, a number in mixed radix over its slots' option counts; a block's combinations are
 * the non-decreasing sequences of its bundles' patterns (each multiset of patterns once), and the
 * blocks combine freely. Why one sequence per orbit is enough: the permutations of a block's
 * bundles fix the state and carry a combination onto one with the bundles' patterns permuted, so
 * every combination is carried onto the sorted one, and the successors of the two are one state
 * renamed, stored once in its canonical form (docs/verify.md, "Alike threads finish by counts").
 * With no blocks of two or more bundles this is the plain odometer over the items, item 0 the
 * fastest, in the order of the choices: the order of exploration without twins.
 */
final class OrbitCombinations {

    /** Per block: its bundles' slots, [bundle][slot] item index. */
    private final int[][][] blocks;
    /** Per block: the number of patterns of one bundle (the product of its slots' option counts). */
    private final int[] patterns;
    /** Per block: its bundles' patterns, non-decreasing. */
    private final int[][] sequence;
    private final int[] radix;
    private final int[] choice;

    /**
     * {@code radix[i]}: item i's option count (at least 1); {@code bundles}: blocks of twin bundles,
     * [block][bundle][slot] item index, each item in at most one (every other item is a block alone).
     * The options of slot s are those of slot s in every bundle of its block (the caller's twins).
     */
    OrbitCombinations(int[] radix, int n, int[][][] bundles) {
        this.radix = java.util.Arrays.copyOf(radix, n);
        this.choice = new int[n];
        boolean[] inBlock = new boolean[n];
        int count = bundles == null ? 0 : bundles.length;
        for (int i = 0; bundles != null && i < bundles.length; i++) {
            for (int[] b : bundles[i]) {
                for (int item : b) {
                    inBlock[item] = true;
                }
            }
        }
        for (int i = 0; i < n; i++) {
            if (!inBlock[i]) {
                count++;
            }
        }
        this.blocks = new int[count][][];
        this.patterns = new int[count];
        this.sequence = new int[count][];
        int k = 0;
        // items alone first, in item order, then the twins' blocks: without twins, the plain odometer
        for (int i = 0; i < n; i++) {
            if (!inBlock[i]) {
                blocks[k++] = new int[][] {{i}};
            }
        }
        for (int i = 0; bundles != null && i < bundles.length; i++) {
            blocks[k++] = bundles[i];
        }
        for (int b = 0; b < count; b++) {
            long p = 1;
            for (int item : blocks[b][0]) {
                p *= this.radix[item];
                if (p > Integer.MAX_VALUE) {
                    p = Integer.MAX_VALUE;
                }
            }
            patterns[b] = (int) p;
            sequence[b] = new int[blocks[b].length];
        }
    }

    /** The number of combinations (saturating at Long.MAX_VALUE): per block, C(k + P - 1, k). */
    long count() {
        long total = 1;
        for (int b = 0; b < blocks.length; b++) {
            long multisets = multisets(blocks[b].length, patterns[b]);
            if (multisets == Long.MAX_VALUE || total > Long.MAX_VALUE / multisets) {
                return Long.MAX_VALUE;
            }
            total *= multisets;
        }
        return total;
    }

    /** C(k + p - 1, k), saturating. */
    private static long multisets(int k, int p) {
        long c = 1;
        for (int i = 1; i <= k; i++) {
            // c * (p - 1 + i) / i stays an integer at each step (a binomial coefficient)
            long f = p - 1L + i;
            if (c > Long.MAX_VALUE / f) {
                return Long.MAX_VALUE;
            }
            c = c * f / i;
        }
        return c;
    }

    /** Item i's option in the current combination (0 until {@link #next} moves). */
    int choice(int i) {
        return choice[i];
    }

    /** Moves to the next combination; false after the last one. */
    boolean next() {
        for (int b = 0; b < blocks.length; b++) {
            int[] seq = sequence[b];
            int p = patterns[b];
            int i = seq.length - 1;
            while (i >= 0 && seq[i] == p - 1) {
                i--;
            }
            if (i >= 0) {
                int v = seq[i] + 1;
                for (int j = i; j < seq.length; j++) {
                    seq[j] = v;
                    write(b, j, v);
                }
                return true;
            }
            for (int j = 0; j < seq.length; j++) {
                seq[j] = 0;
                write(b, j, 0);
            }
        }
        return false;
    }

    /** Bundle j of block b takes pattern v: its slots' choices in mixed radix, slot 0 the fastest. */
    private void write(int b, int j, int v) {
        for (int item : blocks[b][j]) {
            choice[item] = v % radix[item];
            v /= radix[item];
        }
    }
}
