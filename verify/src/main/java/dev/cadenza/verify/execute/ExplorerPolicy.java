package dev.cadenza.verify.execute;

import java.util.ArrayDeque;

/**
 * The policy of {@link RuntimeStateSpace}: every choice the runtime leaves open is a choice point
 * of a {@link ChoiceScript}, so that runs from one state with successive scripts make every
 * choice once — item orders of the sweep's phases (a permutation is a pick per place), thread
 * races ({@link #noticeNow}, {@link #noticeWhenForced}: notice or not) and, through
 * {@link ExplorerDriver}, whether a thread whose interval starts at 0 finishes at once. The order
 * of components in an iteration is the state space's own (it sweeps them one by one); when the
 * policy replays a path, it takes the recorded orders from a queue.
 *
 * <p>Two phases need no order when {@code reduce} is on, because every order gives the same
 * state (docs/verify.md, "The runtime's state space"): the end phase (each item reads only its
 * own thread and writes only its own transition's dock and its ports' user counts, which no item
 * of the phase reads) and the start phase when no port bound to a transition is a provide port
 * (each start reads whether its use ports are served — the providers' counts, which starts do not
 * change — and writes its own dock, thread and use ports' counts).
 *
 * <p>With a predicate observed ({@link #watch}), those phases still order the items whose moves
 * change one of its readings, and the enter and leave phases put all such items in one class: the
 * same final state, but the states between the moves differ, and the predicate is read there.
 */
final class ExplorerPolicy implements Policy {

    ChoiceScript script = new ChoiceScript();
    private final boolean reduceEnds;
    private final boolean reduceStarts;
    /** The execution the policy chooses for (it reads which items of a phase can act). */
    Execution x;
    /**
     * A replayed iteration's order of components, by name: the first {@code swept} are those the
     * state space swept, in its order; the rest it did not sweep (waiting components, whose sweeps
     * change nothing; or, where a predicate's run stops inside the iteration, those after the stop).
     */
    record IterationOrder(String[] names, int swept) {
    }

    /** When replaying: the components' order of each iteration. */
    ArrayDeque<IterationOrder> componentOrders;
    /** When replaying: the running iteration's order (its unswept tail may make no choice). */
    private IterationOrder current;

    /**
     * The predicate observed, or null: its visible items are ordered even where the phase needs
     * no order for the state it ends in (the states between the moves differ).
     */
    PredicateWatch watch;
    /** A replay that stops where the recorded path ends ({@link PredicateWatch.Halt}) instead of failing there. */
    boolean halting;

    /** Ties noticed as the default policies notice them: all at once after a quiet iteration. */
    private final boolean strictTies;

    ExplorerPolicy(boolean reduceEnds, boolean reduceStarts, boolean strictTies) {
        this.reduceEnds = reduceEnds;
        this.reduceStarts = reduceStarts;
        this.strictTies = strictTies;
    }

    @Override
    public long duration(TransitionChoice t) {
        throw new IllegalStateException("the state space's driver decides when threads finish");
    }

    @Override
    public void order(Phase phase, String instance, int[] items, int n, String[] names) {
        switch (phase) {
            case COMPONENTS -> {
                iterationStarts();
                if (componentOrders == null) {
                    throw new IllegalStateException("the state space sweeps the components itself");
                }
                IterationOrder recorded = componentOrders.poll();
                if (recorded == null && halting) {
                    throw new PredicateWatch.Halt();
                }
                String[] wanted = recorded == null ? null : recorded.names();
                current = recorded;
                if (wanted == null || wanted.length != n) {
                    throw new IllegalStateException("a replayed iteration has other components than recorded");
                }
                int[] copy = java.util.Arrays.copyOf(items, n);
                for (int i = 0; i < n; i++) {
                    int found = -1;
                    for (int k = 0; k < n; k++) {
                        if (names[copy[k]].equals(wanted[i])) {
                            found = copy[k];
                        }
                    }
                    if (found < 0) {
                        throw new IllegalStateException("a replayed iteration has other components than recorded");
                    }
                    items[i] = found;
                }
            }
            case ENTER -> {
                sweeping(instance);
                permuteActing(items, n, x.byName.get(instance), true);
            }
            case LEAVE -> {
                sweeping(instance);
                permuteActing(items, n, x.byName.get(instance), false);
            }
            case END -> {
                sweeping(instance);
                if (!reduceEnds) {
                    script.permute(items, n);
                } else {
                    permuteVisible(items, n, x.byName.get(instance), true);
                }
            }
            case START -> {
                sweeping(instance);
                if (!reduceStarts) {
                    script.permute(items, n);
                } else {
                    permuteVisible(items, n, x.byName.get(instance), false);
                }
            }
            default -> script.permute(items, n);
        }
    }

