package dev.cadenza.petri.classes;

import dev.cadenza.petri.PetriNet;
import dev.cadenza.petri.io.TinaNetReader;
import dev.cadenza.petri.limit.Budget;
import dev.cadenza.petri.testing.RandomNets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The stored form of domains ({@link DomainCodec}): lossless on the canonical domains that
 * firing reaches and on any matrix, a function of the domain (equal domains, equal forms;
 * different domains, different forms), and the searches find the same classes with it as with
 * whole matrices.
 */
class DomainCodecTest {

    /** Random walks of firings (with and without the elapsed-time variable) on random nets. */
    @Property(tries = 300)
    void roundTripsAndIsCanonicalOnReachedDomains(@ForAll long seed) {
        Random r = new Random(seed);
        PetriNet net = r.nextBoolean() ? RandomNets.generate(r, r.nextBoolean())
                : SymmetryPropertiesTest.bundles(r, 2 + r.nextInt(5));
        TimedNet tn = new TimedNet(net);
        boolean halvesFit = tn.maxBoundValue < StateClassGraph.PACKED_LIMIT;
        Map<List<Integer>, int[]> formOf = new HashMap<>();
        Map<List<Integer>, List<Integer>> domainOf = new HashMap<>();
        int compact = 0;
        for (int extra = 0; extra <= 1; extra++) {
            FiringDomain step = new FiringDomain(tn, extra);
            for (int walk = 0; walk < 5; walk++) {
                int[] m = tn.initialMarking.clone();
                int[] enabled = new int[tn.transitions];
                int k = tn.enabledList(m, enabled);
                int dim = k + extra + 1;
                int[] d = new int[dim * dim];
                step.initialDomain(enabled, k, d);
                for (int n = 0; n < 40; n++) {
                    for (boolean halves : halvesFit ? new boolean[] {false, true} : new boolean[] {false}) {
                        int[] form = check(d, dim, halves);
                        compact += form.length < DomainCodec.rawLength(dim, halves) ? 1 : 0;
                        List<Integer> dKey = list(d, dim * dim, dim, extra, halves);
                        List<Integer> fKey = list(form, form.length, dim, extra, halves);
                        int[] before = formOf.putIfAbsent(dKey, form);
                        if (before != null) {
                            assertArrayEquals(before, form, "equal domains, equal forms");
                        }
                        List<Integer> other = domainOf.putIfAbsent(fKey, dKey);
                        if (other != null) {
                            assertEquals(other, dKey, "equal forms, equal domains");
                        }
                    }
                    List<Integer> firable = new ArrayList<>();
                    for (int fi = 0; fi < k; fi++) {
                        if (FiringDomain.firable(d, 0, k, dim, fi)) {
                            firable.add(fi);
                        }
                    }
                    if (firable.isEmpty()) {
                        break;
                    }
                    int fi = firable.get(r.nextInt(firable.size()));
                    int nd = step.fire(m, enabled, k, d, 0, fi);
                    m = step.nextMarking.clone();
                    k = step.nextCount;
                    enabled = Arrays.copyOf(step.nextEnabled, tn.transitions);
                    dim = nd;
                    d = Arrays.copyOf(step.nextDomain, nd * nd);
                }
            }
        }
        Statistics.label("some stored compact").collect(compact > 0);
    }

    /** Any int matrix, canonical or not, INF and negative entries included, mostly implied or not. */
    @Property(tries = 2000)
    void roundTripsOnAnyMatrix(@ForAll long seed, @ForAll @IntRange(min = 1, max = 9) int dim) {
        Random r = new Random(seed);
        int[] d = new int[dim * dim];
        int noise = r.nextInt(4); // 0: only implied entries off row and column 0; 3: mostly noise
        for (int i = 0; i < dim; i++) {
            for (int j = 0; j < dim; j++) {
                boolean head = i == 0 || j == 0;
                if (head || r.nextInt(4) < noise) {
                    d[i * dim + j] = r.nextInt(8) == 0 ? Bound.INF : r.nextInt(2000) - 1000;
                }
            }
        }
        d[0] = r.nextInt(5) == 0 ? Bound.of(r.nextInt(3) - 1, r.nextBoolean()) : Bound.LE_ZERO;
        for (int i = 1; i < dim; i++) {
            for (int j = 1; j < dim; j++) {
                if (r.nextInt(4) >= noise) {
                    d[i * dim + j] = i == j ? Bound.LE_ZERO : Bound.add(d[i * dim], d[j]);
                }
            }
        }
        check(d, dim, false);
        check(d, dim, true);
    }

