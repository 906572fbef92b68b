package dev.cadenza.verify.execute;

import java.util.ArrayList;
import java.util.List;

/**
 * A predicate whose readings of one host are widened to every host alike to it: "mariadb2 started
 * start" becomes "some mariadb_j started start", j over the alike bundles the predicate reads no
 * other way. Observed alone, mariadb2's reading keeps bundle 2 out of the symmetry
 * ({@link LoopSymmetry}: the predicate tells it apart), and galera's workers are then explored one
 * order at a time; widened, every worker is interchangeable again (n = 8: about half the states).
 *
 * <p>Why an answer of the widened search is an answer of the predicate ({@link RuntimeStateSpace#reach}):
 * <ul>
 * <li>A widened reading is the highest of its instances' values, the original instance among
 *     them, so it is at least the original reading in every state. Only readings the test never
 *     turns false by raising are widened ({@link PredicateWatch#risesWith}, tried on every
 *     assignment of the values), so wherever the predicate holds the widened one holds:
 *     the widened one absent from a complete search means the predicate is absent.</li>
 * <li>A run the widened search finds may reach it through another host. It is kept only when the
 *     predicate itself holds where the run stops, read by a second watch on the same replayed
 *     moves; otherwise the predicate is searched as given. The run stops at the first state where
 *     the widened predicate holds, and the predicate cannot hold earlier (it would have made the
 *     widened one hold there), so that state is the one to read.</li>
 * </ul>
 * Which hosts: the same member of every bundle of the instance's class (alike bundles, as the
 * symmetry finds them without a predicate), less the bundles some reading that is not widened
 * reads: those stay in place, and their members would only make the widened predicate find runs
 * the predicate does not have.
 */
final class AlikeReadings {

    private AlikeReadings() {
    }

    /** {@code p} with its readings of alike hosts widened, or null when none is. */
    static LoopPredicate widen(LoopPredicate p, Executor e) {
        LoopSymmetry symmetry = LoopSymmetry.of(e, null);
        if (symmetry == null) {
            return null;
        }
        List<String> names = e.addedNames();
        List<LoopPredicate.Reading> rs = p.readings();
        int n = rs.size();
        PredicateWatch w = new PredicateWatch(p, names, e.addedTypes());
        int[][] alike = new int[n][];
        boolean[] fixed = new boolean[names.size()];
        for (int k = 0; k < n; k++) {
            for (String i : rs.get(k).instances()) {
                int id = names.indexOf(i);
                if (id < 0) {
                    continue;
                }
                int[] a = rs.get(k).instances().size() == 1 ? symmetry.alike(id) : null;
                if (a != null && w.risesWith(k)) {
                    alike[k] = a;
                } else {
                    // read another way: its bundle stays where it is
                    for (int b : symmetry.bundleMembers(id)) {
                        fixed[b] = true;
                    }
                }
            }
        }
        List<LoopPredicate.Reading> out = new ArrayList<>(n);
        boolean any = false;
        for (int k = 0; k < n; k++) {
            LoopPredicate.Reading r = rs.get(k);
            List<String> instances = new ArrayList<>();
            if (alike[k] != null && !fixed[names.indexOf(r.instances().get(0))]) {
                for (int id : alike[k]) {
                    if (!fixed[id]) {
                        instances.add(names.get(id));
                    }
                }
            }
            if (instances.size() > 1) {
                out.add(new LoopPredicate.Reading(r.kind(), instances, r.element(), r.places()));
                any = true;
            } else {
                out.add(r);
            }
        }
        return any ? new LoopPredicate(out, p.test()) : null;
    }
}
