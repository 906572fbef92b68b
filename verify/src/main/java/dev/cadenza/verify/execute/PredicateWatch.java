package dev.cadenza.verify.execute;

import java.util.List;

/**
 * A {@link LoopPredicate} observed along the runs the state space explores: its readings kept up
 * to date event by event ({@link EventLog.Probe}) and its test evaluated after every single move
 * of the subject's program — not only at the states the state space stores, which lie at
 * iteration boundaries, so a predicate that holds only between two moves of one sweep is seen.
 *
 * <p>The readings follow the events, as a run's reader does (verify.property's
 * {@code ExecutorStates}): a place counts as left at its {@code PlaceLeft} event even though the
 * leave rule clears its mark at the end of the phase. At iteration and sweep boundaries the events
 * and the execution's own fields agree, so {@link #load()} reads the fields there; the
 * "started"/"ended" flags, which no field holds, are part of the state space's keys
 * ({@link LoopStateCodec}), so that two runs merged at one key also agree on them.
 *
 * <p>Visibility (what the order reductions must keep ordered): a component is visible when a
 * reading names it, a place or a transition of it when a reading names that element.
 */
final class PredicateWatch implements EventLog.Probe {

    /** Thrown by a replay that has reached where it was asked to stop (see {@link Executor#runUntilHalted}). */
    static final class Halt extends RuntimeException {
        Halt() {
            super(null, null, false, false);
        }
    }

    /** The tests observed: one per predicate, test i reading readings {@code testStart[i]} to {@code testStart[i + 1]}. */
    private final LoopPredicate.Test[] tests;
    private final int[] testStart;
    /** Per test (when there are several): its readings' values, copied before it is asked. */
    private final long[][] testValues;
    private final int n;
    private final LoopPredicate.Reads[] kind;
    /** Per reading: its instances' entries ("subs"), {@code subStart[k]} to {@code subStart[k + 1]}. */
    private final int[] subStart;
    /** Per sub: the instance's name, and its index among those the program adds (-1: never added). */
    private final String[] instance;
    private final int[] comp;
    /** Per sub: the place or transition (-1: the type has none of that name; it reads 0). */
    private final int[] element;
    private final int[][] places;
    private final boolean[][] placeIn;
    /** Per sub: its own value (the reading's is the highest of its subs'). */
    private final long[] subValue;
    /** Per reading: its flag's bit ("started"/"ended"), or -1. */
    private final int[] flagBit;
    /** How many "started"/"ended" readings there are: the flags' bits. */
    private final int flagCount;
    final long[] values;

    private final boolean[] visibleComponent;
    /** Per component: some reading of it alone reads it (a reading over several instances does not fix them). */
    private final boolean[] readAlone;
    private final boolean[][] visiblePlace;
    private final boolean[][] visibleTransition;

    /** The "started"/"ended" flags set so far (bit per such reading). */
    int flags;
    /** Whether moves are observed now (in the subject's program, not in one it runs after). */
    boolean active;
    /** The predicate held after some move since this was last cleared. */
    boolean seen;
    /** The tests that held after some move since {@link #seen} was last cleared (bit per test). */
    long seenTests;
    /** A replay: stop the run ({@link Halt}) as soon as the predicate holds (test {@link #haltOn}, or any when -1). */
    boolean halting;
    int haltOn = -1;
    /** Another predicate observed on the same moves (never halting), read where this one stops; or null. */
    PredicateWatch companion;
    Execution x;

    PredicateWatch(LoopPredicate predicate, List<String> names, List<CompiledType> types) {
        this(List.of(predicate), names, types);
    }

