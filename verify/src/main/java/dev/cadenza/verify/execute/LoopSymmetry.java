package dev.cadenza.verify.execute;

import dev.cadenza.core.model.Instruction;
import dev.cadenza.core.model.Semantics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * Alike bundles of instances (hosts 2..n of a deployment) that the runtime's loop cannot tell
 * apart, and the canonical form of a {@link LoopStateCodec} key under their permutations: the
 * runtime's state space stores one key per orbit (docs/verify.md, "Symmetry in the runtime's
 * state space").
 *
 * <p>Names only propose the bundles: an instance {@code apt3} is member {@code apt} of bundle
 * {@code 3}. Bundles with the same members of the same compiled types form a class. A
 * permutation π of a class's bundles (renaming every member to the same member of the image
 * bundle) is then decided on what the executor runs: the rules read instances only through
 * their compiled types, their state and their connections (no rule compares ids or names;
 * every order a name would give, the state space enumerates), and the state and the connections
 * are in the key, which π permutes. What is left is the program: π must map what is still to run
 * of it, from the state's program counter, onto itself, up to what the executor cannot tell
 * apart ({@link #sameProgram}). Then every run from a state s, renamed by π, is a run from π(s)
 * with the same times and ends, and the converse: the loop's graph has π as an automorphism
 * on the states at that counter (and at every later one, since what is left only shrinks).
 * A bundle the observed predicate reads alone stays in place (the predicate would tell it from
 * the others); one read only through readings over several instances moves, when each such
 * reading's instances are the same members of every bundle of its class (the highest of their
 * values is then the same after π; {@link #invariant}). Bundles with a connection between two
 * different bundles are not used (the canonical form below would not be unique, which the
 * re-derivation of runs needs).
 *
 * <p>Canonical form: in each usable class, the bundles are sorted by their members' parts of
 * the key followed by their connections written relative to the bundle (a member's index, or the
 * other end's id when it is in no bundle); the key is rewritten with the bundles in that order.
 * Two keys of one orbit have the same sorted sequence of bundle descriptions, and bundles with
 * equal descriptions hold equal parts and equal connections, so they give the same key: the form
 * is unique per orbit.
 */
final class LoopSymmetry {

    /** [class][bundle][member]: the instance ids (bundles in index order, members in name order). */
    private final int[][][] classes;
    private final List<Instruction> program;
    private final int prefixEnd;
    private final boolean concertoD;
    private final List<CompiledType> types;
    private final Map<String, Integer> idOf = new HashMap<>();
    /** [class][pc]: 0 not decided, 1 usable from there, 2 not. */
    private final byte[][] usable;
    /** For tests only: use every class at every program counter, the program unchecked (a broken rule). */
    static boolean uncheckedForTests;

    private LoopSymmetry(int[][][] classes, Executor e) {
        this.classes = classes;
        this.program = e.instructions();
        this.prefixEnd = e.prefixLength();
        this.concertoD = e.semantics() == Semantics.CONCERTO_D;
        this.types = e.addedTypes();
        for (int i = 0; i < e.addedNames().size(); i++) {
            idOf.put(e.addedNames().get(i), i);
        }
        this.usable = new byte[classes.length][program.size() + 1];
        int n = e.addedNames().size();
        this.wide = LoopStateCodec.wideConnections(n);
        this.mark = Math.max(n, 64);
        this.place = new int[n];
        this.perm = new int[n];
        this.order = new int[n];
        this.descStart = new int[n + 1];
        java.util.Arrays.fill(place, -1);
        int bundle = 0;
        int bundles = 0;
        for (int[][] bs : classes) {
            bundles += bs.length;
        }
        this.triples = new int[bundles][];
        this.tripleLength = new int[bundles];
        for (int b = 0; b < bundles; b++) {
            triples[b] = new int[24];
        }
        for (int[][] bs : classes) {
            for (int[] ids : bs) {
                for (int m = 0; m < ids.length; m++) {
                    place[ids[m]] = bundle << 16 | m;
                }
                bundle++;
            }
        }
    }

    /** Per instance id: its bundle (numbered over every class) << 16 | its member index, or -1. */
    private final int[] place;
    /**
     * Whether the key's connections are two ints each ({@link LoopStateCodec#wideConnections}: more
     * than 64 instances); then a bundle's triples write an end as {@code end << 16 | end}, else as
     * {@code end << 8 | end} (ends below 256), the order of the pairs either way.
     */
    private final boolean wide;
    /**
     * An end in the bundle described is written {@code mark + its member index}, any other end as its
     * id: {@code mark} is above every id (64, or the number of instances when there are more).
     */
    private final int mark;

    /** The symmetry of {@code e}'s subject with {@code watch}'s instances fixed, or null when there is none. */
    static LoopSymmetry of(Executor e, PredicateWatch watch) {
        List<String> names = e.addedNames();
        List<CompiledType> types = e.addedTypes();
        // proposed by names: bundle index -> member name -> id
        TreeMap<Long, TreeMap<String, Integer>> bundles = new TreeMap<>();
        for (int i = 0; i < names.size(); i++) {
            String n = names.get(i);
            int k = n.length();
            while (k > 0 && Character.isDigit(n.charAt(k - 1))) {
                k--;
            }
            if (k == n.length() || k == 0 || n.length() - k > 9) {
                continue;
            }
            long index = Long.parseLong(n.substring(k));
            bundles.computeIfAbsent(index, x -> new TreeMap<>()).put(n.substring(0, k), i);
        }
        int[] bundleOf = new int[names.size()];
        Arrays.fill(bundleOf, -1);
        List<int[]> all = new ArrayList<>();
        List<String> signature = new ArrayList<>();
        for (TreeMap<String, Integer> b : bundles.values()) {
            int[] ids = new int[b.size()];
            StringBuilder sig = new StringBuilder();
            int m = 0;
            boolean watched = false;
            for (Map.Entry<String, Integer> en : b.entrySet()) {
                ids[m++] = en.getValue();
                // the compiled type itself (one per component type), not its name
                sig.append(en.getKey()).append(':').append(System.identityHashCode(types.get(en.getValue()))).append(';');
                watched |= watch != null && watch.readAlone(en.getValue());
            }
            if (watched) {
                continue; // the predicate reads it alone: it stays where it is
            }
            for (int id : ids) {
                bundleOf[id] = all.size();
            }
            all.add(ids);
            signature.add(sig.toString());
        }
        // bundles alone of their kind are never moved: they count as instances in no bundle
        Map<String, Integer> kinds = new HashMap<>();
        for (String sig : signature) {
            kinds.merge(sig, 1, Integer::sum);
        }
        // a connection between two bundles that may move: both are left out (see the class comment)
        boolean[] linked = new boolean[all.size()];
        for (Instruction i : e.instructions()) {
            if (i instanceof Instruction.Con c) {
                Integer a = index(names, c.provider().instance());
                Integer u = index(names, c.user().instance());
                if (a != null && u != null && bundleOf[a] >= 0 && bundleOf[u] >= 0 && bundleOf[a] != bundleOf[u]
                        && kinds.get(signature.get(bundleOf[a])) > 1 && kinds.get(signature.get(bundleOf[u])) > 1) {
                    linked[bundleOf[a]] = true;
                    linked[bundleOf[u]] = true;
                }
            }
        }
        Map<String, List<int[]>> bySignature = new java.util.LinkedHashMap<>();
        for (int b = 0; b < all.size(); b++) {
            if (!linked[b]) {
                bySignature.computeIfAbsent(signature.get(b), x -> new ArrayList<>()).add(all.get(b));
            }
        }
        List<int[][]> out = new ArrayList<>();
        int[][] several = watch == null ? new int[0][] : watch.severalInstances();
        for (List<int[]> c : bySignature.values()) {
            c = invariant(c, several);
            if (c.size() >= 2) {
                out.add(c.toArray(new int[0][]));
            }
        }
        return out.isEmpty() ? null : new LoopSymmetry(out.toArray(new int[0][][]), e);
    }

    /**
     * The bundles of a class that its permutations may move with the predicate's readings over
     * several instances unchanged: such a reading reads the highest of its instances' values, the
     * same after a permutation that maps its set of instances onto itself. That holds when every
     * bundle of the class has the same members in the set (AlikeReadings builds them so: one member
     * of every bundle the predicate does not read alone). Otherwise the bundles holding some of its
     * instances stay in place, and the others are permuted among themselves.
     */
    private static List<int[]> invariant(List<int[]> bundles, int[][] several) {
        List<int[]> out = bundles;
        for (int[] set : several) {
            String first = null;
            boolean same = true;
            for (int[] b : out) {
                String members = members(b, set);
                same &= first == null || first.equals(members);
                first = members;
            }
            if (!same) {
                List<int[]> kept = new ArrayList<>();
                for (int[] b : out) {
                    if (members(b, set).isEmpty()) {
                        kept.add(b);
                    }
                }
                out = kept;
            }
        }
        return out;
    }

    /** The member indices of bundle {@code b} that are in {@code set}, as text ("0,2,"). */
    private static String members(int[] b, int[] set) {
        StringBuilder sb = new StringBuilder();
        for (int m = 0; m < b.length; m++) {
            for (int id : set) {
                if (id == b[m]) {
                    sb.append(m).append(',');
                }
            }
        }
        return sb.toString();
    }

    /** The members of {@code id}'s bundle, {@code id} among them; only {@code id} when it is in no class. */
    int[] bundleMembers(int id) {
        int at = place[id];
        if (at < 0) {
            return new int[] {id};
        }
        int bundle = at >>> 16;
        for (int[][] bs : classes) {
            if (bundle < bs.length) {
                return bs[bundle].clone();
            }
            bundle -= bs.length;
        }
        return new int[] {id};
    }

    /**
     * The instances alike to {@code id}: the same member of every bundle of its class, {@code id}
     * among them, in bundle order; null when it is in no class.
     */
    int[] alike(int id) {
        int at = place[id];
        if (at < 0) {
            return null;
        }
        int bundle = at >>> 16;
        int member = at & 0xffff;
        for (int[][] bs : classes) {
            if (bundle < bs.length) {
                int[] out = new int[bs.length];
                for (int b = 0; b < bs.length; b++) {
                    out[b] = bs[b][member];
                }
                return out;
            }
            bundle -= bs.length;
        }
        return null;
    }

    private static Integer index(List<String> names, String n) {
        int i = names.indexOf(n);
        return i < 0 ? null : i;
    }

    int classCount() {
        return classes.length;
    }

    // ---- the program ------------------------------------------------------------------------------

    /** Whether class {@code c}'s permutations map what is left of the program from {@code pc} onto itself. */
    boolean usableAt(int c, int pc) {
        if (uncheckedForTests) {
            return true;
        }
        if (usable[c][pc] == 0) {
            boolean ok = true;
            // the transpositions of neighbouring bundles generate every permutation of the class
            for (int b = 0; b + 1 < classes[c].length && ok; b++) {
                Map<String, String> swap = new HashMap<>();
                for (int m = 0; m < classes[c][b].length; m++) {
                    String p = nameOf(classes[c][b][m]);
                    String q = nameOf(classes[c][b + 1][m]);
                    swap.put(p, q);
                    swap.put(q, p);
                }
                ok = sameProgram(pc, n -> swap.getOrDefault(n, n));
            }
            usable[c][pc] = (byte) (ok ? 1 : 2);
        }
        return usable[c][pc] == 1;
    }

    private String nameOf(int id) {
        for (Map.Entry<String, Integer> e : idOf.entrySet()) {
            if (e.getValue() == id) {
                return e.getKey();
            }
        }
        throw new IllegalStateException("no instance " + id);
    }

    /**
     * Whether the program from {@code pc}, renamed by {@code rename}, is the program from
     * {@code pc} up to what the executor cannot tell apart. The rest is cut into blocks (never
     * across the end of a program the subject runs after):
     * <ul>
     * <li>a run of {@code add}, {@code con} and {@code pushB}: each finishes at once, so the run is
     * applied whole in one program phase; its effect is the instances added (each takes the id
     * of its name: the program adds each name once, in the executor's order), the connections
     * made and, per instance, the behaviors pushed in their order — compared as such;</li>
     * <li>a {@code waitAll} followed by {@code dcon}s and {@code del}s (not under Concerto-D) that
     * provably never block once it passes ({@link #neverBlocks}): applied whole at once too, the
     * same connections removed and instances deleted in any order — compared as two sets;</li>
     * <li>any other instruction: compared as it is, at its place.</li>
     * </ul>
     */
    boolean sameProgram(int pc, UnaryOperator<String> rename) {
        int k = pc;
        while (k < program.size()) {
            int stop = k < prefixEnd ? prefixEnd : program.size();
            Instruction i = program.get(k);
            if (immediate(i)) {
                int end = k;
                while (end < stop && immediate(program.get(end))) {
                    end++;
                }
                if (!immediateEffect(k, end, UnaryOperator.identity()).equals(immediateEffect(k, end, rename))) {
                    return false;
                }
                k = end;
            } else if (i instanceof Instruction.WaitAll && !concertoD) {
                int end = k + 1;
                while (end < stop && (program.get(end) instanceof Instruction.Dcon
                        || program.get(end) instanceof Instruction.Del)) {
                    end++;
                }
                if (end > k + 1) {
                    if (!neverBlocks(k, end)
                            || !barrierEffect(k + 1, end, UnaryOperator.identity()).equals(barrierEffect(k + 1, end, rename))) {
                        return false;
                    }
                }
                k = end;
            } else {
                if (!text(i, UnaryOperator.identity()).equals(text(i, rename))) {
                    return false;
                }
                k++;
            }
        }
        return true;
    }

    private static boolean immediate(Instruction i) {
        return i instanceof Instruction.Add || i instanceof Instruction.Con || i instanceof Instruction.PushB;
    }

    private List<String> immediateEffect(int from, int to, UnaryOperator<String> rename) {
        List<String> adds = new ArrayList<>();
        List<String> cons = new ArrayList<>();
        TreeMap<String, List<String>> pushes = new TreeMap<>();
        for (int k = from; k < to; k++) {
            Instruction i = program.get(k);
            if (i instanceof Instruction.PushB p) {
                pushes.computeIfAbsent(rename.apply(p.instance()), x -> new ArrayList<>()).add(p.behavior());
            } else if (i instanceof Instruction.Add) {
                adds.add(text(i, rename));
            } else {
                cons.add(text(i, rename));
            }
        }
        adds.sort(null);
        cons.sort(null);
        List<String> out = new ArrayList<>(adds);
        out.add("|");
        out.addAll(cons);
        out.add("|");
        out.add(pushes.toString());
        return out;
    }

    private List<String> barrierEffect(int from, int to, UnaryOperator<String> rename) {
        List<String> out = new ArrayList<>();
        for (int k = from; k < to; k++) {
            out.add(text(program.get(k), rename));
        }
        out.sort(null);
        return out;
    }

    /**
     * Whether the {@code dcon}s and {@code del}s after the {@code waitAll} at {@code wait} (up to
     * {@code end}) all finish as soon as it passes, whatever the state. When it passes no instance
     * is active, so no thread runs (a component with a running thread is active) and none starts
     * before the program phase ends. A {@code dcon} waits while its use port has users; a use port
     * bound to transitions only (no place, no group) has users only while one of them runs: it
     * finishes. A {@code del} waits while its instance is active (none is) or connected: the
     * connections at a program counter are those the program made before it minus those it
     * removed (only instructions change them, and every instruction before the counter
     * finished), so whether the instance still has one after the {@code dcon}s before the
     * {@code del} is known here. A {@code dcon} of a connection that is not there is an error
     * either way: refused.
     */
    private boolean neverBlocks(int wait, int end) {
        List<String> connected = new ArrayList<>();
        for (int k = 0; k < end; k++) {
            Instruction i = program.get(k);
            if (i instanceof Instruction.Con c) {
                connected.add(c.provider().instance() + "." + c.provider().port() + ">" + c.user().instance() + "."
                        + c.user().port());
            } else if (i instanceof Instruction.Dcon d) {
                String s = d.provider().instance() + "." + d.provider().port() + ">" + d.user().instance() + "."
                        + d.user().port();
                if (k > wait) {
                    if (!connected.contains(s) || !transitionsOnly(d.user().instance(), d.user().port())) {
                        return false;
                    }
                }
                connected.remove(s);
            } else if (i instanceof Instruction.Del d && k > wait) {
                for (String s : connected) {
                    int gt = s.indexOf('>');
                    if (s.substring(0, s.indexOf('.')).equals(d.instance())
                            || s.substring(gt + 1, s.indexOf('.', gt)).equals(d.instance())) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    private boolean transitionsOnly(String instance, String port) {
        Integer id = idOf.get(instance);
        if (id == null) {
            return false;
        }
        CompiledType t = types.get(id);
        int p = t.port(port);
        if (p < 0) {
            return false;
        }
        for (int[] deps : t.placeDeps) {
            for (int d : deps) {
                if (d == p) {
                    return false;
                }
            }
        }
        for (int[] deps : t.groupDeps) {
            for (int d : deps) {
                if (d == p) {
                    return false;
                }
            }
        }
        return true;
    }

    private static String text(Instruction i, UnaryOperator<String> r) {
        if (i instanceof Instruction.Add a) {
            return "add " + r.apply(a.instance()) + ":" + a.type();
        } else if (i instanceof Instruction.Del d) {
            return "del " + r.apply(d.instance());
        } else if (i instanceof Instruction.Con c) {
            return "con " + r.apply(c.provider().instance()) + "." + c.provider().port() + " "
                    + r.apply(c.user().instance()) + "." + c.user().port();
        } else if (i instanceof Instruction.Dcon c) {
            return "dcon " + r.apply(c.provider().instance()) + "." + c.provider().port() + " "
                    + r.apply(c.user().instance()) + "." + c.user().port();
        } else if (i instanceof Instruction.PushB p) {
            return "pushB " + r.apply(p.instance()) + " " + p.behavior();
        } else if (i instanceof Instruction.Wait w) {
            return "wait " + r.apply(w.instance());
        }
        return "waitAll";
    }

    // ---- the canonical form -------------------------------------------------------------------------

    private int[] out = new int[256];
    private final int[] perm;
    private final int[] order;
    private int[] desc = new int[1024];
    private final int[] descStart;
    private int[] conns = new int[64];
    private long[] wideConns = new long[64];

    /**
     * The canonical form of the key just written by {@code codec} into {@code key[0..len)} (its
     * parts' offsets are the codec's):
     * {@code key} itself when no usable permutation moves it, else a buffer of this object (valid
     * until the next call) of the same length. Boundary keys only: the per-iteration memo keeps its
     * keys as reached ({@link LoopGraph}).
     */
    int[] canonical(int[] key, int len, LoopStateCodec codec) {
        int n = key[2];
        int pc = key[1];
        boolean moved = false;
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        for (int c = 0; c < classes.length; c++) {
            int[][] bs = classes[c];
            if (!usableAt(c, pc)) {
                continue; // the program tells them apart
            }
            // a member is added in all bundles or in none (the adds left are mapped onto themselves)
            sortBundles(bs, key, codec, n);
            for (int slot = 0; slot < bs.length; slot++) {
                int from = order[slot];
                if (from != slot) {
                    moved = true;
                }
                for (int m = 0; m < bs[slot].length; m++) {
                    if (bs[from][m] < n) {
                        perm[bs[from][m]] = bs[slot][m];
                    }
                }
            }
        }
        if (!moved) {
            return key;
        }
        if (out.length < len) {
            out = new int[Math.max(len, out.length * 2)];
        }
        int head = codec.partStart(0);
        System.arraycopy(key, 0, out, 0, head);
        // perm: old id -> new id; write the parts by new id
        int[] inv = order; // reuse: inv[new] = old
        for (int i = 0; i < n; i++) {
            inv[perm[i]] = i;
        }
        int at = head;
        for (int k = 0; k < n; k++) {
            int o = inv[k];
            int s = codec.partStart(o);
            int l = codec.partStart(o + 1) - s;
            System.arraycopy(key, s, out, at, l);
            at += l;
        }
        int cs = codec.partStart(n);
        int count = key[cs];
        out[at++] = count;
        int tail;
        if (wide) {
            if (wideConns.length < count) {
                wideConns = new long[count * 2];
            }
            for (int i = 0; i < count; i++) {
                int pe = key[cs + 1 + 2 * i];
                int ue = key[cs + 2 + 2 * i];
                wideConns[i] = (long) (perm[pe >>> 10] << 10 | pe & 1023) << 32 | (perm[ue >>> 10] << 10 | ue & 1023);
            }
            Arrays.sort(wideConns, 0, count);
            for (int i = 0; i < count; i++) {
                out[at++] = (int) (wideConns[i] >>> 32);
                out[at++] = (int) wideConns[i];
            }
            tail = cs + 1 + 2 * count;
        } else {
            if (conns.length < count) {
                conns = new int[count * 2];
            }
            for (int i = 0; i < count; i++) {
                int k = key[cs + 1 + i];
                int p = perm[k >>> 26];
                int u = perm[(k >>> 10) & 63];
                conns[i] = p << 26 | (k & (1023 << 16)) | u << 10 | (k & 1023);
            }
            Arrays.sort(conns, 0, count);
            System.arraycopy(conns, 0, out, at, count);
            at += count;
            tail = cs + 1 + count;
        }
        System.arraycopy(key, tail, out, at, len - tail);
        return out;
    }

    /**
     * The twins of the key just written by {@code codec} into {@code key[0..len)}: in each class usable
     * at its counter, the sets of two or more bundles with equal descriptions, each bundle as its
     * member ids in member order (an id at or above the key's instance count is a member not added
     * yet, in none of the set's bundles: {@link #sameAdded}). Swapping two bundles of one set maps the key
     * onto itself (equal parts, equal connections relative to them: see {@link #canonical}), so the
     * transposition is an automorphism of the loop's graph that fixes this state: whatever happens
     * from here to a twin happens, renamed, to the other. Null when there are none.
     */
    int[][][] twins(int[] key, int len, LoopStateCodec codec) {
        int n = key[2];
        int pc = key[1];
        List<int[][]> out = null;
        for (int c = 0; c < classes.length; c++) {
            int[][] bs = classes[c];
            if (!usableAt(c, pc)) {
                continue;
            }
            sortBundles(bs, key, codec, n);
            for (int i = 0; i < bs.length; ) {
                int j = i + 1;
                while (j < bs.length && (twinsUncheckedForTests || compare(order[i], order[j]) == 0)
                        && sameAdded(bs[order[i]], bs[order[j]], n)) {
                    j++;
                }
                if (j - i >= 2 && anyAdded(bs[order[i]], n)) {
                    int[][] set = new int[j - i][];
                    for (int k = i; k < j; k++) {
                        set[k - i] = bs[order[k]];
                    }
                    Arrays.sort(set, (p, q) -> Integer.compare(p[0], q[0]));
                    if (out == null) {
                        out = new ArrayList<>();
                    }
                    out.add(set);
                }
                i = j;
            }
        }
        return out == null ? null : out.toArray(new int[0][][]);
    }

    /**
     * Tests only: every class's bundles count as twins whatever they hold (a broken rule the
     * properties must catch: {@code TwinsStateSpaceProperties}, {@code -Dtwins.broken=true}).
     */
    static boolean twinsUncheckedForTests;

    /** Whether the same members of bundles {@code a} and {@code b} are added (ids below {@code n}). */
    private static boolean sameAdded(int[] a, int[] b, int n) {
        for (int m = 0; m < a.length; m++) {
            if (a[m] < n != b[m] < n) {
                return false;
            }
        }
        return true;
    }

    private static boolean anyAdded(int[] ids, int n) {
        for (int id : ids) {
            if (id < n) {
                return true;
            }
        }
        return false;
    }

    /**
     * Describes each bundle of {@code bs} in {@code key} ({@link #describe}; {@link #descStart}) and
     * sorts them by description into {@link #order}: an insertion sort, classes are small.
     */
    private void sortBundles(int[][] bs, int[] key, LoopStateCodec codec, int n) {
        connectionTriples(key, codec.partStart(n));
        int dl = 0;
        for (int b = 0; b < bs.length; b++) {
            descStart[b] = dl;
            dl = describe(bs[b], key, codec, dl);
            order[b] = b;
        }
        descStart[bs.length] = dl;
        for (int i = 1; i < bs.length; i++) {
            int v = order[i];
            int j = i - 1;
            while (j >= 0 && compare(order[j], v) > 0) {
                order[j + 1] = order[j];
                j--;
            }
            order[j + 1] = v;
        }
    }

    /** Bundle {@code ids}' description: its members' parts, then its connections relative to it (sorted). */
    private int describe(int[] ids, int[] key, LoopStateCodec codec, int dl) {
        int n = key[2];
        for (int id : ids) {
            if (id >= n) {
                continue; // not added yet: in no bundle of the class (see canonical)
            }
            int s = codec.partStart(id);
            int l = codec.partStart(id + 1) - s;
            ensure(dl + l + 1);
            desc[dl++] = l;
            System.arraycopy(key, s, desc, dl, l);
            dl += l;
        }
        int bundle = place[ids[0]] >>> 16;
        int t = tripleLength[bundle];
        ensure(dl + t);
        System.arraycopy(triples[bundle], 0, desc, dl, t);
        if (checkForTests) {
            int end = describeConnections(ids, key, codec.partStart(n), dl + t);
            if (!Arrays.equals(desc, dl, dl + t, desc, dl + t, end)) {
                throw new IllegalStateException("a bundle's connections kept " + Arrays.toString(
                        Arrays.copyOfRange(desc, dl, dl + t)) + " differ from the key's " + Arrays.toString(
                        Arrays.copyOfRange(desc, dl + t, end)));
            }
        }
        return dl + t;
    }

    /** For tests: every description's connections also written from the key (the bundle's own pass) and compared. */
    static boolean checkForTests;

    /**
     * The connections (their count, then their codes) {@link #triples} were written for: they
     * change only in a program phase, so the next boundary key of an iteration finds its bundles'
     * triples written already.
     */
    private int[] triplesFor = {-1};
    /** Per bundle (numbered over every class, as {@link #place}): its connections written relative to it, sorted triples. */
    private final int[][] triples;
    private final int[] tripleLength;

    /**
     * Writes every bundle's connections relative to it, in one pass over the key's connections
     * (at {@code cs}: the count, then the codes) unless they are those of the last call: each
     * connection goes to its provider's bundle and to its user's (once when both are one bundle),
     * an end in the bundle as its member index (+{@link #mark}), any other end as its id (in no bundle of a
     * usable class: see of()); then each bundle's triples are sorted. The same triples, in the
     * same order, as a pass per bundle over the connections would write ({@link #checkForTests}).
     */
    private void connectionTriples(int[] key, int cs) {
        int count = key[cs];
        int ints = wide ? 2 * count : count;
        if (triplesFor.length == ints + 1 && Arrays.equals(key, cs, cs + 1 + ints, triplesFor, 0, ints + 1)) {
            return;
        }
        triplesFor = Arrays.copyOfRange(key, cs, cs + 1 + ints);
        Arrays.fill(tripleLength, 0);
        for (int i = 0; i < count; i++) {
            int p = provider(key, cs, i);
            int u = user(key, cs, i);
            int pb = place[p] < 0 ? -1 : place[p] >>> 16;
            int ub = place[u] < 0 ? -1 : place[u] >>> 16;
            if (pb >= 0) {
                triple(pb, key, cs, i, pb, ub);
            }
            if (ub >= 0 && ub != pb) {
                triple(ub, key, cs, i, pb, ub);
            }
        }
        for (int b = 0; b < triples.length; b++) {
            sortTriples(triples[b], 0, tripleLength[b]);
        }
    }

    /** Connection {@code i} of the key's connections at {@code cs} (the count, then the codes): its provider's id. */
    private int provider(int[] key, int cs, int i) {
        return wide ? key[cs + 1 + 2 * i] >>> 10 : key[cs + 1 + i] >>> 26;
    }

    /** Its provide port. */
    private int providePort(int[] key, int cs, int i) {
        return wide ? key[cs + 1 + 2 * i] & 1023 : (key[cs + 1 + i] >>> 16) & 1023;
    }

    /** Its user's id. */
    private int user(int[] key, int cs, int i) {
        return wide ? key[cs + 2 + 2 * i] >>> 10 : (key[cs + 1 + i] >>> 10) & 63;
    }

    /** Its use port. */
    private int usePort(int[] key, int cs, int i) {
        return wide ? key[cs + 2 + 2 * i] & 1023 : key[cs + 1 + i] & 1023;
    }

    /** Two ends of a triple in one int, in the order of the pair. */
    private int ends(int pe, int ue) {
        return wide ? pe << 16 | ue : pe << 8 | ue;
    }

    private void triple(int bundle, int[] key, int cs, int i, int pb, int ub) {
        int p = provider(key, cs, i);
        int u = user(key, cs, i);
        int pe = pb == bundle ? mark + (place[p] & 0xffff) : p;
        int ue = ub == bundle ? mark + (place[u] & 0xffff) : u;
        int t = tripleLength[bundle];
        if (t + 3 > triples[bundle].length) {
            triples[bundle] = Arrays.copyOf(triples[bundle], (t + 3) * 2);
        }
        int[] a = triples[bundle];
        a[t] = ends(pe, ue);
        a[t + 1] = providePort(key, cs, i);
        a[t + 2] = usePort(key, cs, i);
        tripleLength[bundle] = t + 3;
    }

    /** For {@link #checkForTests}: bundle {@code ids}' connections written by a pass of its own over the key's, at {@code dl}. */
    private int describeConnections(int[] ids, int[] key, int cs, int dl) {
        int count = key[cs];
        int first = dl;
        for (int i = 0; i < count; i++) {
            int p = member(ids, provider(key, cs, i));
            int u = member(ids, user(key, cs, i));
            if (p < 0 && u < 0) {
                continue;
            }
            int pe = p >= 0 ? mark + p : provider(key, cs, i);
            int ue = u >= 0 ? mark + u : user(key, cs, i);
            ensure(dl + 3);
            desc[dl++] = ends(pe, ue);
            desc[dl++] = providePort(key, cs, i);
            desc[dl++] = usePort(key, cs, i);
        }
        sortTriples(desc, first, dl);
        return dl;
    }

    private void ensure(int size) {
        if (desc.length < size) {
            desc = Arrays.copyOf(desc, Math.max(size, desc.length * 2));
        }
    }

    private static void sortTriples(int[] a, int from, int to) {
        for (int i = from + 3; i < to; i += 3) {
            int j = i;
            while (j > from && compareTriple(a, j - 3, j) > 0) {
                for (int t = 0; t < 3; t++) {
                    int v = a[j + t];
                    a[j + t] = a[j - 3 + t];
                    a[j - 3 + t] = v;
                }
                j -= 3;
            }
        }
    }

    private static int compareTriple(int[] a, int x, int y) {
        for (int t = 0; t < 3; t++) {
            int c = Integer.compare(a[x + t], a[y + t]);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /** The member index of {@code id} in bundle {@code ids}, or -1 (one lookup: this runs per connection and bundle). */
    private int member(int[] ids, int id) {
        int at = place[id];
        return at >= 0 && (at & 0xffff) < ids.length && ids[at & 0xffff] == id ? at & 0xffff : -1;
    }

    private int compare(int a, int b) {
        return Arrays.compare(desc, descStart[a], descStart[a + 1], desc, descStart[b], descStart[b + 1]);
    }
}