    /**
     * Replaying: the choices that follow are {@code instance}'s. A component the state space did
     * not sweep in this iteration has no choices recorded there, so its sweep must take none
     * ({@link ChoiceScript#frozen}): it would take the next sweep's choices and the run would
     * silently leave the path. Nothing to do while exploring.
     */
    void sweeping(String instance) {
        if (current == null) {
            return;
        }
        String[] names = current.names();
        for (int i = current.swept(); i < names.length; i++) {
            if (names[i].equals(instance)) {
                script.frozen = instance;
                return;
            }
        }
        script.frozen = null;
    }

    /**
     * An end or start phase that needs no order for its final state, with a predicate observed:
     * the items whose transition the predicate reads are ordered among themselves (every order,
     * in the places they hold), the others stay where they are. Why that keeps every value the
     * predicate takes between two moves: the items commute (each acts the same in every order),
     * and only the visible ones change a reading, each always by the same change; so the readings
     * after each move depend only on the order of the visible items, and every such order is tried.
     *
     * <p>In an end phase only the items that can act are ordered ({@code ends}): a thread still
     * running after this instant, or abandoned, is skipped by the rule without any effect wherever it
     * stands, and stays so through the phase (no end changes another thread's finish or the clock).
     * Not only fewer orders: it is what lets the state space leave a waiting component unswept
     * (LoopGraph.waiting: every thread still running) — such a sweep then meets no choice at all,
     * so the executor's replay, which sweeps it, takes no choice recorded for another sweep.
     */
    private void permuteVisible(int[] items, int n, ComponentState c, boolean ends) {
        if (watch == null || n < 2 || !watch.visible(c.id)) {
            return;
        }
        int[] at = new int[n];
        int[] values = new int[n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            int t = items[i];
            if (ends && (c.finishAt[t] > x.now || c.abandoned[t])) {
                continue;
            }
            if (watch.visibleTransition(c.id, t)) {
                at[k] = i;
                values[k++] = items[i];
            }
        }
        if (k < 2) {
            return;
        }
        script.permute(values, k);
        for (int j = 0; j < k; j++) {
            items[at[j]] = values[j];
        }
    }

    /**
     * Orders the items of an enter or leave phase. With the reduction, only the items that can
     * act are ordered among themselves: the rule skips, without any effect, a dock into a marked
     * place and a place already left in this behavior or without output docks in it, and an item
     * skipped at the phase's start stays skipped through it (places only get marked while
     * entering, only get visited while leaving), so where the skipped ones stand changes nothing.
     */
    private void permuteActing(int[] items, int n, ComponentState c, boolean enter) {
        if (!reduceEnds || n < 2) {
            script.permute(items, n);
            return;
        }
        int[] at = new int[n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            int v = items[i];
            boolean acts = enter ? !c.marked[c.type.destination[v]]
                    : !c.visited[v] && c.type.out(c.behavior, v).length > 0;
            if (acts) {
                at[k++] = i;
            }
        }
        if (k < 2) {
            return;
        }
        // items whose places share no group (and a component not connected to itself) commute:
        // each reads and writes its own place, docks and ports, and the group counts of its place's
        // groups; served and locked read only other components, which do not move in this sweep.
        // So only the order within each class of items linked by a shared place or group matters.
        int[] placeOf = new int[k];
        for (int i = 0; i < k; i++) {
            int v = items[at[i]];
            placeOf[i] = enter ? c.type.destination[v] : v;
        }
        int[] cls = new int[k];
        boolean self = connectedToItself(c);
        boolean watched = watch != null && watch.visible(c.id);
        for (int i = 0; i < k; i++) {
            cls[i] = i;
            for (int j = 0; j < i; j++) {
                // with a predicate observed, the items whose place it reads form one class: their
                // order among themselves decides the readings between the moves (the other classes
                // commute with them and change no reading)
                if (self || placeOf[i] == placeOf[j] || shareGroup(c.type, placeOf[i], placeOf[j])
                        || watched && watch.visiblePlace(c.id, placeOf[i]) && watch.visiblePlace(c.id, placeOf[j])) {
                    int from = cls[i];
                    int to = cls[j];
                    for (int m = 0; m <= i; m++) {
                        if (cls[m] == from) {
                            cls[m] = to;
                        }
                    }
                }
            }
        }
        int[] members = new int[k];
        int[] values = new int[k];
        boolean[] done = new boolean[k];
        for (int i = 0; i < k; i++) {
            if (done[i]) {
                continue;
            }
            int n2 = 0;
            for (int j = i; j < k; j++) {
                if (cls[j] == cls[i]) {
                    done[j] = true;
                    members[n2] = at[j];
                    values[n2] = items[at[j]];
                    n2++;
                }
            }
            script.permute(values, n2);
            for (int j = 0; j < n2; j++) {
                items[members[j]] = values[j];
            }
        }
    }