    /**
     * Several predicates observed at once ({@link RuntimeStateSpace#observe}): their readings side by
     * side, each with its own flags, and each test told apart ({@link #seenTests}); at most 64.
     */
    PredicateWatch(List<LoopPredicate> predicates, List<String> names, List<CompiledType> types) {
        if (predicates.isEmpty() || predicates.size() > 64) {
            throw new IllegalArgumentException("1 to 64 predicates observed at once");
        }
        tests = new LoopPredicate.Test[predicates.size()];
        testStart = new int[predicates.size() + 1];
        List<LoopPredicate.Reading> all = new java.util.ArrayList<>();
        for (int i = 0; i < tests.length; i++) {
            tests[i] = predicates.get(i).test();
            all.addAll(predicates.get(i).readings());
            testStart[i + 1] = all.size();
        }
        testValues = new long[tests.length][];
        if (tests.length > 1) {
            for (int i = 0; i < tests.length; i++) {
                testValues[i] = new long[testStart[i + 1] - testStart[i]];
            }
        }
        LoopPredicate predicate = new LoopPredicate(all, v -> false);
        this.n = predicate.readings().size();
        kind = new LoopPredicate.Reads[n];
        subStart = new int[n + 1];
        for (int k = 0; k < n; k++) {
            subStart[k + 1] = subStart[k] + predicate.readings().get(k).instances().size();
        }
        int m = subStart[n];
        instance = new String[m];
        comp = new int[m];
        element = new int[m];
        places = new int[m][];
        placeIn = new boolean[m][];
        subValue = new long[m];
        flagBit = new int[n];
        values = new long[n];
        visibleComponent = new boolean[names.size()];
        readAlone = new boolean[names.size()];
        visiblePlace = new boolean[names.size()][];
        visibleTransition = new boolean[names.size()][];
        for (int i = 0; i < names.size(); i++) {
            visiblePlace[i] = new boolean[types.get(i).places.length];
            visibleTransition[i] = new boolean[types.get(i).transitions.length];
        }
        int bits = 0;
        for (int k = 0; k < n; k++) {
            LoopPredicate.Reading r = predicate.readings().get(k);
            kind[k] = r.kind();
            flagBit[k] = -1;
            if (r.kind() == LoopPredicate.Reads.STARTED || r.kind() == LoopPredicate.Reads.ENDED) {
                if (bits == 31) {
                    throw new IllegalArgumentException("at most 31 started/ended readings");
                }
                flagBit[k] = bits++;
            }
            for (int s = subStart[k]; s < subStart[k + 1]; s++) {
                String name = r.instances().get(s - subStart[k]);
                instance[s] = name;
                comp[s] = names.indexOf(name);
                element[s] = -1;
                places[s] = new int[0];
                if (comp[s] < 0) {
                    continue; // never added: reads 0 in every state
                }
                int id = comp[s];
                CompiledType ty = types.get(id);
                switch (r.kind()) {
                    case MARKED -> element[s] = indexOf(ty.places, r.element());
                    case RUNNING, STARTED, ENDED -> element[s] = indexOf(ty.transitions, r.element());
                    case MARKED_COUNT -> {
                        places[s] = r.places().stream().mapToInt(p -> indexOf(ty.places, p)).filter(p -> p >= 0).toArray();
                        placeIn[s] = new boolean[places[s].length];
                        for (int p : places[s]) {
                            visiblePlace[id][p] = true;
                        }
                        visibleComponent[id] = true;
                        readAlone[id] |= r.instances().size() == 1;
                    }
                }
                if (element[s] >= 0) {
                    visibleComponent[id] = true;
                    readAlone[id] |= r.instances().size() == 1;
                    if (r.kind() == LoopPredicate.Reads.MARKED) {
                        visiblePlace[id][element[s]] = true;
                    } else {
                        visibleTransition[id][element[s]] = true;
                    }
                }
            }
        }
        flagCount = bits;
    }

    private static int indexOf(String[] a, String s) {
        for (int i = 0; i < a.length; i++) {
            if (a[i].equals(s)) {
                return i;
            }
        }
        return -1;
    }

    boolean visible(int component) {
        return component < visibleComponent.length && visibleComponent[component];
    }

    boolean visiblePlace(int component, int place) {
        return component < visiblePlace.length && visiblePlace[component][place];
    }

    boolean visibleTransition(int component, int transition) {
        return component < visibleTransition.length && visibleTransition[component][transition];
    }

    /**
     * Whether component {@code id} is read by a reading of it alone: the symmetry must then leave
     * its bundle in place ({@link LoopSymmetry#of}). A reading over several instances reads the
     * highest of their values, which no permutation of them changes.
     */
    boolean readAlone(int id) {
        return id < readAlone.length && readAlone[id];
    }

