package dev.cadenza.petri.classes;

import dev.cadenza.petri.limit.Budget;
import dev.cadenza.petri.limit.Limit;
import dev.cadenza.petri.limit.SimulatedHeap;
import dev.cadenza.petri.PetriNet;
import dev.cadenza.petri.io.TinaNetReader;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class ClassStoreTest {

    @Property(tries = 50)
    void behavesLikeASetOfIntArrays(@ForAll long seed, @ForAll @IntRange(min = 1, max = 40) int maxLen) {
        Random r = new Random(seed);
        ClassStore store = new ClassStore(maxLen);
        Map<List<Integer>, Integer> expected = new HashMap<>();
        for (int i = 0; i < 5000; i++) {
            int len = 1 + r.nextInt(maxLen);
            int[] key = new int[len];
            for (int j = 0; j < len; j++) {
                key[j] = r.nextInt(4) - 1;
            }
            List<Integer> k = new ArrayList<>();
            for (int v : key) {
                k.add(v);
            }
            int id = store.add(key, len);
            Integer old = expected.get(k);
            if (old == null) {
                assertEquals(expected.size(), id);
                expected.put(k, id);
            } else {
                assertEquals(-(old + 1), id);
            }
        }
        for (Map.Entry<List<Integer>, Integer> e : expected.entrySet()) {
            int id = e.getValue();
            int[] stored = Arrays.copyOfRange(store.page(id), store.offset(id), store.offset(id) + store.length(id));
            assertArrayEquals(e.getKey().stream().mapToInt(Integer::intValue).toArray(), stored);
        }
    }

    @Property(tries = 200)
    void markingsPackAndUnpack(@ForAll @Size(min = 1, max = 80) List<@IntRange(min = 0, max = 300) Integer> values) {
        int[] m = values.stream().mapToInt(Integer::intValue).toArray();
        int[] key = new int[m.length + 1];
        int len = MarkingPacking.pack(m, key);
        int[] back = new int[m.length];
        MarkingPacking.unpack(key, 0, back);
        assertArrayEquals(m, back);
        assertEquals(values.stream().allMatch(v -> v <= 1) ? 1 + (m.length + 31) / 32
                : values.stream().allMatch(v -> v < 256) ? 1 + (m.length + 3) / 4 : m.length + 1, len);
    }

    @Property(tries = 200)
    void safeMarkingsTakeABitAPlace(@ForAll @Size(min = 1, max = 100) List<@IntRange(min = 0, max = 1) Integer> values) {
        markingsPackAndUnpack(values);
    }

    private static final PetriNet THREE_LOOPS = TinaNetReader.read("l.net",
            "tr a [0,1] p -> p\ntr b [0,2] q -> q\ntr c [1,3] r -> r\npl p (1)\npl q (1)\npl r (1)\n", "l");

    @Test
    void stopsCleanlyAtEachLimit() {
        ClassGraphStatistics byCount = new StateClassGraph(THREE_LOOPS).explore(Budget.ofClasses(5));
        assertEquals(Limit.CLASSES, byCount.limit());
        assertFalse(byCount.complete());
        assertEquals(5, byCount.classes());
        // train4 has 10319 classes: its tables grow, and each growth asks the memory guard
        PetriNet train4 = TinaNetReader.read(java.nio.file.Path.of("src/test/resources/tina/train4.net"));
        // a simulated heap with 16 KB free beyond the reserve: room to start, not to grow
        ClassGraphStatistics byMemory = new StateClassGraph(train4).explore(
                SimulatedHeap.budget(16L << 20, (8L << 20) - (16L << 10)));
        assertEquals(Limit.MEMORY, byMemory.limit());
        assertEquals(1024, byMemory.classes(), "stopped before the first growth of the id arrays");
        TimeBoundsResult bounds = new TimeBounds(THREE_LOOPS).compute(null, Budget.ofClasses(3));
        assertEquals(Limit.CLASSES, bounds.limit());
        assertFalse(bounds.complete());
    }
}
