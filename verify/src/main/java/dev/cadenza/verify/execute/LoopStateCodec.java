package dev.cadenza.verify.execute;

import java.util.Arrays;
import java.util.List;

/**
 * Writes the state of an {@link Execution} that determines its future as a flat {@code int[]}
 * key, and restores an execution from a key: the canonical state of the runtime's loop that
 * {@link RuntimeStateSpace} stores and compares.
 *
 * <p>What the key holds, and why nothing else is needed: the program counter and whether its
 * instruction is blocked; the thread-race flags carried from one iteration to the next
 * ({@code forceNotice}, {@code forceAll}); per instance added so far, everything the rules read
 * (marked, visited places, active docks, running transitions, the behavior and its queue, group
 * token counts, ports' {@code nb_users} and refusing flags, whether it is initialized, deleted,
 * active); the connections, as a sorted set (the rules only ask "some connection active / locked",
 * so their order in a port's list does not matter); and per running thread its time relative to
 * now: "finishes now" (its end is decided: only whether it is noticed is open), "finished
 * before now" (during the last iteration's step, when steps cost time: noticed by the next end
 * phase, whatever the instant) or how long it has run, in units of the state space's grid — capped at its minimum when its interval has no
 * maximum (from then on every future is the same). The absolute clock, the iteration count and
 * the events' causes are left out: no rule reads them (causes only explain a run). The active set
 * is written as a flag per instance: its order in the runtime's list only feeds the orders a
 * policy chooses, and the state space tries them all.
 */
final class LoopStateCodec {

    /** Kinds of states: the next iteration is to be run, or time is to pass (the last one moved nothing). */
    static final int ITERATE = 0;
    static final int WAIT = 1;

    private final Execution x;
    private final long unit;
    private final List<String> names;
    private final List<CompiledType> types;
    private final ComponentState[] pool;
    private int[] buf = new int[256];
    private int len;
    /** The connections of the key being written (no boxing: this runs once per state reached). */
    private int[] connections = new int[64];
    /** The same when a connection is written as two ints ({@link #wideConnections}): each code a long. */
    private long[] wideCodes = new long[64];
    private int connectionCount;
    /** Where each instance's part of the last key written starts; at [n], its connections' count. */
    private final int[] partStart;
    private int parts;
    /** The predicate observed, whose "started"/"ended" flags end every key (null: none). */
    PredicateWatch watch;

    /**
     * The width of the set of components left to sweep in a mid-iteration key, in 64-bit words, each
     * written as two ints (high, low) from {@link #REMAINING} on: one word per 64 instances the
     * executor ever adds, fixed for the whole exploration, so that every key of it has the same
     * header. With at most 64 instances it is one word, the header of before (five ints).
     */
    final int words;
    /**
     * Whether a connection is written as two ints, {@code provider.id << 10 | providePort} then
     * {@code user.id << 10 | usePort} (more than 64 instances: ids need more than 6 bits), or as one,
     * {@code provider.id << 26 | providePort << 16 | user.id << 10 | usePort} (ids of 6 bits, ports
     * of 10). Either way the codes are sorted as numbers, a total order, so the set is canonical.
     */
    final boolean wideConnections;
    /** Where the part numbers start in a compact key: after the header and the set to sweep. */
    private final int slots;

    /** Where a mid-iteration key's set of components left to sweep starts (after the flags, pc, instance count). */
    static final int REMAINING = 3;
    /** The most instances a key can name: ids of 21 bits in a wide connection, and far beyond what is explored. */
    static final int MAX_INSTANCES = 1 << 20;

    LoopStateCodec(Execution x, long unit, List<String> names, List<CompiledType> types) {
        if (names.size() > MAX_INSTANCES) {
            throw new IllegalArgumentException(names.size() + " instances: a key names at most " + MAX_INSTANCES);
        }
        this.x = x;
        this.unit = unit;
        this.names = names;
        this.types = types;
        this.pool = new ComponentState[names.size()];
        this.words = maskWords(names.size());
        this.wideConnections = wideConnections(names.size());
        this.slots = REMAINING + 2 * words;
        this.partStart = new int[names.size() + 1];
        this.readStart = new int[names.size() + 1];
        this.swept = new long[words];
    }

    /** Whether keys of an exploration of {@code instances} instances write a connection as two ints (more than 64). */
    static boolean wideConnections(int instances) {
        return instances > 64 || wideForTests;
    }

    /** The 64-bit words of the set of components left to sweep for {@code instances} instances (at least one). */
    static int maskWords(int instances) {
        return Math.max(wideForTests ? 2 : 1, (instances + 63) >>> 6);
    }

    /**
     * For tests: keys written wide whatever the number of instances (two words of the set to sweep,
     * two ints per connection), to compare with the narrow ones on the same models.
     */
    static boolean wideForTests;

    // ---- the header ---------------------------------------------------------------------------------

    static int phase(int[] key) {
        return key[0] & 1;
    }

    static int kind(int[] key) {
        return (key[0] >>> 1) & 1;
    }

    static boolean mid(int[] key) {
        return ((key[0] >>> 5) & 1) != 0;
    }

    /** A state inside an iteration written compactly: only the parts of the instances swept so far ({@link #beginIteration}). */
    static boolean compact(int[] key) {
        return ((key[0] >>> 8) & 1) != 0;
    }

    static boolean changed(int[] key) {
        return ((key[0] >>> 6) & 1) != 0;
    }

    static boolean deferredFlag(int[] key) {
        return ((key[0] >>> 7) & 1) != 0;
    }

    /**
     * Word {@code w} of the components still to sweep in the running iteration (a mid-iteration key):
     * ids {@code 64w} to {@code 64w + 63}, bit {@code id & 63}.
     */
    static long remaining(int[] key, int w) {
        return ((long) key[REMAINING + 2 * w] << 32) | (key[REMAINING + 2 * w + 1] & 0xffffffffL);
    }