    /** The readings over several instances: per such reading, the ids of its instances (those added). */
    int[][] severalInstances() {
        java.util.List<int[]> out = new java.util.ArrayList<>();
        for (int k = 0; k < n; k++) {
            if (subStart[k + 1] - subStart[k] > 1) {
                out.add(java.util.Arrays.stream(comp, subStart[k], subStart[k + 1]).filter(id -> id >= 0).toArray());
            }
        }
        return out.toArray(new int[0][]);
    }

    /** The readings from the execution's fields and the flags (only at a sweep or iteration boundary). */
    void load() {
        for (int k = 0; k < n; k++) {
            long v = 0;
            for (int s = subStart[k]; s < subStart[k + 1]; s++) {
                subValue[s] = loadSub(k, s);
                v = Math.max(v, subValue[s]);
            }
            values[k] = v;
        }
    }

    private long loadSub(int k, int s) {
        int id = comp[s];
        ComponentState c = id >= 0 && id < x.byId.size() ? x.byId.get(id) : null;
        if (c != null && !c.name.equals(instance[s])) {
            c = null;
        }
        if (c == null) {
            if (placeIn[s] != null) {
                java.util.Arrays.fill(placeIn[s], false);
            }
            return 0;
        }
        long v = 0;
        switch (kind[k]) {
            case MARKED -> v = element[s] >= 0 && c.marked[element[s]] ? 1 : 0;
            case RUNNING -> v = element[s] >= 0 && c.running[element[s]] ? 1 : 0;
            case STARTED, ENDED -> v = element[s] >= 0 ? (flags >>> flagBit[k]) & 1 : 0;
            case MARKED_COUNT -> {
                for (int j = 0; j < places[s].length; j++) {
                    placeIn[s][j] = c.marked[places[s][j]];
                    if (placeIn[s][j]) {
                        v++;
                    }
                }
            }
        }
        return v;
    }

    /**
     * How many readings the sweeps of {@code mask} may change in the iteration about to run (from
     * its start, the execution holding that state), each of their components marked in
     * {@code sources}. A component may change only its own readings, and only through what its sweep
     * may act on ({@code mayPlace}, {@code mayTransition}: per component id, what LoopGraph's touched
     * analysis found, null for one not swept): a place's mark or a count changes only if one of its
     * places may be entered or left, "running" and "started" only if the transition may start or
     * end, a flag only while unset; "ended" only if the transition runs with its thread finished
     * (ended at its instant or before: threads that finish later are decided where time passes,
     * between iterations), or may start with a zero lower bound (a thread may finish at once, and a
     * sweep ends transitions after starting them). A flag counts once however many components may
     * set it (it only goes from 0 to 1); a reading over several instances otherwise counts once per
     * instance that may change it (the highest value between two moves depends on their order).
     * Why LoopGraph needs the number: with at most one, the value the predicate reads between moves
     * depends on no order of the sweeps.
     */
    int mayChange(long[] mask, boolean[][] mayPlace, boolean[][] mayTransition, long[] sources) {
        int count = 0;
        for (int k = 0; k < n; k++) {
            boolean flag = flagBit[k] >= 0;
            if (flag && (flags >>> flagBit[k] & 1) != 0) {
                continue; // set: stays set
            }
            boolean any = false;
            for (int s = subStart[k]; s < subStart[k + 1]; s++) {
                int id = comp[s];
                if (id < 0 || (mask[id >>> 6] & 1L << id) == 0 || mayPlace[id] == null) {
                    continue;
                }
                boolean may = switch (kind[k]) {
                    case MARKED -> element[s] >= 0 && mayPlace[id][element[s]];
                    case MARKED_COUNT -> anyOf(mayPlace[id], places[s]);
                    case RUNNING, STARTED -> element[s] >= 0 && mayTransition[id][element[s]];
                    case ENDED -> element[s] >= 0 && mayEnd(x.byId.get(id), element[s], mayTransition[id]);
                };
                if (may) {
                    sources[id >>> 6] |= 1L << id;
                    if (!flag) {
                        count++;
                    }
                    any = true;
                }
            }
            if (flag && any) {
                count++;
            }
        }
        return count;
    }

    private static boolean anyOf(boolean[] may, int[] places) {
        for (int p : places) {
            if (may[p]) {
                return true;
            }
        }
        return false;
    }

    private boolean mayEnd(ComponentState c, int t, boolean[] transitions) {
        if (c.running[t]) {
            return !c.abandoned[t] && c.finishAt[t] <= x.now;
        }
        return transitions[t] && c.type.minTicks[t] == 0;
    }