    private static boolean shareGroup(CompiledType ty, int p, int q) {
        for (int g : ty.placeGroups[p]) {
            for (int h : ty.placeGroups[q]) {
                if (g == h) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean connectedToItself(ComponentState c) {
        for (java.util.List<Connection> l : c.connections) {
            for (Connection k : l) {
                if (k.provider == k.user) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public void subjectStarts() {
        if (watch != null) {
            watch.activate();
        }
    }

    /**
     * Thread races asked so far. A race's answer may read more than the sweeping component's own
     * reads (secluded ties read other instances and the program), so {@link LoopGraph} takes no
     * sweep that asked one from its sweeps met before.
     */
    long raceQuestions;

    @Override
    public boolean noticeNow(TransitionChoice t, boolean sameIteration, long now) {
        raceQuestions++;
        sweeping(t.instance());
        if (secludedTies && secluded(x.byName.get(t.instance()))) {
            return true;
        }
        return script.choose(2) == 0;
    }

    @Override
    public boolean noticeWhenForced(TransitionChoice t, long now) {
        raceQuestions++;
        sweeping(t.instance());
        if (strictTies || secludedTies && secluded(x.byName.get(t.instance()))) {
            return true;
        }
        return script.choose(2) == 0;
    }

    /**
     * Secluded ties are noticed at once, with no choice (set by {@link LoopGraph}: only with the
     * reductions on, no step cost, ties not strict, not under Concerto-D; the replay sets it as the
     * exploration did, so both meet the same choice points).
     */
    boolean secludedTies;

    /**
     * Tests only: every race of a component whose finished thread is all it can act on counts as
     * secluded, whoever it is connected to and whatever the program does: a broken rule the
     * properties must catch ({@code SecludedTiesStateSpaceProperties}, {@code -Dsecluded.broken=true}).
     */
    static boolean uncheckedForTests;

    /**
     * Whether the race of {@code c}'s finished thread is secluded: leaving it unnoticed can change
     * nothing but when {@code c}'s own moves come, and no one else sees those before time passes.
     * Three conditions, each lasting (with no step cost) until the clock moves:
     * <ul>
     *   <li>the thread is all {@code c} can act on: initialized, no active dock, no place it could
     *       leave, no other running thread finished (so while it is left, {@code c}'s sweeps change
     *       nothing, and {@code c}'s later choices are its own); checked at the question;</li>
     *   <li>every instance at the far end of a connection of {@code c} is frozen: deleted, idle (out
     *       of the active set: only a {@code pushB} of the program wakes it), or waiting (active, no
     *       dock, nothing to leave, every running thread finishing later: its sweeps do nothing, and
     *       no other sweep changes that); so nothing {@code c} reads of others moves, and no one
     *       who moves reads {@code c} (the rules read another instance only through a connection);</li>
     *   <li>the program cannot move: it is done with its part, or blocked on {@code waitAll} while
     *       another instance waits (which stays active until the clock moves); so it reads nothing
     *       of {@code c} ({@code wait}, {@code waitAll}) and changes nothing ({@code pushB},
     *       {@code con}, {@code dcon}, {@code del}).</li>
     * </ul>
     * And {@code c} is not read by the observed predicate. The last three (the race's context) are
     * taken as they were at the running iteration's start, after its program phase ({@link
     * #iterationStarts}): since they last, they still hold at the question, and read there they
     * would depend on which other components were swept before {@code c} in the iteration (one
     * of them may have just become waiting). Read at the start, a race's answer depends on {@code
     * c}'s own state alone within an iteration, so the sweeps of components that share no touched
     * port still commute ({@link LoopGraph}'s groups), which the per-iteration memo's twins rest
     * on (docs/verify.md, "Twins inside an iteration"). Why noticing at once keeps every answer
     * (every state where the clock moves, every end, every endless run, every value the predicate
     * takes): docs/verify.md, "Secluded ties".
     */
    private boolean secluded(ComponentState c) {
        return c != null && onlyThisEnd(c) && contextAtStart(c);
    }

    /** Per instance id: whether its race's context held at the start of iteration {@link #contextIteration}. */
    private boolean[] contextAtStart = new boolean[0];
    private long contextIteration = -1;

    /**
     * The running iteration's sweeps are about to start (its program phase is done): reads every
     * instance's race context ({@link #secludedContext}) as it is now, for {@link #secluded}. The
     * exploration calls it itself; a replay, when the executor asks for the iteration's order of
     * components (the same point of the iteration).
     */
    void iterationStarts() {
        if (!secludedTies) {
            return;
        }
        int n = x.byId.size();
        if (contextAtStart.length < n) {
            contextAtStart = new boolean[Math.max(n, 2 * contextAtStart.length)];
        }
        int waitingOthers = 0;
        if (programWaitsOnWaitAll()) {
            for (int i = 0; i < n; i++) {
                ComponentState w = x.byId.get(i);
                if (!w.deleted && w.inActive && waiting(w, x.now)) {
                    waitingOthers++;
                }
            }
        }
        for (int i = 0; i < n; i++) {
            ComponentState c = x.byId.get(i);
            contextAtStart[i] = !c.deleted && secludedContext(c, waitingOthers);
        }
        contextIteration = x.iteration;
    }

    /**
     * Whether {@code c}'s race context held at the running iteration's start; false when it was not
     * read for this iteration (no reduction then).
     */
    boolean contextAtStart(ComponentState c) {
        return contextIteration == x.iteration && c.id < contextAtStart.length && contextAtStart[c.id];
    }

    private boolean programWaitsOnWaitAll() {
        return x.blocked && x.pc < x.program.size()
                && x.program.get(x.pc) instanceof dev.cadenza.core.model.Instruction.WaitAll;
    }

    /**
     * The conditions of {@link #secluded} that do not read {@code c}'s own state: the predicate does
     * not read it, the far ends of its connections are frozen, the program cannot move; {@code
     * waiting}: the instances active and waiting now (counted only when the program waits on
     * {@code waitAll}), {@code c} among them or not.
     */
    private boolean secludedContext(ComponentState c, int waiting) {
        if (watch != null && watch.visible(c.id)) {
            return false;
        }
        if (uncheckedForTests) {
            return true;
        }
        for (int p = 0; p < c.connections.size(); p++) {
            java.util.List<Connection> l = c.connections.get(p);
            for (int j = 0; j < l.size(); j++) {
                Connection k = l.get(j);
                ComponentState o = k.provider == c ? k.user : k.provider;
                if (o == c || !frozen(o)) {
                    return false;
                }
            }
        }
        if (x.pc >= x.iterationEnd && !x.blocked) {
            return true;
        }
        if (!programWaitsOnWaitAll()) {
            return false;
        }
        boolean self = !c.deleted && c.inActive && waiting(c, x.now);
        return waiting - (self ? 1 : 0) > 0;
    }

    /** {@code c} can act on one finished thread and nothing else. */
    private boolean onlyThisEnd(ComponentState c) {
        if (!c.initialized || c.initRunning || c.initDock || c.idocks > 0 || c.odocks > 0 || c.deleted) {
            return false;
        }
        int finished = 0;
        for (int t = 0; t < c.running.length; t++) {
            if (c.running[t] && !c.abandoned[t] && c.finishAt[t] <= x.now) {
                finished++;
            }
        }
        if (finished != 1) {
            return false;
        }
        for (int p = 0; p < c.marked.length; p++) {
            if (c.marked[p] && !c.visited[p] && c.type.out(c.behavior, p).length > 0) {
                return false;
            }
        }
        return true;
    }

    private boolean frozen(ComponentState o) {
        return o.deleted || !o.inActive || waiting(o, x.now);
    }

    /**
     * A component with nothing to do: initialized, no active dock, no place it could leave, and
     * threads running that have not finished by {@code now}, so not idle either. Its sweep changes
     * nothing and reads nothing but its own state, which no other sweep changes; it stays so until
     * the clock moves (its threads' ends are fixed, and only its own sweeps change its places and
     * docks).
     */
    static boolean waiting(ComponentState c, long now) {
        if (!c.initialized || c.initRunning || c.initDock || c.idocks > 0 || c.odocks > 0 || c.runningCount == 0) {
            return false;
        }
        for (int t = 0; t < c.running.length; t++) {
            if (c.running[t] && c.finishAt[t] <= now) {
                return false;
            }
        }
        for (int p = 0; p < c.marked.length; p++) {
            if (c.marked[p] && !c.visited[p] && c.type.out(c.behavior, p).length > 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public long step(long now, long min, long max) {
        if (max != 0) {
            throw new IllegalStateException("the state space's driver takes the steps itself");
        }
        return 0;
    }
}
