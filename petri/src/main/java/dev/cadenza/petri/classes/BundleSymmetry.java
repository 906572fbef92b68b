package dev.cadenza.petri.classes;

import dev.cadenza.petri.Arc;
import dev.cadenza.petri.PetriNet;
import dev.cadenza.petri.Transition;
import dev.cadenza.petri.query.CompiledPredicate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Alike bundles of a net, proven interchangeable: the symmetry the state classes are explored up
 * to ({@link TimeBounds#reducingSymmetries}).
 *
 * <p><b>Candidates, from names.</b> A net translated from a program with a loop names the nodes of
 * its i-th host {@code mariadb4.start.start}, {@code con.docker4.docker.mariadb4.docker}: dot-separated
 * tokens; a token that begins some node's name (an instance) may be a stem and an index
 * ({@code mariadb4}; not {@code s3} in {@code c1.s3}). The index-i bundle is every place and
 * every live transition (below) whose name has a token with index i. Swapping i and j renames each
 * such token {@code stem i} to {@code stem j} and back. Names only <em>propose</em> this map.
 *
 * <p><b>Proof, on the net.</b> A swap is kept only when the renamed name of every node exists and
 * the map is an automorphism of the net's behaviour: same initial tokens place by place, and each
 * live transition t has the same static interval as π(t) and exactly π of its arcs (every kind,
 * every weight, inputs and outputs). The question (the target predicate) must keep its truth value
 * under the swap ({@link CompiledPredicate#invariantUnder}). A
 * transition is <em>live</em> unless it can never fire: it needs (by a normal or read arc) a place
 * that no live transition marks and that starts empty (computed as a least fixpoint; inhibitor arcs
 * ignored, so "live" over-approximates). A transition that can never be enabled is never in a class
 * (a firing domain holds enabled transitions only), so the behaviour of the net — its classes, its
 * runs, their times — is that of its live part; the program's earlier, already finished steps
 * (deleting hosts in order, say) are dead there and need not be symmetric.
 *
 * <p><b>Groups.</b> For a first index i, its class is i with every j whose swap (i j) is proven.
 * Transpositions (i j) for j in the class generate the whole symmetric group of the class, and
 * products of automorphisms are automorphisms: every permutation of a class's bundles is one.
 * Bundles of one class must be disjoint (no node names two indices of the class) and aligned (the
 * nodes of each, sorted by their name with the index replaced, correspond one to one); else the
 * class is dropped. Dropping a class, or a swap, only loses reduction.
 */
public final class BundleSymmetry {

    /** No symmetry: nothing is permuted. */
    static final BundleSymmetry NONE = new BundleSymmetry(new int[0][][], new int[0][][], 0, 0);

    /** Per class, per bundle, its places in aligned order. */
    final int[][][] places;
    /** Per class, per bundle, its live transitions in aligned order. */
    final int[][][] transitions;
    /** Per transition: class, bundle and position in the bundle, or -1 (fixed by every permutation). */
    final int[] transitionClass;
    final int[] transitionBundle;
    final int[] transitionLocal;

    private BundleSymmetry(int[][][] places, int[][][] transitions, int placeCount, int transitionCount) {
        this.places = places;
        this.transitions = transitions;
        transitionClass = new int[transitionCount];
        transitionBundle = new int[transitionCount];
        transitionLocal = new int[transitionCount];
        Arrays.fill(transitionClass, -1);
        for (int c = 0; c < transitions.length; c++) {
            for (int b = 0; b < transitions[c].length; b++) {
                for (int x = 0; x < transitions[c][b].length; x++) {
                    int t = transitions[c][b][x];
                    transitionClass[t] = c;
                    transitionBundle[t] = b;
                    transitionLocal[t] = x;
                }
            }
        }
    }

    /** Whether some class has two bundles or more (else exploring up to it changes nothing). */
    public boolean isTrivial() {
        return places.length == 0;
    }

    /** The classes of interchangeable bundles, each a list of bundles named by their index, for reports. */
    public int classCount() {
        return places.length;
    }

    /** How many bundles class {@code c} has. */
    public int bundleCount(int c) {
        return places[c].length;
    }

    /**
     * Per place of the net, whether it belongs to a bundle: a move that changes none of these
     * leaves a sorted marking sorted (every bundle's part, hence their order, is unchanged).
     */
    public boolean[] bundlePlaces(int placeCount) {
        boolean[] in = new boolean[placeCount];
        for (int[][] bundles : places) {
            for (int[] ps : bundles) {
                for (int p : ps) {
                    in[p] = true;
                }
            }
        }
        return in;
    }

    /** A scratch permutation per class (identity-sized), for {@link #sortMarking} and path mapping. */
    public int[][] newOrder() {
        int[][] o = new int[places.length][];
        for (int c = 0; c < places.length; c++) {
            o[c] = new int[places[c].length];
            for (int r = 0; r < o[c].length; r++) {
                o[c][r] = r;
            }
        }
        return o;
    }

    /**
     * Moves marking m to its orbit's representative for the untimed marking graph: in each class
     * the bundles sorted by their marking (lexicographically, ties kept in place), so m becomes
     * π(m) for the permutation π that sends bundle order[c][r] to slot r. Returns whether anything
     * moved; {@code scratch} needs at least as many entries as the net has places.
     */
    public boolean sortMarking(long[] m, int[][] order, long[] scratch) {
        boolean moved = false;
        for (int c = 0; c < places.length; c++) {
            int[][] bp = places[c];
            int[] o = order[c];
            for (int r = 0; r < o.length; r++) {
                o[r] = r;
            }
            for (int a = 1; a < o.length; a++) {
                int b = o[a];
                int x = a - 1;
                while (x >= 0 && compareMarking(m, bp[o[x]], bp[b]) > 0) {
                    o[x + 1] = o[x];
                    x--;
                }
                o[x + 1] = b;
                moved |= x + 1 != a;
            }
        }
        if (!moved) {
            return false;
        }
        for (int c = 0; c < places.length; c++) {
            int[][] bp = places[c];
            for (int r = 0; r < bp.length; r++) {
                int[] from = bp[order[c][r]];
                for (int x = 0; x < from.length; x++) {
                    scratch[from[x]] = m[from[x]];
                }
            }
        }
        for (int c = 0; c < places.length; c++) {
            int[][] bp = places[c];
            for (int r = 0; r < bp.length; r++) {
                int[] to = bp[r];
                int[] from = bp[order[c][r]];
                for (int x = 0; x < to.length; x++) {
                    m[to[x]] = scratch[from[x]];
                }
            }
        }
        return true;
    }

    private static int compareMarking(long[] m, int[] p1, int[] p2) {
        for (int x = 0; x < p1.length; x++) {
            if (m[p1[x]] != m[p2[x]]) {
                return m[p1[x]] < m[p2[x]] ? -1 : 1;
            }
        }
        return 0;
    }

    /**
     * The transition of the run for transition t of a representative, when the representative's
     * slot r of class c stands for the run's bundle sigma[c][r].
     */
    public int runTransition(int t, int[][] sigma) {
        int c = transitionClass[t];
        return c < 0 ? t : transitions[c][sigma[c][transitionBundle[t]]][transitionLocal[t]];
    }

    /**
     * After a successor was moved to its representative by {@code order}: the new representative's
     * slot r stands for the run's bundle sigma[c][order[c][r]]. Updates sigma in place.
     */
    public void follow(int[][] sigma, int[][] order) {
        for (int c = 0; c < sigma.length; c++) {
            int[] next = new int[sigma[c].length];
            for (int r = 0; r < next.length; r++) {
                next[r] = sigma[c][order[c][r]];
            }
            sigma[c] = next;
        }
    }

    private static final Pattern INDEXED = Pattern.compile("([A-Za-z_](?:[A-Za-z0-9_]*[A-Za-z_])?)(\\d+)");

    /**
     * The proven symmetry of {@code net} under which {@code target} (null: none) keeps its truth
     * value in every marking, or {@link #NONE}.
     */
    public static BundleSymmetry of(PetriNet net, CompiledPredicate target) {
        return of(candidates(net), target);
    }

    /**
     * The net's part of the work, done once per net and kept by callers that search it often
     * (one search per transition, say): the names read, and each swap proven or refused the first
     * time it is asked.
     */
    public static Candidates candidates(PetriNet net) {
        return new Candidates(net);
    }

    /** The symmetry of the candidates' net keeping {@code target}'s truth value, or {@link #NONE}. */
    public static BundleSymmetry of(Candidates c, CompiledPredicate target) {
        return keepingEach(c, target == null ? new CompiledPredicate[0] : new CompiledPredicate[] {target});
    }

    /**
     * The symmetry of the candidates' net under which every one of {@code targets} keeps its truth
     * value, or {@link #NONE}: a swap is kept only when each target is invariant under it. The group a
     * class generates is then made of products of swaps each target is invariant under, so each
     * target is invariant under the whole group, and the argument of {@link TimeBounds#reducingSymmetries}
     * holds for every target of one search ({@link TimeBounds#reachEach}).
     */
    static BundleSymmetry keepingEach(Candidates c, CompiledPredicate[] targets) {
        Set<String> assigned = new java.util.HashSet<>();
        List<int[][]> classPlaces = new ArrayList<>();
        List<int[][]> classTransitions = new ArrayList<>();
        for (String i : c.indices) {
            if (assigned.contains(i)) {
                continue;
            }
            List<String> members = new ArrayList<>();
            members.add(i);
            for (String j : c.indices) {
                if (j.equals(i) || assigned.contains(j)) {
                    continue;
                }
                int[] pp = c.swap(i, j);
                if (pp != null && invariant(targets, pp)) {
                    members.add(j);
                }
            }
            if (members.size() < 2) {
                continue;
            }
            int[][][] aligned = align(members, c.placeTokens, c.transitionTokens, c.placesOf, c.transitionsOf);
            if (aligned == null) {
                continue;
            }
            assigned.addAll(members);
            classPlaces.add(aligned[0]);
            classTransitions.add(aligned[1]);
        }
        if (classPlaces.isEmpty()) {
            return NONE;
        }
        return new BundleSymmetry(classPlaces.toArray(new int[0][][]), classTransitions.toArray(new int[0][][]),
                c.net.placeCount(), c.net.transitionCount());
    }

    private static boolean invariant(CompiledPredicate[] targets, int[] placeMap) {
        for (CompiledPredicate t : targets) {
            if (!t.invariantUnder(placeMap)) {
                return false;
            }
        }
        return true;
    }

    /** A net's names read into indices, and its swaps proven (or refused) on demand, once each. */
    public static final class Candidates {
        final PetriNet net;
        final boolean[] live;
        final String[][] placeTokens;
        final String[][] transitionTokens;
        /** index -> places, live transitions naming it; sorted maps: a deterministic order of classes. */
        final Map<String, Set<Integer>> placesOf = new TreeMap<>();
        final Map<String, Set<Integer>> transitionsOf = new TreeMap<>();
        final Map<String, Integer> placeByName = new HashMap<>();
        final Map<String, Integer> liveByName = new HashMap<>();
        final List<String> indices;
        private final Map<String, int[]> swaps = new HashMap<>();
        private static final int[] REFUSED = new int[0];

        private Candidates(PetriNet net) {
            this.net = net;
            int np = net.placeCount();
            int nt = net.transitionCount();
            live = liveTransitions(net);
            placeTokens = new String[np][];
            transitionTokens = new String[nt][];
            // an index counts only on an instance's token: one that begins some node's name
            // (mariadb4 in mariadb4.start.start), not a place of a component (s3 in c1.s3)
            Set<String> instances = new java.util.HashSet<>();
            for (int p = 0; p < np; p++) {
                placeTokens[p] = net.place(p).name().split("\\.", -1);
                instances.add(placeTokens[p][0]);
            }
            for (int t = 0; t < nt; t++) {
                transitionTokens[t] = net.transition(t).name().split("\\.", -1);
                instances.add(transitionTokens[t][0]);
            }
            for (int p = 0; p < np; p++) {
                escape(placeTokens[p], instances);
                for (String idx : indices(placeTokens[p])) {
                    placesOf.computeIfAbsent(idx, k -> new LinkedHashSet<>()).add(p);
                }
                placeByName.put(String.join(".", placeTokens[p]), p);
            }
            for (int t = 0; t < nt; t++) {
                escape(transitionTokens[t], instances);
                if (!live[t]) {
                    continue;
                }
                for (String idx : indices(transitionTokens[t])) {
                    transitionsOf.computeIfAbsent(idx, k -> new LinkedHashSet<>()).add(t);
                }
                liveByName.put(String.join(".", transitionTokens[t]), t);
            }
            List<String> all = new ArrayList<>(placesOf.keySet());
            all.sort((a, b) -> a.length() != b.length() ? a.length() - b.length() : a.compareTo(b));
            indices = all;
        }

        /** The place map of the swap of i and j when it is an automorphism of the net, else null. */
        synchronized int[] swap(String i, String j) {
            String key = i.compareTo(j) < 0 ? i + "|" + j : j + "|" + i;
            int[] pp = swaps.get(key);
            if (pp == null) {
                pp = swapIsAutomorphism(net, live, i, j, placeTokens, transitionTokens, placesOf, transitionsOf,
                        placeByName, liveByName);
                swaps.put(key, pp == null ? REFUSED : pp);
            }
            return pp == REFUSED ? null : pp;
        }
    }

    /**
     * Marks the tokens that look indexed but are no instance's ("=s3"): they never match
     * {@link #INDEXED}, so no swap renames them. Names are only proposals: whatever they map, the
     * swap is proven on the net's structure.
     */
    private static void escape(String[] tokens, Set<String> instances) {
        for (int k = 0; k < tokens.length; k++) {
            if (!instances.contains(tokens[k]) && INDEXED.matcher(tokens[k]).matches()) {
                tokens[k] = "=" + tokens[k];
            }
        }
    }

    /** The indices named by a node's tokens. */
    private static Set<String> indices(String[] tokens) {
        Set<String> out = new LinkedHashSet<>();
        for (String s : tokens) {
            Matcher m = INDEXED.matcher(s);
            if (m.matches()) {
                out.add(m.group(2));
            }
        }
        return out;
    }

    /** A node's name with index a's tokens renamed to index b and b's to a. */
    private static String rename(String[] tokens, String a, String b) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < tokens.length; k++) {
            if (k > 0) {
                sb.append('.');
            }
            String s = tokens[k];
            Matcher m = INDEXED.matcher(s);
            if (m.matches() && (m.group(2).equals(a) || m.group(2).equals(b))) {
                sb.append(m.group(1)).append(m.group(2).equals(a) ? b : a);
            } else {
                sb.append(s);
            }
        }
        return sb.toString();
    }

    /** The place map of renaming i and j into each other when it maps the net's live behaviour onto itself, else null. */
    private static int[] swapIsAutomorphism(PetriNet net, boolean[] live, String i, String j,
            String[][] placeTokens, String[][] transitionTokens, Map<String, Set<Integer>> placesOf,
            Map<String, Set<Integer>> transitionsOf, Map<String, Integer> placeByName,
            Map<String, Integer> liveByName) {
        int np = net.placeCount();
        int nt = net.transitionCount();
        int[] pp = new int[np];
        for (int p = 0; p < np; p++) {
            pp[p] = p;
        }
        int[] tp = new int[nt];
        for (int t = 0; t < nt; t++) {
            tp[t] = t;
        }
        Set<Integer> movedPlaces = new LinkedHashSet<>(placesOf.getOrDefault(i, Set.of()));
        movedPlaces.addAll(placesOf.getOrDefault(j, Set.of()));
        for (int p : movedPlaces) {
            Integer q = placeByName.get(rename(placeTokens[p], i, j));
            if (q == null) {
                return null;
            }
            pp[p] = q;
        }
        Set<Integer> movedTransitions = new LinkedHashSet<>(transitionsOf.getOrDefault(i, Set.of()));
        movedTransitions.addAll(transitionsOf.getOrDefault(j, Set.of()));
        for (int t : movedTransitions) {
            Integer u = liveByName.get(rename(transitionTokens[t], i, j));
            if (u == null) {
                return null;
            }
            tp[t] = u;
        }
        // a bijection (an involution: renaming twice gives the name back)
        for (int p : movedPlaces) {
            if (pp[pp[p]] != p) {
                return null;
            }
            if (net.place(p).initialTokens() != net.place(pp[p]).initialTokens()) {
                return null;
            }
        }
        for (int t : movedTransitions) {
            if (tp[tp[t]] != t) {
                return null;
            }
        }
        // arcs and intervals: every live transition, since a fixed one may have arcs on moved places
        for (int t = 0; t < nt; t++) {
            if (!live[t]) {
                continue;
            }
            Transition a = net.transition(t);
            Transition b = net.transition(tp[t]);
            if (!a.interval().equals(b.interval())
                    || !sameArcs(a.inputs(), b.inputs(), pp) || !sameArcs(a.outputs(), b.outputs(), pp)) {
                return null;
            }
        }
        return pp;
    }

    /**
     * Whether mapping {@code from}'s places through pp gives exactly {@code to}'s arcs: as many
     * arcs, each mapped arc among {@code to}'s. A transition has a handful of arcs and a swap asks
     * this of every live transition, so the match is a scan, without a set per transition.
     */
    private static boolean sameArcs(List<Arc> from, List<Arc> to, int[] pp) {
        int n = from.size();
        if (n != to.size()) {
            return false;
        }
        for (int x = 0; x < n; x++) {
            Arc a = from.get(x);
            int place = pp[a.place()];
            boolean found = false;
            for (int y = 0; y < n && !found; y++) {
                Arc b = to.get(y);
                found = b.place() == place && b.weight() == a.weight() && b.kind() == a.kind();
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }

    /**
     * The bundles of a class, each node list sorted by the name with its index blanked out; null
     * when two bundles overlap or do not line up node for node.
     */
    private static int[][][] align(List<String> members, String[][] placeTokens, String[][] transitionTokens,
            Map<String, Set<Integer>> placesOf, Map<String, Set<Integer>> transitionsOf) {
        Set<String> memberSet = new java.util.HashSet<>(members);
        int k = members.size();
        int[][] bp = new int[k][];
        int[][] bt = new int[k][];
        List<String> placeShape = null;
        List<String> transitionShape = null;
        for (int b = 0; b < k; b++) {
            String idx = members.get(b);
            TreeMap<String, Integer> ps = new TreeMap<>();
            for (int p : placesOf.getOrDefault(idx, Set.of())) {
                String key = blank(placeTokens[p], idx, memberSet);
                if (key == null || ps.put(key, p) != null) {
                    return null;
                }
            }
            TreeMap<String, Integer> ts = new TreeMap<>();
            for (int t : transitionsOf.getOrDefault(idx, Set.of())) {
                String key = blank(transitionTokens[t], idx, memberSet);
                if (key == null || ts.put(key, t) != null) {
                    return null;
                }
            }
            List<String> pShape = new ArrayList<>(ps.keySet());
            List<String> tShape = new ArrayList<>(ts.keySet());
            if (b == 0) {
                placeShape = pShape;
                transitionShape = tShape;
            } else if (!pShape.equals(placeShape) || !tShape.equals(transitionShape)) {
                return null;
            }
            bp[b] = ps.values().stream().mapToInt(Integer::intValue).toArray();
            bt[b] = ts.values().stream().mapToInt(Integer::intValue).toArray();
        }
        return new int[][][] {bp, bt};
    }

    /** The name with index idx blanked ({@code stem#}); null if it also names another member of the class. */
    private static String blank(String[] tokens, String idx, Set<String> members) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < tokens.length; k++) {
            if (k > 0) {
                sb.append('.');
            }
            Matcher m = INDEXED.matcher(tokens[k]);
            if (m.matches() && members.contains(m.group(2))) {
                if (!m.group(2).equals(idx)) {
                    return null;
                }
                sb.append(m.group(1)).append('#');
            } else {
                sb.append(tokens[k]);
            }
        }
        return sb.toString();
    }

    /**
     * Transitions that may fire: the least fixpoint of "every place it needs (normal or read arc,
     * any weight) starts marked or is marked by a transition that may fire". Inhibitor arcs and
     * weights are ignored, so this over-approximates: a transition outside it never fires.
     */
    static boolean[] liveTransitions(PetriNet net) {
        int np = net.placeCount();
        int nt = net.transitionCount();
        boolean[] markable = new boolean[np];
        for (int p = 0; p < np; p++) {
            markable[p] = net.place(p).initialTokens() > 0;
        }
        boolean[] live = new boolean[nt];
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int t = 0; t < nt; t++) {
                if (live[t]) {
                    continue;
                }
                boolean ok = true;
                for (Arc a : net.transition(t).inputs()) {
                    if (a.kind() != dev.cadenza.petri.ArcKind.INHIBITOR && !markable[a.place()]) {
                        ok = false;
                        break;
                    }
                }
                if (ok) {
                    live[t] = true;
                    changed = true;
                    for (Arc a : net.transition(t).outputs()) {
                        markable[a.place()] = true;
                    }
                }
            }
        }
        return live;
    }
}