    /** Whether no component is left to sweep in the running iteration (a mid-iteration key of {@link #words}). */
    boolean noneRemaining(int[] key) {
        for (int i = REMAINING, end = REMAINING + 2 * words; i < end; i++) {
            if (key[i] != 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Takes {@code id} out of a mid-iteration key's set to sweep, in place: its bit is in the low int
     * of its word when {@code id & 32} is 0, in the high one otherwise (the int at
     * {@code REMAINING + ((id >>> 5) ^ 1)}, whatever the width).
     */
    static void unmark(int[] key, int id) {
        key[REMAINING + ((id >>> 5) ^ 1)] &= ~(1 << id);
    }

    /** The set to sweep of a mid-iteration key without {@code id}, as words (for {@link #encodeMid}). */
    long[] remainingWithout(int[] key, int id) {
        long[] out = new long[words];
        for (int w = 0; w < words; w++) {
            out[w] = remaining(key, w);
        }
        out[id >>> 6] &= ~(1L << id);
        return out;
    }

    // ---- writing ------------------------------------------------------------------------------------

    int[] buffer() {
        return buf;
    }

    int length() {
        return len;
    }

    /** The key of the execution's state at an iteration boundary, into {@link #buffer()}; its length. */
    int encode(int phase, int kind) {
        return encode(phase, kind, false, null, false, false);
    }

    /**
     * The key of a state inside an iteration: also the components left to sweep ({@link #words}
     * words, bit {@code id & 63} of word {@code id >>> 6}) and whether something moved.
     */
    int encodeMid(int phase, long[] remaining, boolean changed, boolean deferred) {
        return encode(phase, ITERATE, true, remaining, changed, deferred);
    }

    private int encode(int phase, int kind, boolean mid, long[] remaining, boolean changed, boolean deferred) {
        len = 0;
        put(phase | kind << 1 | (x.blocked ? 1 : 0) << 2 | (x.forceNotice ? 1 : 0) << 3 | (x.forceAll ? 1 : 0) << 4
                | (mid ? 1 : 0) << 5 | (changed ? 1 : 0) << 6 | (deferred ? 1 : 0) << 7);
        put(x.pc);
        put(x.byId.size());
        if (mid) {
            for (int w = 0; w < words; w++) {
                put((int) (remaining[w] >>> 32));
                put((int) remaining[w]);
            }
        }
        connectionCount = 0;
        parts = 0;
        for (int i = 0, n = x.byId.size(); i < n; i++) {
            ComponentState c = x.byId.get(i);
            partStart[parts++] = len;
            putComponent(c);
            for (int p = 0; p < c.connections.size(); p++) {
                if (!c.type.roles[p].isUse()) {
                    List<Connection> l = c.connections.get(p);
                    for (int j = 0; j < l.size(); j++) {
                        Connection k = l.get(j);
                        if (wideConnections) {
                            addWide(k);
                            continue;
                        }
                        if (connectionCount == connections.length) {
                            connections = Arrays.copyOf(connections, connectionCount * 2);
                        }
                        connections[connectionCount++] = k.provider.id << 26 | k.providePort << 16 | k.user.id << 10 | k.usePort;
                    }
                }
            }
        }
        partStart[parts] = len;
        put(connectionCount);
        if (wideConnections) {
            Arrays.sort(wideCodes, 0, connectionCount);
            for (int i = 0; i < connectionCount; i++) {
                put((int) (wideCodes[i] >>> 32));
                put((int) wideCodes[i]);
            }
        } else {
            Arrays.sort(connections, 0, connectionCount);
            for (int i = 0; i < connectionCount; i++) {
                put(connections[i]);
            }
        }
        if (watch != null) {
            // flags no field of the execution holds, which the predicate reads: two runs merged at one key
            // must agree on them (each is set once, so they add at most a factor 2 per flag)
            put(watch.flags);
        }
        return len;
    }

    /**
     * A connection's wide code ({@link #wideConnections}): its provider end in the high int, its user
     * end in the low one, each {@code id << 10 | port} (non-negative, so the longs sort as the pairs).
     */
    static long wideCode(Connection k) {
        return (long) (k.provider.id << 10 | k.providePort) << 32 | (k.user.id << 10 | k.usePort);
    }

    private void addWide(Connection k) {
        if (connectionCount == wideCodes.length) {
            wideCodes = Arrays.copyOf(wideCodes, connectionCount * 2);
        }
        wideCodes[connectionCount++] = wideCode(k);
    }

    /** The ints a connection takes in a key: 1, or 2 when {@link #wideConnections}. */
    int connectionInts() {
        return wideConnections ? 2 : 1;
    }

    /** Where each instance's part of the last key read starts; at [n], its connections' count. */
    private final int[] readStart;

    /**
     * The key of the state after a sweep of {@code c} from the mid-iteration key {@code mid} (the
     * last key read): the same as {@link #encodeMid}, written from {@code mid} with only what a sweep
     * with the order reductions on may change — the loop's flags, {@code c}'s own part and the
     * predicate's flags (a sweep writes nothing of another instance, and connections change only in
     * the program phase: {@link LoopGraph}'s grouping rests on the same facts).
     */
    int encodeSwept(int[] mid, ComponentState c, boolean changed, boolean deferred) {
        if (compact(mid)) {
            return encodeSweptCompact(mid, c, changed, deferred);
        }
        len = 0;
        put((mid[0] & 1) | ITERATE << 1 | (x.blocked ? 1 : 0) << 2 | (x.forceNotice ? 1 : 0) << 3
                | (x.forceAll ? 1 : 0) << 4 | 1 << 5 | (changed ? 1 : 0) << 6 | (deferred ? 1 : 0) << 7);
        put(x.pc);
        put(x.byId.size());
        copy(mid, REMAINING, 2 * words);
        unmark(buf, c.id);
        int s = readStart[c.id];
        int e = readStart[c.id + 1];
        copy(mid, len, s - len);
        putComponent(c);
        copy(mid, e, mid.length - e - (watch != null ? 1 : 0));
        if (watch != null) {
            put(watch.flags);
        }
        return len;
    }

    private void copy(int[] from, int at, int count) {
        if (len + count > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(len + count, buf.length * 2));
        }
        System.arraycopy(from, at, buf, len, count);
        len += count;
    }

    /** Where instance {@code k}'s part of the last key written starts; at {@code k = n}, the connections' count. */
    int partStart(int k) {
        return partStart[k];
    }

    private static int words(int bits) {
        return (bits + 31) >>> 5;
    }

    /** One instance's part of a key: its own fields (the sweep of a component changes nothing else). */
    private void putComponent(ComponentState c) {
        put((c.deleted ? 1 : 0) | (c.inActive ? 1 : 0) << 1 | (c.initialized ? 1 : 0) << 2
                | (c.initRunning ? 1 : 0) << 3 | (c.initDock ? 1 : 0) << 4 | (c.behavior + 2) << 8);
        put(c.queue.size());
        for (int i = 0; i < c.queue.size(); i++) {
            put(c.queue.get(i));
        }
        bits(c.marked);
        bits(c.visited);
        bits(c.odock);
        bits(c.idock);
        bits(c.running);
        bits(c.refusing);
        CompiledType ty = c.type;
        for (int t = 0; t < c.running.length; t++) {
            if (c.running[t]) {
                if (c.finishAt[t] == x.now) {
                    put(1);
                } else if (c.finishAt[t] < x.now) {
                    // finished during the last step, before this instant: the next end phase notices it
                    put(3);
                } else {
                    long ran = x.now - c.startedAt[t];
                    if (ran % unit != 0) {
                        throw new IllegalStateException("a thread ran " + ran + " ticks, off the grid of " + unit);
                    }
                    long e = ran / unit;
                    if (ty.maxTicks[t] < 0) {
                        e = Math.min(e, ty.minTicks[t] / unit);
                    }
                    put((int) (e << 1));
                }
            }
        }
        for (int g : c.groupTokens) {
            put(g);
        }
        for (int n : c.nbUsers) {
            put(n);
        }
    }

    /** A component's own part of the state, to restore it alone between runs of its sweep. */
    int[] saveComponent(ComponentState c) {
        if (baseValid && !anySwept && heldKey != null) {
            // the execution holds a compact key: c's part is numbered already, nothing to copy
            savedPart = heldKey[slots + c.id];
            return NUMBERED;
        }
        len = 0;
        putComponent(c);
        return Arrays.copyOf(buf, len);
    }

    /** What {@link #saveComponent} returns when the part saved is {@link #savedPart}, a numbered one. */
    private static final int[] NUMBERED = new int[0];
    private int savedPart;

    /** Restores a component saved by {@link #saveComponent} (the rest of the execution is left as it is). */
    void restoreComponent(ComponentState c, int[] saved) {
        if (saved == NUMBERED) {
            in = numbered.pageOf(savedPart);
            at = numbered.offsetOf(savedPart);
        } else {
            in = saved;
            at = 0;
        }
        getComponent(c);
    }

    private void put(int v) {
        if (len == buf.length) {
            buf = Arrays.copyOf(buf, len * 2);
        }
        buf[len++] = v;
    }

    private void bits(boolean[] a) {
        for (int w = 0; w < a.length; w += 32) {
            int word = 0;
            for (int i = w; i < Math.min(a.length, w + 32); i++) {
                if (a[i]) {
                    word |= 1 << (i - w);
                }
            }
            put(word);
        }
    }

    // ---- reading ------------------------------------------------------------------------------------

    private int[] in;
    private int at;

    /**
     * Restores the execution to the state of {@code key}, with the clock at 0: a thread that has
     * run e units started at -e·unit; one that finishes now finishes at 0 (one that finished before now,
     * at -unit); one whose end is open
     * finishes at {@link Long#MAX_VALUE} until the state space decides it.
     */
    void decode(int[] key) {
        // whatever the caller does next (a program phase, an iteration's end, time passing) is not
        // tracked: a compact key needs a new iteration's base
        baseValid = false;
        decodeFully(key);
    }

    /** Reads {@code key}'s header into the execution (the loop's flags, the program counter); returns its first word. */
    private int readHeader(int[] key) {
        in = key;
        at = 0;
        int h = get();
        x.blocked = ((h >>> 2) & 1) != 0;
        x.forceNotice = ((h >>> 3) & 1) != 0;
        x.forceAll = ((h >>> 4) & 1) != 0;
        x.pc = get();
        return h;
    }

    private void decodeFully(int[] key) {
        if (compact(key)) {
            throw new IllegalStateException("a compact key is only resumed inside its iteration: " + Arrays.toString(key));
        }
        int h = readHeader(key);
        int n = get();
        if (((h >>> 5) & 1) != 0) {
            at += 2 * words;
        }
        x.now = 0;
        x.stopped = null;
        x.stopping = null;
        x.programEnded = false;
        x.deferred = false;
        x.dirty = false;
        boolean rebuilt = x.byId.size() != n;
        if (rebuilt) {
            x.byId.clear();
            x.byName.clear();
            for (int k = 0; k < n; k++) {
                ComponentState c = instance(k);
                x.byId.add(c);
                x.byName.put(c.name, c);
            }
        }
        x.active.clear();
        for (int k = 0; k < n; k++) {
            ComponentState c = x.byId.get(k);
            readStart[k] = at;
            getComponent(c);
            if (c.inActive) {
                x.active.add(c);
            }
        }
        readStart[n] = at;
        int cs = get();
        if (!rebuilt && sameConnections(cs)) {
            // the connections the execution holds are the key's already (most states of an iteration
            // share them: only the program changes them): kept, no object made
            at += cs * connectionInts();
        } else {
            for (int k = 0; k < n; k++) {
                for (List<Connection> l : x.byId.get(k).connections) {
                    l.clear();
                }
            }
            for (ComponentState c : pool) {
                if (c != null) {
                    for (List<Connection> l : c.connections) {
                        l.clear();
                    }
                }
            }
            for (int i = 0; i < cs; i++) {
                Connection con;
                if (wideConnections) {
                    int pe = get();
                    int ue = get();
                    con = new Connection(x.byId.get(pe >>> 10), pe & 1023, x.byId.get(ue >>> 10), ue & 1023, -1);
                } else {
                    int k = get();
                    con = new Connection(x.byId.get(k >>> 26), (k >>> 16) & 1023, x.byId.get((k >>> 10) & 63), k & 1023, -1);
                }
                con.provider.connections.get(con.providePort).add(con);
                con.user.connections.get(con.usePort).add(con);
            }
        }
        if (watch != null) {
            watch.flags = get();
        }
    }

    /**
     * Whether the connections the execution holds now are exactly the {@code cs} written at
     * {@link #at} in the key being read (compared as the sorted codes {@link #encode} writes;
     * the instances were just restored, so a connection's ends are the key's instances).
     */
    private boolean sameConnections(int cs) {
        connectionCount = 0;
        for (int i = 0, n = x.byId.size(); i < n; i++) {
            ComponentState c = x.byId.get(i);
            for (int p = 0; p < c.connections.size(); p++) {
                if (!c.type.roles[p].isUse()) {
                    List<Connection> l = c.connections.get(p);
                    for (int j = 0; j < l.size(); j++) {
                        Connection k = l.get(j);
                        if (connectionCount == cs || k.user.id >= n || x.byId.get(k.user.id) != k.user) {
                            return false;
                        }
                        if (wideConnections) {
                            addWide(k);
                            continue;
                        }
                        if (connectionCount == connections.length) {
                            connections = Arrays.copyOf(connections, connectionCount * 2);
                        }
                        connections[connectionCount++] = k.provider.id << 26 | k.providePort << 16 | k.user.id << 10 | k.usePort;
                    }
                }
            }
        }
        if (connectionCount != cs) {
            return false;
        }
        if (wideConnections) {
            Arrays.sort(wideCodes, 0, cs);
            for (int i = 0; i < cs; i++) {
                if ((int) (wideCodes[i] >>> 32) != in[at + 2 * i] || (int) wideCodes[i] != in[at + 2 * i + 1]) {
                    return false;
                }
            }
            return true;
        }
        Arrays.sort(connections, 0, connectionCount);
        return Arrays.equals(connections, 0, cs, in, at, at + cs);
    }

    // ---- restoring inside an iteration ------------------------------------------------------------

    /**
     * Whether the states inside an iteration are written compactly and restored incrementally
     * ({@link #beginIteration}; set with the order reductions only: without them nothing is assumed
     * of what a sweep writes, and every state is written and decoded whole).
     */
    boolean incremental;
    /** For tests: every compact resume and boundary key copied is also done whole and compared (throws on a difference). */
    static boolean checkForTests = Boolean.getBoolean("cadenza.codec.check");
    /** Resumes that restored whole states, and those that restored only what differed (for tests and probes). */
    long fullResumes;
    long partialResumes;

    /**
     * The instances the caller swept (or may have changed otherwise) since the held compact key was
     * restored (bit {@code id & 63} of word {@code id >>> 6}), and whether there is any.
     */
    private final long[] swept;
    private boolean anySwept;

    private void clearSwept() {
        if (anySwept) {
            Arrays.fill(swept, 0);
            anySwept = false;
        }
    }

    /**
     * Instance {@code c} is about to be swept: from now on its state is not the held key's. A sweep
     * writes its own instance's fields and the loop's flags, nothing of another instance: it reads
     * the far ends of its connections only ({@link LoopGraph}'s grouping and {@link #encodeSwept}
     * rest on the same fact, and {@link #checkForTests} holds every resume to it).
     */
    void sweeping(ComponentState c) {
        swept[c.id >>> 6] |= 1L << c.id;
        anySwept = true;
    }

    /**
     * Restores the execution to the state of {@code key}, as {@link #decode} does, for the states
     * inside an iteration ({@link LoopGraph}'s sweeps). A compact key ({@link #beginIteration})
     * restores only the instances whose part number differs from the held key's, or that were
     * swept since, and the loop's fields (the header, the active set, the predicate's flags) whole.
     * What is left as it is equals what a decode would write: the part is the same ints, and
     * {@link #getComponent} writes a component's fields from its part alone (its threads' times
     * relative to the clock, which every restore puts at 0). A whole key (without the reductions,
     * or with the incremental decode off for tests) is decoded whole. After it the caller may only
     * sweep ({@link #sweeping}), end the iteration and pass its step ({@link LoopGraph}'s leaf: these
     * write the loop's fields, the active list and threads' finishing instants, and put the latter
     * back), or call {@link #decode}.
     */
    void resume(int[] key) {
        if (compact(key)) {
            resumeCompact(key);
        } else {
            fullResumes++;
            decodeFully(key);
        }
    }

    // ---- inside an iteration, compactly: one number per instance's part -----------------------------

    /*
     * Why a compact key names a state inside an iteration exactly. Inside an iteration the
     * instances and connections stay as they are (only the program phase changes them) and a sweep
     * changes its own instance's part and the loop's flags alone (the facts encodeSwept and the
     * incremental decode rest on; checkForTests holds every compact resume and boundary key to
     * them). So the whole key of a state of the iteration is its header, its instances' parts and
     * the iteration's connections. The parts met in the iteration are numbered as they come
     * (interned: equal ints, equal number), and the compact key is the header, each instance's part
     * number, and the predicate's flags: two states of one iteration have equal whole keys if and
     * only if they have equal compact keys. The per-iteration memo is cleared with each iteration,
     * so compact keys of two iterations are never compared (the numbering is the exploration's, so
     * a number means the same part in every iteration: sweepReads rests on that). Hashing,
     * comparing and copying a state then cost one int per instance, not its whole part (galera
     * n = 8: 49 instances, keys of ~600 ints), and restoring it, the instances whose number changed.
     */

    /**
     * The parts met in the exploration, numbered in order. Never cleared: a part's number names
     * the same ints in every iteration, which {@link #sweepReads} needs to recognise a sweep met
     * before (galera n = 8: about 0.6 MB of parts for 61,827 states).
     */
    private final LoopStateStore numbered = new LoopStateStore();
    /** The running iteration's first state written whole (for its connections; and its length). */
    private int[] base = new int[256];
    private int baseLength;
    private int baseConnections;
    private boolean baseValid;
    /** The compact key the execution holds: every instance not in {@link #swept} holds its numbered part. */
    private int[] heldKey;

    /**
     * The iteration's first state was just written whole by {@link #encodeMid} ({@code len} ints)
     * from the execution, which holds it: it becomes the base, its parts are numbered, and its
     * compact key is written into {@link #buffer()}; its length.
     */
    int beginIteration(int len) {
        if (base.length < len) {
            base = new int[Math.max(len, base.length * 2)];
        }
        System.arraycopy(buf, 0, base, 0, len);
        baseLength = len;
        int n = base[2];
        baseConnections = partStart[n];
        int w = watch != null ? 1 : 0;
        this.len = 0;
        put(base[0] | 1 << 8);
        for (int i = 1; i < slots; i++) {
            put(base[i]);
        }
        for (int k = 0; k < n; k++) {
            put(number(base, partStart[k], partStart[k + 1] - partStart[k]));
        }
        if (w == 1) {
            put(base[baseLength - 1]);
        }
        heldKey = Arrays.copyOf(buf, this.len);
        baseValid = true;
        clearSwept();
        return this.len;
    }

    /**
     * Bytes that numbering one more part could allocate (0 when nothing grows): a part is at most a
     * few dozen ints, 1,024 is taken as its bound for the memory check.
     */
    long partsGrowthBytes() {
        return baseValid ? numbered.growthBytes(1024) : 0;
    }

    /** The number of the part {@code from[at..at+length)}, numbered now if new. */
    private int number(int[] from, int at, int length) {
        if (at != 0) {
            System.arraycopy(from, at, scratch(length), 0, length);
            from = scratch;
        }
        int id = numbered.add(from, length);
        return id >= 0 ? id : -(id + 1);
    }

    private int[] scratch = new int[64];

    /**
     * Everything a sweep of {@code c} reads in the compact state {@code mid}, written into a buffer
     * of its own (valid until the next call); its length is {@link #sweepReadsLength()}: {@code c}'s
     * id, the thread-race flags ({@code forceNotice}, {@code forceAll}), {@code c}'s part number,
     * and per connection of each of its ports, in the lists' order, the port, the far instance and
     * port, and what the rules read there: the far port's user count ({@code active}, {@code
     * locked}) and refusing flag (Concerto-D's {@code allowed}). Nothing else of another instance
     * is read by a sweep (see {@link LoopGraph}'s grouping), and nothing of the program; the
     * absolute clock is not read, a thread's time is in its own part. So two states with equal reads
     * of {@code c}, in any iterations, give {@code c}'s sweep the same outcomes, and an outcome
     * that changed nothing in one changes nothing in the other ({@link LoopGraph#sweepFrom}).
     * Numbers are the exploration's ({@link #numbered} is never cleared). With {@code w}, the
     * observed predicate, which reads {@code c}: also whether it observes, its flags and its
     * readings, as loaded from the state {@code mid} the execution holds (what it makes of the
     * sweep's moves reads them, and nothing else: {@link PredicateWatch#recorded}).
     */
    int[] sweepReads(int[] mid, ComponentState c, PredicateWatch w) {
        int n = 0;
        int[] r = reads;
        r[n++] = c.id;
        r[n++] = (mid[0] >>> 3) & 3;
        r[n++] = mid[slots + c.id];
        for (int p = 0; p < c.connections.size(); p++) {
            List<Connection> l = c.connections.get(p);
            for (int j = 0; j < l.size(); j++) {
                Connection k = l.get(j);
                boolean provider = k.provider == c && k.providePort == p;
                ComponentState d = provider ? k.user : k.provider;
                int q = provider ? k.usePort : k.providePort;
                if (n + 5 > r.length) {
                    r = reads = Arrays.copyOf(r, r.length * 2);
                }
                int part = mid[slots + d.id];
                int[] page = numbered.pageOf(part);
                int at = numbered.offsetOf(part);
                CompiledType ty = d.type;
                r[n++] = p;
                r[n++] = d.id;
                r[n++] = q;
                // the part's layout (putComponent): its last ints are the ports' user counts; the
                // refusing bits follow the queue and the places', docks' and threads' bit words
                r[n++] = page[at + numbered.lengthOf(part) - ty.ports.length + q];
                int refusing = at + 2 + page[at + 1] + 2 * ((ty.places.length + 31) >>> 5)
                        + 3 * ((ty.transitions.length + 31) >>> 5) + (q >>> 5);
                r[n++] = (page[refusing] >>> (q & 31)) & 1;
            }
        }
        if (w != null) {
            if (n + 2 + w.values.length > r.length) {
                r = reads = Arrays.copyOf(r, n + 2 + w.values.length);
            }
            r[n++] = w.active ? 1 : 0;
            r[n++] = w.flags;
            for (long v : w.values) {
                r[n++] = (int) v;
            }
        }
        readsLength = n;
        return r;
    }

    /**
     * The compact key a sweep of instance {@code id} reaches from compact {@code mid} when it wrote
     * {@code part} as the instance's part and set the loop's flags {@code flags} (1: moved, 2:
     * deferred), taken out of the set to sweep: what {@link #encodeSweptCompact} writes, since a
     * sweep writes neither the program's fields, nor the race flags, nor another instance, nor the
     * predicate's flags when the predicate reads nothing of it.
     */
    int[] swept(int[] mid, int id, int part, int flags) {
        int[] child = mid.clone();
        child[0] |= (flags & 3) << 6;
        unmark(child, id);
        child[slots + id] = part;
        return child;
    }

    /** The part number of instance {@code id} in compact key {@code key}. */
    int partOf(int[] key, int id) {
        return key[slots + id];
    }

    /** Sets the part number of instance {@code id} in compact key {@code key}. */
    void setPartOf(int[] key, int id, int part) {
        key[slots + id] = part;
    }

    /** Whether {@code id} is left to sweep in mid-iteration key {@code key}. */
    static boolean left(int[] key, int id) {
        return (key[REMAINING + ((id >>> 5) ^ 1)] & 1 << id) != 0;
    }

    /** Sets whether {@code id} is left to sweep in mid-iteration key {@code key}. */
    static void setLeft(int[] key, int id, boolean left) {
        if (left) {
            key[REMAINING + ((id >>> 5) ^ 1)] |= 1 << id;
        } else {
            unmark(key, id);
        }
    }

    int sweepReadsLength() {
        return readsLength;
    }

    /**
     * For {@link #checkForTests}: whether {@code r}, the reads of {@code c} written by
     * {@link #sweepReads}, are the execution's, which holds the state they were read from.
     */
    boolean readsHeld(int[] r, int length, ComponentState c, int context, PredicateWatch w) {
        int n = 3;
        if (r[0] != c.id || r[1] != ((x.forceNotice ? 1 : 0) | (x.forceAll ? 2 : 0) | context << 2)) {
            return false;
        }
        for (int p = 0; p < c.connections.size(); p++) {
            for (Connection k : c.connections.get(p)) {
                boolean provider = k.provider == c && k.providePort == p;
                ComponentState d = provider ? k.user : k.provider;
                int q = provider ? k.usePort : k.providePort;
                if (n + 5 > length || r[n] != p || r[n + 1] != d.id || r[n + 2] != q
                        || r[n + 3] != d.nbUsers[q] || r[n + 4] != (d.refusing[q] ? 1 : 0)) {
                    return false;
                }
                n += 5;
            }
        }
        if (w != null) {
            w.load();
            if (n + 2 + w.values.length != length || r[n++] != (w.active ? 1 : 0) || r[n++] != w.flags) {
                return false;
            }
            for (long v : w.values) {
                if (r[n++] != v) {
                    return false;
                }
            }
        }
        return n == length;
    }

    private int[] reads = new int[64];
    private int readsLength;

    // ---- boundary states, stored compactly: one number per instance's part ---------------------------

    /*
     * Why a stored boundary key can be its parts' numbers. A boundary key is its header (the loop's
     * flags, the program counter, the number of instances), each instance's part in instance order,
     * the connections, and the predicate's flags. An instance's type is fixed by its index (the
     * executor adds each name with one type), so where each part ends is read from the key itself
     * (partLength). With the parts numbered (equal ints, equal number: the exploration's numbering)
     * and the connections' block numbered the same way, the compact key — the header, one number per
     * part, the connections' number, the predicate's flags — is equal to another if and only if the
     * whole keys are, and expands back to its whole key. At galera n = 8 a whole key is some 600 ints
     * and its compact key about 55; the parts and connection blocks are shared by many states.
     */

    /** Boundary keys are stored compactly (with the reductions and the incremental decode; for tests, off with it). */
    boolean compactStates;
    /** The connection blocks met (each a boundary key's tail after its parts, without the predicate's flags). */
    private final LoopStateStore connectionSets = new LoopStateStore();
    private int[] compactBuf = new int[64];
    /** Per instance, the number of its part in the last boundary key compacted (-1: none). */
    private int[] lastPart = new int[0];
    /** The number of the connections of the last boundary key compacted (-1: none). */
    private int lastConnections = -1;

    /** Bytes that compacting a boundary key of {@code len} ints could allocate (its parts and connections new). */
    long boundaryGrowthBytes(int len) {
        return numbered.growthBytes(len) + connectionSets.growthBytes(len);
    }

    /** The compact form of boundary key {@code whole[0..len)}, into {@link #compactBuffer()}; its length. */
    int compactBoundary(int[] whole, int len) {
        int n = whole[2];
        int out = n + 4 + (watch != null ? 1 : 0);
        if (compactBuf.length < out) {
            compactBuf = new int[Math.max(out, compactBuf.length * 2)];
        }
        int[] c = compactBuf;
        c[0] = whole[0] | 1 << 9;
        c[1] = whole[1];
        c[2] = n;
        if (lastPart.length < n) {
            lastPart = Arrays.copyOf(lastPart, Math.max(n, lastPart.length * 2));
            Arrays.fill(lastPart, -1);
        }
        int at = 3;
        for (int k = 0; k < n; k++) {
            int l = partLength(whole, at, types.get(k));
            // most parts are the ones the instance had in the last key compacted: compared, not hashed
            int last = lastPart[k];
            if (last >= 0 && numbered.lengthOf(last) == l) {
                int o = numbered.offsetOf(last);
                if (Arrays.equals(numbered.pageOf(last), o, o + l, whole, at, at + l)) {
                    c[3 + k] = last;
                    at += l;
                    continue;
                }
            }
            c[3 + k] = lastPart[k] = number(whole, at, l);
            at += l;
        }
        int end = len - (watch != null ? 1 : 0);
        int o = lastConnections < 0 ? 0 : connectionSets.offsetOf(lastConnections);
        if (lastConnections < 0 || connectionSets.lengthOf(lastConnections) != end - at
                || !Arrays.equals(connectionSets.pageOf(lastConnections), o, o + end - at, whole, at, end)) {
            System.arraycopy(whole, at, scratch(end - at), 0, end - at);
            int id = connectionSets.add(scratch, end - at);
            lastConnections = id >= 0 ? id : -(id + 1);
        }
        c[3 + n] = lastConnections;
        if (watch != null) {
            c[4 + n] = whole[len - 1];
        }
        return out;
    }

    int[] compactBuffer() {
        return compactBuf;
    }

    /** The whole boundary key of a compact one ({@link #compactBoundary}); a whole key as it is. */
    int[] expandBoundary(int[] key) {
        if (((key[0] >>> 9) & 1) == 0) {
            return key;
        }
        int n = key[2];
        int length = 3 + connectionSets.lengthOf(key[3 + n]) + (watch != null ? 1 : 0);
        for (int k = 0; k < n; k++) {
            length += numbered.lengthOf(key[3 + k]);
        }
        int[] whole = new int[length];
        whole[0] = key[0] & ~(1 << 9);
        whole[1] = key[1];
        whole[2] = n;
        int at = 3;
        for (int k = 0; k < n; k++) {
            int id = key[3 + k];
            int l = numbered.lengthOf(id);
            System.arraycopy(numbered.pageOf(id), numbered.offsetOf(id), whole, at, l);
            at += l;
        }
        int cs = key[3 + n];
        int l = connectionSets.lengthOf(cs);
        System.arraycopy(connectionSets.pageOf(cs), connectionSets.offsetOf(cs), whole, at, l);
        if (watch != null) {
            whole[length - 1] = key[4 + n];
        }
        return whole;
    }

    /** The length of the part of an instance of type {@code ty} starting at {@code key[at]} (its layout: putComponent). */
    private static int partLength(int[] key, int at, CompiledType ty) {
        int wp = (ty.places.length + 31) >>> 5;
        int wt = (ty.transitions.length + 31) >>> 5;
        int running = at + 2 + key[at + 1] + 2 * wp + 2 * wt;
        int threads = 0;
        for (int w = 0; w < wt; w++) {
            threads += Integer.bitCount(key[running + w]);
        }
        return 2 + key[at + 1] + 2 * wp + 3 * wt + ((ty.ports.length + 31) >>> 5) + threads
                + ty.groups.length + ty.ports.length;
    }

    private int[] scratch(int length) {
        if (scratch.length < length) {
            scratch = new int[Math.max(length, scratch.length * 2)];
        }
        return scratch;
    }

    /** {@link #encodeSwept} of a compact key: {@code mid}'s with the loop's flags, the set to sweep and {@code c}'s part number new. */
    private int encodeSweptCompact(int[] mid, ComponentState c, boolean changed, boolean deferred) {
        len = 0;
        putComponent(c);
        int part = number(buf, 0, len);
        len = 0;
        put((mid[0] & 1) | ITERATE << 1 | (x.blocked ? 1 : 0) << 2 | (x.forceNotice ? 1 : 0) << 3
                | (x.forceAll ? 1 : 0) << 4 | 1 << 5 | (changed ? 1 : 0) << 6 | (deferred ? 1 : 0) << 7 | 1 << 8);
        put(x.pc);
        put(x.byId.size());
        copy(mid, REMAINING, mid.length - REMAINING);
        unmark(buf, c.id);
        buf[slots + c.id] = part;
        if (watch != null) {
            buf[len - 1] = watch.flags;
        }
        return len;
    }

    /**
     * {@link #resume} of a compact key: the instances whose part number differs from the held
     * key's, or that were swept since, are restored from their numbered parts; the loop's fields
     * are set whole.
     */
    private void resumeCompact(int[] key) {
        int n = key[2];
        if (!baseValid || n != base[2] || x.byId.size() != n || key.length != heldKey.length) {
            throw new IllegalStateException("a compact key resumed outside its iteration: " + Arrays.toString(key));
        }
        readHeader(key);
        x.now = 0;
        x.stopped = null;
        x.stopping = null;
        x.programEnded = false;
        x.deferred = false;
        x.dirty = false;
        for (int k = 0; k < n; k++) {
            int id = key[slots + k];
            if (id != heldKey[slots + k] || anySwept && (swept[k >>> 6] & 1L << k) != 0) {
                in = numbered.pageOf(id);
                at = numbered.offsetOf(id);
                getComponent(x.byId.get(k));
            }
        }
        activeInIdOrder();
        if (watch != null) {
            watch.flags = key[key.length - 1];
        }
        heldKey = key;
        clearSwept();
        partialResumes++;
        if (checkForTests) {
            long[] fast = snapshot();
            decodeFully(expand(key));
            long[] full = snapshot();
            if (!Arrays.equals(fast, full)) {
                throw new IllegalStateException("a compact resume differs from the whole decode at "
                        + Arrays.mismatch(fast, full) + " of the snapshot: " + Arrays.toString(key));
            }
        }
    }

    /** Writes, at {@link #len}, the parts numbered in compact key {@code key} in instance order, noting where each starts. */
    private void putParts(int[] key) {
        int n = key[2];
        for (int k = 0; k < n; k++) {
            partStart[k] = len;
            int id = key[slots + k];
            copy(numbered.pageOf(id), numbered.offsetOf(id), numbered.lengthOf(id));
        }
        parts = n;
        partStart[n] = len;
        copy(base, baseConnections, baseLength - (watch != null ? 1 : 0) - baseConnections);
    }

    /**
     * The active list as a decode writes it, the active instances in id order, written only from
     * where it differs: most resumes leave it as it was, and rewriting it whole was a sixth of the
     * exploration (a reference store per instance).
     */
    private void activeInIdOrder() {
        List<ComponentState> active = x.active;
        int size = active.size();
        int i = 0;
        boolean same = true;
        for (int k = 0, n = x.byId.size(); k < n; k++) {
            ComponentState c = x.byId.get(k);
            if (!c.inActive) {
                continue;
            }
            if (same) {
                if (i < size && active.get(i) == c) {
                    i++;
                    continue;
                }
                active.subList(i, size).clear();
                same = false;
            }
            active.add(c);
        }
        if (same && i < size) {
            active.subList(i, size).clear();
        }
    }

    /**
     * The key of the boundary state an iteration reaches with no time passed since its last compact
     * resume (its end phase, then at once the next iteration or the wait), as {@link #encode} would
     * write it from the execution: the instances hold the held compact key's parts and the base's
     * (only the loop's fields and the active list changed since, and the key holds neither as
     * such), the clock is still at 0, and the connections are the base's. Copied, not written anew.
     * Falls back to {@link #encode} when any of that is not known.
     */
    int encodeBoundary(int phase, int kind) {
        int n = x.byId.size();
        if (!baseValid || anySwept || x.now != 0 || n != base[2]) {
            return encode(phase, kind);
        }
        len = 0;
        put(phase | kind << 1 | (x.blocked ? 1 : 0) << 2 | (x.forceNotice ? 1 : 0) << 3 | (x.forceAll ? 1 : 0) << 4);
        put(x.pc);
        put(n);
        putParts(heldKey);
        if (watch != null) {
            put(watch.flags);
        }
        if (checkForTests) {
            int[] fast = Arrays.copyOf(buf, len);
            int[] starts = Arrays.copyOf(partStart, n + 1);
            int full = encode(phase, kind);
            if (!Arrays.equals(fast, 0, fast.length, buf, 0, full) || !Arrays.equals(starts, 0, n + 1, partStart, 0, n + 1)) {
                throw new IllegalStateException("a boundary key copied from the iteration differs from the one written: "
                        + Arrays.toString(fast) + " vs " + Arrays.toString(Arrays.copyOf(buf, full)));
            }
        }
        return len;
    }

    /** The whole key of a compact one (for {@link #checkForTests}). */
    private int[] expand(int[] key) {
        int[] saved = Arrays.copyOf(buf, len);
        int savedLength = len;
        len = 0;
        put(key[0] & ~(1 << 8));
        for (int i = 1; i < slots; i++) {
            put(key[i]);
        }
        putParts(key);
        if (watch != null) {
            put(key[key.length - 1]);
        }
        int[] out = Arrays.copyOf(buf, len);
        System.arraycopy(saved, 0, buf, 0, savedLength);
        len = savedLength;
        return out;
    }

    /** For {@link #checkForTests}: every field a decode writes, of the execution and of its instances. */
    private long[] snapshot() {
        snapLength = 0;
        snap(x.blocked ? 1 : 0);
        snap(x.forceNotice ? 1 : 0);
        snap(x.forceAll ? 1 : 0);
        snap(x.pc);
        snap(x.now);
        snap(x.stopped == null ? 0 : 1);
        snap(x.stopping == null ? 0 : 1);
        snap(x.programEnded ? 1 : 0);
        snap(x.deferred ? 1 : 0);
        snap(x.dirty ? 1 : 0);
        snap(x.byId.size());
        for (ComponentState c : x.active) {
            snap(c.id);
        }
        snap(-1);
        for (ComponentState c : x.byId) {
            snap(c.id);
            snap(x.byName.get(c.name) == c ? 1 : 0);
            snap((c.deleted ? 1 : 0) | (c.inActive ? 2 : 0) | (c.initialized ? 4 : 0) | (c.initRunning ? 8 : 0)
                    | (c.initDock ? 16 : 0));
            snap(c.behavior);
            snap(c.queue.size());
            for (int i = 0; i < c.queue.size(); i++) {
                snap(c.queue.get(i));
            }
            for (boolean[] a : new boolean[][] {c.marked, c.visited, c.odock, c.idock, c.running, c.refusing, c.abandoned}) {
                for (boolean b : a) {
                    snap(b ? 1 : 0);
                }
            }
            snap(c.odocks);
            snap(c.idocks);
            snap(c.runningCount);
            for (int t = 0; t < c.running.length; t++) {
                if (c.running[t]) {
                    snap(c.startedAt[t]);
                    snap(c.finishAt[t]);
                    snap(c.startIteration[t]);
                }
            }
            for (int g : c.groupTokens) {
                snap(g);
            }
            for (int u : c.nbUsers) {
                snap(u);
            }
            // the connections in the order the lists hold them (the rules iterate them in it)
            for (List<Connection> l : c.connections) {
                snap(l.size());
                for (Connection k : l) {
                    snap((long) k.provider.id << 42 | (long) k.providePort << 32 | (long) k.user.id << 10 | k.usePort);
                    snap(x.byId.get(k.provider.id) == k.provider && x.byId.get(k.user.id) == k.user ? 1 : 0);
                }
            }
        }
        snap(watch == null ? -1 : watch.flags);
        return Arrays.copyOf(snapBuffer, snapLength);
    }

    private long[] snapBuffer = new long[256];
    private int snapLength;

    private void snap(long v) {
        if (snapLength == snapBuffer.length) {
            snapBuffer = Arrays.copyOf(snapBuffer, snapLength * 2);
        }
        snapBuffer[snapLength++] = v;
    }


    private void getComponent(ComponentState c) {
        int w = get();
        c.deleted = (w & 1) != 0;
        c.inActive = (w & 2) != 0;
        c.initialized = (w & 4) != 0;
        c.initRunning = (w & 8) != 0;
        c.initDock = (w & 16) != 0;
        c.behavior = (w >>> 8) - 2;
        c.queue.clear();
        int q = get();
        for (int i = 0; i < q; i++) {
            c.queue.add(get());
        }
        unbits(c.marked);
        unbits(c.visited);
        unbits(c.odock);
        unbits(c.idock);
        unbits(c.running);
        unbits(c.refusing);
        c.odocks = count(c.odock);
        c.idocks = count(c.idock);
        c.runningCount = 0;
        for (int t = 0; t < c.running.length; t++) {
            c.abandoned[t] = false;
            if (c.running[t]) {
                c.runningCount++;
                int v = get();
                c.startIteration[t] = -1;
                if (v == 1) {
                    c.startedAt[t] = 0;
                    c.finishAt[t] = 0;
                } else if (v == 3) {
                    c.startedAt[t] = -unit;
                    c.finishAt[t] = -unit;
                } else {
                    c.startedAt[t] = -(long) (v >>> 1) * unit;
                    c.finishAt[t] = Long.MAX_VALUE;
                }
            }
        }
        for (int g = 0; g < c.groupTokens.length; g++) {
            c.groupTokens[g] = get();
        }
        for (int p = 0; p < c.nbUsers.length; p++) {
            c.nbUsers[p] = get();
        }
    }

    private ComponentState instance(int k) {
        if (pool[k] == null) {
            pool[k] = new ComponentState(names.get(k), types.get(k), k);
        }
        return pool[k];
    }

    private int get() {
        return in[at++];
    }

    private void unbits(boolean[] a) {
        for (int w = 0; w < a.length; w += 32) {
            int word = get();
            for (int i = w; i < Math.min(a.length, w + 32); i++) {
                a[i] = (word & (1 << (i - w))) != 0;
            }
        }
    }

    private static int count(boolean[] a) {
        int n = 0;
        for (boolean b : a) {
            if (b) {
                n++;
            }
        }
        return n;
    }
}
