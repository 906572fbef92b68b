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

    private final LoopPredicate predicate;
    private final int n;
    private final LoopPredicate.Reads[] kind;
    private final String[] instance;
    /** Per reading: the instance's index among those the program adds, or -1 when it never adds it. */
    private final int[] comp;
    /** Per reading: the place or transition (-1: the type has none of that name; it reads 0). */
    private final int[] element;
    private final int[][] places;
    private final boolean[][] placeIn;
    private final int[] flagBit;
    /** How many "started"/"ended" readings there are: the flags' bits. */
    private final int flagCount;
    final long[] values;

    private final boolean[] visibleComponent;
    private final boolean[][] visiblePlace;
    private final boolean[][] visibleTransition;

    /** The "started"/"ended" flags set so far (bit per such reading). */
    int flags;
    /** Whether moves are observed now (in the subject's program, not in one it runs after). */
    boolean active;
    /** The predicate held after some move since this was last cleared. */
    boolean seen;
    /** A replay: stop the run ({@link Halt}) as soon as the predicate holds. */
    boolean halting;
    Execution x;

    PredicateWatch(LoopPredicate predicate, List<String> names, List<CompiledType> types) {
        this.predicate = predicate;
        this.n = predicate.readings().size();
        kind = new LoopPredicate.Reads[n];
        instance = new String[n];
        comp = new int[n];
        element = new int[n];
        places = new int[n][];
        placeIn = new boolean[n][];
        flagBit = new int[n];
        values = new long[n];
        visibleComponent = new boolean[names.size()];
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
            instance[k] = r.instance();
            comp[k] = names.indexOf(r.instance());
            element[k] = -1;
            flagBit[k] = -1;
            places[k] = new int[0];
            if (comp[k] < 0) {
                continue; // never added: reads 0 in every state
            }
            CompiledType ty = types.get(comp[k]);
            switch (r.kind()) {
                case MARKED -> element[k] = indexOf(ty.places, r.element());
                case RUNNING -> element[k] = indexOf(ty.transitions, r.element());
                case STARTED, ENDED -> {
                    element[k] = indexOf(ty.transitions, r.element());
                    if (bits == 31) {
                        throw new IllegalArgumentException("at most 31 started/ended readings");
                    }
                    flagBit[k] = bits++;
                }
                case MARKED_COUNT -> {
                    places[k] = r.places().stream().mapToInt(p -> indexOf(ty.places, p)).filter(p -> p >= 0).toArray();
                    placeIn[k] = new boolean[places[k].length];
                    for (int p : places[k]) {
                        visiblePlace[comp[k]][p] = true;
                    }
                    visibleComponent[comp[k]] = true;
                }
            }
            if (element[k] >= 0) {
                visibleComponent[comp[k]] = true;
                if (r.kind() == LoopPredicate.Reads.MARKED) {
                    visiblePlace[comp[k]][element[k]] = true;
                } else {
                    visibleTransition[comp[k]][element[k]] = true;
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

    /** The readings from the execution's fields and the flags (only at a sweep or iteration boundary). */
    void load() {
        for (int k = 0; k < n; k++) {
            int id = comp[k];
            ComponentState c = id >= 0 && id < x.byId.size() ? x.byId.get(id) : null;
            if (c != null && !c.name.equals(instance[k])) {
                c = null;
            }
            long v = 0;
            if (c != null) {
                switch (kind[k]) {
                    case MARKED -> v = element[k] >= 0 && c.marked[element[k]] ? 1 : 0;
                    case RUNNING -> v = element[k] >= 0 && c.running[element[k]] ? 1 : 0;
                    case STARTED, ENDED -> v = flagBit[k] >= 0 ? (flags >>> flagBit[k]) & 1 : 0;
                    case MARKED_COUNT -> {
                        for (int j = 0; j < places[k].length; j++) {
                            placeIn[k][j] = c.marked[places[k][j]];
                            if (placeIn[k][j]) {
                                v++;
                            }
                        }
                    }
                }
            } else if (placeIn[k] != null) {
                java.util.Arrays.fill(placeIn[k], false);
            }
            values[k] = v;
        }
    }

    /** Whether the predicate holds on the readings as they are. */
    boolean holds() {
        return predicate.test().holds(values);
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
        if (comp[k] < 0) {
            return 0;
        }
        return switch (kind[k]) {
            case MARKED, RUNNING, STARTED, ENDED -> element[k] >= 0 ? 1 : 0;
            case MARKED_COUNT -> places[k].length;
        };
    }

    private long lowest(int k) {
        return flagBit[k] >= 0 && element[k] >= 0 && comp[k] >= 0 && (flags >>> flagBit[k] & 1) != 0 ? 1 : 0;
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
            if (predicate.test().holds(tried)) {
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

    /** The subject's program starts (a replay): from now on every move is observed, the state as it is first. */
    void activate() {
        active = true;
        flags = 0;
        load();
        check();
    }

    private void check() {
        if (holds()) {
            seen = true;
            if (halting) {
                throw new Halt();
            }
        }
    }

    @Override
    public void recorded(byte k, ComponentState c, int e) {
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
                    if (comp[r] != c.id) {
                        continue;
                    }
                    if (kind[r] == LoopPredicate.Reads.MARKED && element[r] == e) {
                        values[r] = in ? 1 : 0;
                        changed = true;
                    } else if (kind[r] == LoopPredicate.Reads.MARKED_COUNT) {
                        long v = 0;
                        for (int j = 0; j < places[r].length; j++) {
                            if (places[r][j] == e) {
                                placeIn[r][j] = in;
                                changed = true;
                            }
                            if (placeIn[r][j]) {
                                v++;
                            }
                        }
                        values[r] = v;
                    }
                }
            }
            case EventLog.STARTED, EventLog.ENDED -> {
                if (!visibleTransition[c.id][e]) {
                    return;
                }
                boolean start = k == EventLog.STARTED;
                for (int r = 0; r < n; r++) {
                    if (comp[r] != c.id || element[r] != e) {
                        continue;
                    }
                    if (kind[r] == LoopPredicate.Reads.RUNNING) {
                        values[r] = start ? 1 : 0;
                        changed = true;
                    } else if (kind[r] == (start ? LoopPredicate.Reads.STARTED : LoopPredicate.Reads.ENDED)) {
                        values[r] = 1;
                        flags |= 1 << flagBit[r];
                        changed = true;
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
}