    /** Whether the predicate holds on the readings as they are (one of them, when several are observed). */
    boolean holds() {
        return holding() != 0;
    }

    /** The tests that hold on the readings as they are, a bit each. */
    long holding() {
        if (tests.length == 1) {
            return tests[0].holds(values) ? 1 : 0;
        }
        long out = 0;
        for (int i = 0; i < tests.length; i++) {
            System.arraycopy(values, testStart[i], testValues[i], 0, testValues[i].length);
            if (tests[i].holds(testValues[i])) {
                out |= 1L << i;
            }
        }
        return out;
    }

    /** The one test of a watch of one predicate (its tries below are about it alone). */
    private LoopPredicate.Test test() {
        if (tests.length != 1) {
            throw new IllegalStateException("asked of one predicate, but " + tests.length + " are observed");
        }
        return tests[0];
    }

    /** Past this many assignments of the readings, {@link #mayHoldAgain} does not try them and says yes. */
    private static final int MOST_TRIED = 1 << 16;
    /** Per flags value: 0 not asked yet, 1 the test may hold again, 2 it never can (flags of up to 16 bits). */
    private byte[] againByFlags;
    private long[] tried;

    /**
     * Whether the test can hold in some state to come, given the flags set now: a flag once set
     * stays set (nothing clears it in the subject's program), a flag not set may be set or not, and
     * every other reading may take any value it can have (0 or 1, a count from 0 to its places;
     * 0 for what the program never adds or the type does not have). When no such assignment of the
     * values makes the test hold, no state reachable from here does, so a search for the predicate
     * need not go on from here (a {@code sequence} once the step before the last has ended). Exact:
     * every assignment is tried; past {@link #MOST_TRIED} of them, the answer is yes.
     */
    boolean mayHoldAgain() {
        if (flagCount <= 16) {
            if (againByFlags == null) {
                againByFlags = new byte[1 << flagCount];
            }
            byte known = againByFlags[flags];
            if (known == 0) {
                known = tryEvery() ? (byte) 1 : (byte) 2;
                againByFlags[flags] = known;
            }
            return known == 1;
        }
        // more flags than a table holds: asked once per flags value met (a state's, so few)
        if (againByManyFlags == null) {
            againByManyFlags = new java.util.HashMap<>();
        }
        return againByManyFlags.computeIfAbsent(flags, f -> tryEvery());
    }

    /** {@link #mayHoldAgain}'s answers past 16 flags, by flags value. */
    private java.util.Map<Integer, Boolean> againByManyFlags;

    /** The highest value reading k may take from here (its lowest is 0, or 1 for a flag set). */
    private long highest(int k) {
        long h = 0;
        for (int s = subStart[k]; s < subStart[k + 1]; s++) {
            if (comp[s] >= 0) {
                h = Math.max(h, switch (kind[k]) {
                    case MARKED, RUNNING, STARTED, ENDED -> element[s] >= 0 ? 1 : 0;
                    case MARKED_COUNT -> places[s].length;
                });
            }
        }
        return h;
    }

    private long lowest(int k) {
        return flagBit[k] >= 0 && highest(k) > 0 && (flags >>> flagBit[k] & 1) != 0 ? 1 : 0;
    }

    private boolean tryEvery() {
        long count = 1;
        for (int k = 0; k < n; k++) {
            count *= highest(k) - lowest(k) + 1;
            if (count > MOST_TRIED) {
                return true;
            }
        }
        if (tried == null) {
            tried = new long[n];
        }
        for (int k = 0; k < n; k++) {
            tried[k] = lowest(k);
        }
        while (true) {
            if (test().holds(tried)) {
                return true;
            }
            int k = 0;
            while (k < n && tried[k] == highest(k)) {
                tried[k] = lowest(k);
                k++;
            }
            if (k == n) {
                return false;
            }
            tried[k]++;
        }
    }