    @Test
    void aClassOfIndependentTransitionsTakesItsColumnAndRowZero() {
        // the initial domain: every transition newly enabled, every entry implied
        PetriNet net = TinaNetReader.read("i.net",
                "tr a [1,2] p -> q\ntr b [0,3] r -> s\ntr c [2,5] u -> v\npl p (1)\npl r (1)\npl u (1)\n", "i");
        TimedNet tn = new TimedNet(net);
        int[] enabled = new int[3];
        int k = tn.enabledList(tn.initialMarking, enabled);
        int[] d = new int[16];
        new FiringDomain(tn, 0).initialDomain(enabled, k, d);
        assertEquals(6, check(d, 4, false).length);
        assertEquals(3, check(d, 4, true).length);
    }

    /**
     * The TINA examples (their counts pinned in {@link TinaExamplesTest}) and random nets: the
     * same class graph, and the same time bounds and shape counts, with and without the codec.
     */
    @Test
    void sameCountsOnTheTinaExamplesWithWholeMatrices() {
        for (String file : List.of("abp.net", "ifip.net", "jdeds.net", "train3.net", "wodes.net", "wodes232.net")) {
            PetriNet net = TinaNetReader.read(Path.of("src/test/resources/tina", file));
            assertEquals(explore(net, false), explore(net, true), file);
            assertEquals(bounds(net, false), bounds(net, true), file);
        }
    }

    @Property(tries = 300)
    void sameCountsOnRandomNetsWithWholeMatrices(@ForAll long seed) {
        Random r = new Random(seed);
        PetriNet net = r.nextBoolean() ? RandomNets.generate(r, r.nextBoolean())
                : SymmetryPropertiesTest.bundles(r, 2 + r.nextInt(4));
        assertEquals(explore(net, false), explore(net, true));
        assertEquals(bounds(net, false), bounds(net, true));
    }

    private static String explore(PetriNet net, boolean compact) {
        boolean was = DomainCodec.compact;
        DomainCodec.compact = compact;
        try {
            ClassGraphStatistics s = new StateClassGraph(net).explore(Budget.ofClasses(200_000));
            return s.classes() + " classes, " + s.markings() + " markings, " + s.edges() + " edges, " + s.dead()
                    + " dead, " + s.limit();
        } finally {
            DomainCodec.compact = was;
        }
    }

    private static String bounds(PetriNet net, boolean compact) {
        boolean was = DomainCodec.compact;
        DomainCodec.compact = compact;
        try {
            TimeBoundsResult t = new TimeBounds(net).reducingSymmetries(true).compute(null, Budget.ofClasses(200_000));
            return t.reachable() + " " + t.min() + " " + t.max() + " " + t.classes() + " " + t.limit();
        } finally {
            DomainCodec.compact = was;
        }
    }

    /** Encodes d both ways (compact on, then off), checks both decode to d, returns the compact form. */
    private static int[] check(int[] d, int dim, boolean halves) {
        int raw = DomainCodec.rawLength(dim, halves);
        int[] out = new int[raw + 3];
        Arrays.fill(out, 0xBADBAD);
        int len = DomainCodec.encode(d, 0, dim, halves, out, 3);
        assertTrue(len <= raw, "never longer than the whole matrix");
        int[] back = new int[dim * dim];
        DomainCodec.decode(out, 3, len, dim, halves, back);
        assertArrayEquals(Arrays.copyOf(d, dim * dim), back, "decode(encode(d)) = d");
        boolean was = DomainCodec.compact;
        DomainCodec.compact = false;
        try {
            int[] whole = new int[raw];
            assertEquals(raw, DomainCodec.encode(d, 0, dim, halves, whole, 0));
            int[] back2 = new int[dim * dim];
            DomainCodec.decode(whole, 0, raw, dim, halves, back2);
            assertArrayEquals(back, back2, "the whole form decodes the same");
        } finally {
            DomainCodec.compact = was;
        }
        return Arrays.copyOfRange(out, 3, 3 + len);
    }

    private static List<Integer> list(int[] a, int n, int dim, int extra, boolean halves) {
        List<Integer> l = new ArrayList<>(n + 3);
        l.add(dim);
        l.add(extra);
        l.add(halves ? 1 : 0);
        for (int i = 0; i < n; i++) {
            l.add(a[i]);
        }
        return l;
    }
}