    /**
     * Whether raising reading {@code k} never turns the test from true to false: for every
     * assignment of the readings' values (each from 0 to its highest, no flag set), the test holding
     * with {@code k} at v means it holds with {@code k} at v + 1. Then a reading that is at least
     * reading k's value in every state (the highest over more instances) holds wherever the
     * predicate does ({@link AlikeReadings}). Tried exactly; past {@link #MOST_TRIED} assignments the
     * answer is no.
     */
    boolean risesWith(int k) {
        long count = 1;
        for (int j = 0; j < n; j++) {
            count *= highest(j) + 1;
            if (count > MOST_TRIED) {
                return false;
            }
        }
        long[] v = new long[n];
        long top = highest(k);
        while (true) {
            if (v[k] < top && test().holds(v)) {
                v[k]++;
                boolean still = test().holds(v);
                v[k]--;
                if (!still) {
                    return false;
                }
            }
            int j = 0;
            while (j < n && v[j] == highest(j)) {
                v[j] = 0;
                j++;
            }
            if (j == n) {
                return true;
            }
            v[j]++;
        }
    }

    /** The subject's program starts (a replay): from now on every move is observed, the state as it is first. */
    void activate() {
        if (companion != null) {
            companion.activate();
        }
        active = true;
        flags = 0;
        load();
        check();
    }

    private void check() {
        long now = holding();
        if (now != 0) {
            seen = true;
            seenTests |= now;
            if (halting && (haltOn < 0 || (now >>> haltOn & 1) != 0)) {
                throw new Halt();
            }
        }
    }

    /** How many "started"/"ended" flags these readings take (at most 31 in all). */
    static int flagsOf(LoopPredicate p) {
        int f = 0;
        for (LoopPredicate.Reading r : p.readings()) {
            if (r.kind() == LoopPredicate.Reads.STARTED || r.kind() == LoopPredicate.Reads.ENDED) {
                f++;
            }
        }
        return f;
    }

    @Override
    public void recorded(byte k, ComponentState c, int e) {
        if (companion != null) {
            companion.recorded(k, c, e);
        }
        if (!active || c == null || !visible(c.id)) {
            return;
        }
        boolean changed = false;
        switch (k) {
            case EventLog.ENTERED, EventLog.LEFT -> {
                if (!visiblePlace[c.id][e]) {
                    return;
                }
                boolean in = k == EventLog.ENTERED;
                for (int r = 0; r < n; r++) {
                    if (kind[r] != LoopPredicate.Reads.MARKED && kind[r] != LoopPredicate.Reads.MARKED_COUNT) {
                        continue;
                    }
                    for (int s = subStart[r]; s < subStart[r + 1]; s++) {
                        if (comp[s] != c.id) {
                            continue;
                        }
                        if (kind[r] == LoopPredicate.Reads.MARKED && element[s] == e) {
                            subValue[s] = in ? 1 : 0;
                            rise(r);
                            changed = true;
                        } else if (kind[r] == LoopPredicate.Reads.MARKED_COUNT) {
                            long v = 0;
                            boolean mine = false;
                            for (int j = 0; j < places[s].length; j++) {
                                if (places[s][j] == e) {
                                    placeIn[s][j] = in;
                                    mine = true;
                                }
                                if (placeIn[s][j]) {
                                    v++;
                                }
                            }
                            if (mine) {
                                subValue[s] = v;
                                rise(r);
                            changed = true;
                            }
                        }
                    }
                }
            }
            case EventLog.STARTED, EventLog.ENDED -> {
                if (!visibleTransition[c.id][e]) {
                    return;
                }
                boolean start = k == EventLog.STARTED;
                for (int r = 0; r < n; r++) {
                    for (int s = subStart[r]; s < subStart[r + 1]; s++) {
                        if (comp[s] != c.id || element[s] != e) {
                            continue;
                        }
                        if (kind[r] == LoopPredicate.Reads.RUNNING) {
                            subValue[s] = start ? 1 : 0;
                            rise(r);
                            changed = true;
                        } else if (kind[r] == (start ? LoopPredicate.Reads.STARTED : LoopPredicate.Reads.ENDED)) {
                            subValue[s] = 1;
                            flags |= 1 << flagBit[r];
                            rise(r);
                            changed = true;
                        }
                    }
                }
            }
            default -> {
                return;
            }
        }
        if (changed) {
            check();
        }
    }

    /** Reading r's value again from its subs' (the highest). */
    private void rise(int r) {
        long v = 0;
        for (int s = subStart[r]; s < subStart[r + 1]; s++) {
            v = Math.max(v, subValue[s]);
        }
        values[r] = v;
    }
}
