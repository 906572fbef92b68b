package dev.cadenza.verify.execute;

import dev.cadenza.verify.trace.WaitReason;
import dev.cadenza.verify.trace.Waiter;

import java.util.ArrayList;
import java.util.List;

/**
 * One component's step of the runtime's loop, {@code Component.semantics()} (component.py:667-716
 * at d829503; Concerto-D: component.py:700-753 at HEAD), one method per rule, in the runtime's
 * order: input docks to places, places to output docks, start transitions, end transitions, then
 * the idle check. A sweep is atomic: nothing else moves during it. Within a phase the items are
 * visited in the order the policy gives (Python sets), each once; like the Python, a phase works
 * on the items present when it starts and applies its removals at its end.
 */
final class ComponentRules {

    private final Execution x;

    ComponentRules(Execution x) {
        this.x = x;
    }

    /** component.py:667-716: one sweep; true when the component is idle at its end (leaves the active set). */
    boolean sweep(ComponentState c) {
        if (!c.initialized) {
            init(c);
        }
        if (c.idocks > 0 || c.initDock) {
            enterPlaces(c);
        }
        leavePlaces(c);
        if (c.odocks > 0 && x.stopping == null) {
            startTransitions(c);
        }
        if (c.runningCount > 0 || c.initRunning) {
            endTransitions(c);
        }
        return idleCheck(c);
    }

    /**
     * InitComponent (component.py:656-665): the first sweep adds the internal transition
     * {@code _init} (no source, into the initial place, behavior {@code _init}) as running.
     */
    private void init(ComponentState c) {
        c.initialized = true;
        c.initRunning = true;
    }

    // ---- EnteringPlace ---------------------------------------------------------------------------

    /**
     * EnteringPlace (component.py:852-923): for each active input dock whose place is not marked
     * (a place holds one token, :864), each join set of the place in the active behavior whose
     * docks are all active enters the place, if every use port bound to the place is served and,
     * for each group the entry activates (its token count goes from 0 up, :891-900), every use port
     * bound to the group is served; Concerto-D also requires those use ports' providers not to
     * refuse. Entering applies the activating groups' counts, starts using the ports bound to them
     * and to the place (a provide port becomes active, a use port in use; Concerto-D clears their
     * refusing), marks the place and consumes the set's docks. As in the Python, every complete
     * set enters — with two sets complete at once the place's ports are counted twice.
     */
    private void enterPlaces(ComponentState c) {
        CompiledType ty = c.type;
        int n = 0;
        int[] docks = c.work;
        for (int t = 0; t < ty.transitions.length; t++) {
            if (c.idock[t]) {
                docks[n++] = t;
            }
        }
        x.policy.order(Policy.Phase.ENTER, c.name, docks, n, ty.transitions);
        if (c.initDock) {
            docks[n++] = -1; // _init's dock: alone, its behavior has no other (component.py:662)
        }
        int[] removeDock = c.work2;
        int removals = 0;
        boolean removeInit = false;
        boolean[] placeSeen = x.log.full ? new boolean[ty.places.length] : null;
        for (int k = 0; k < n; k++) {
            int dock = docks[k];
            int place = dock < 0 ? ty.initial : ty.destination[dock];
            if (c.marked[place]) {
                if (placeSeen != null && !placeSeen[place]) {
                    placeSeen[place] = true;
                    x.log.waiting(new Waiter.Enter(c.name, ty.places[place]),
                            List.of(new WaitReason.PlaceMarked(c.name, ty.places[place])), x.now);
                }
                continue;
            }
            int[][] sets = dock < 0 ? INIT_SET : c.behavior >= 0 ? ty.idsets[c.behavior][place] : NO_SETS;
            List<WaitReason> why = null;
            int bestMissing = Integer.MAX_VALUE;
            for (int[] set : sets) {
                if (set.length == 0) {
                    continue;
                }
                int missing = 0;
                for (int t : set) {
                    if (!(t < 0 ? c.initDock : c.idock[t])) {
                        missing++;
                    }
                }
                if (missing > 0) {
                    if (placeSeen != null && missing < bestMissing && contains(set, dock)) {
                        bestMissing = missing;
                        List<String> names = new ArrayList<>();
                        for (int t : set) {
                            if (!c.idock[t]) {
                                names.add(ty.transitions[t]);
                            }
                        }
                        why = List.of(new WaitReason.JoinIncomplete(ty.places[place], names));
                    }
                    continue;
                }
                // use ports bound to the place (component.py:880-887)
                List<WaitReason> blocked = null;
                for (int dep : ty.placeDeps[place]) {
                    if (ty.roles[dep].isUse()) {
                        boolean served = c.served(dep);
                        boolean allowed = !x.concertoD || c.allowed(dep);
                        if (!served || !allowed) {
                            blocked = x.log.full ? add(blocked, notServed(c, dep, served)) : NOT_NULL;
                            if (!x.log.full) {
                                break;
                            }
                        }
                    }
                }
                // use ports bound to the groups the entry activates (component.py:889-902)
                int[] groups = ty.placeGroups[place];
                int[] deltas = c.groupDelta;
                boolean[] activating = c.groupFlag;
                for (int gi = 0; gi < groups.length && (blocked == null || x.log.full); gi++) {
                    int g = groups[gi];
                    int delta = ty.groupHasPlace[g][place] ? 1 : 0;
                    for (int t : set) {
                        if (t >= 0 && ty.groupHasTransition[g][t]) {
                            delta--;
                        }
                    }
                    deltas[gi] = delta;
                    activating[gi] = c.groupTokens[g] == 0 && delta > 0;
                    if (activating[gi]) {
                        for (int dep : ty.groupDeps[g]) {
                            if (ty.roles[dep] == PortRole.USE) {
                                boolean served = c.served(dep);
                                boolean allowed = !x.concertoD || c.allowed(dep);
                                if (!served || !allowed) {
                                    blocked = x.log.full ? add(blocked, notServed(c, dep, served)) : NOT_NULL;
                                }
                            }
                        }
                    }
                }
                if (blocked != null) {
                    if (placeSeen != null && bestMissing > 0) {
                        bestMissing = 0;
                        why = blocked;
                    }
                    continue;
                }
                enter(c, place, set, groups, deltas, activating);
                for (int t : set) {
                    if (t < 0) {
                        removeInit = true;
                    } else {
                        removeDock[removals++] = t;
                    }
                }
                why = null;
                bestMissing = -1;
            }
            if (placeSeen != null && !placeSeen[place]) {
                placeSeen[place] = true;
                Waiter w = new Waiter.Enter(c.name, ty.places[place]);
                if (bestMissing < 0) {
                    x.log.proceeded(w, x.now);
                } else if (why != null) {
                    x.log.waiting(w, why, x.now);
                }
            }
        }
        for (int k = 0; k < removals; k++) {
            int t = removeDock[k];
            if (c.idock[t]) {
                c.idock[t] = false;
                c.idocks--;
            }
        }
        if (removeInit) {
            c.initDock = false;
        }
    }

    private void enter(ComponentState c, int place, int[] set, int[] groups, int[] deltas, boolean[] activating) {
        CompiledType ty = c.type;
        int cause = c.placeLeft[place];
        for (int t : set) {
            cause = Math.max(cause, t < 0 ? c.behaviorEvent : c.endEvent[t]);
        }
        String[] uses = x.log.full ? new String[countUses(ty, place, groups, activating)] : null;
        int u = 0;
        for (int dep : ty.placeDeps[place]) {
            if (ty.roles[dep].isUse()) {
                Connection s = c.serving(dep);
                cause = Math.max(cause, Math.max(s.event, s.provider.portEvent[s.providePort]));
                if (uses != null) {
                    uses[u++] = s.providerName();
                }
            }
        }
        for (int gi = 0; gi < groups.length; gi++) {
            if (activating[gi]) {
                for (int dep : ty.groupDeps[groups[gi]]) {
                    if (ty.roles[dep] == PortRole.USE) {
                        Connection s = c.serving(dep);
                        cause = Math.max(cause, Math.max(s.event, s.provider.portEvent[s.providePort]));
                        if (uses != null) {
                            uses[u++] = s.providerName();
                        }
                    }
                }
            }
        }
        int e = x.log.add(EventLog.ENTERED, c, place, x.now, cause,
                x.log.full ? new Object[] {positive(set), uses} : null);
        for (int gi = 0; gi < groups.length; gi++) {
            if (activating[gi]) {
                int g = groups[gi];
                c.groupTokens[g] += deltas[gi];
                for (int dep : ty.groupDeps[g]) {
                    startUsing(c, dep, e);
                }
            }
        }
        for (int dep : ty.placeDeps[place]) {
            startUsing(c, dep, e);
        }
        c.marked[place] = true;
        c.placeEntered[place] = e;
    }

    private static int countUses(CompiledType ty, int place, int[] groups, boolean[] activating) {
        int n = 0;
        for (int dep : ty.placeDeps[place]) {
            if (ty.roles[dep].isUse()) {
                n++;
            }
        }
        for (int gi = 0; gi < groups.length; gi++) {
            if (activating[gi]) {
                for (int dep : ty.groupDeps[groups[gi]]) {
                    if (ty.roles[dep] == PortRole.USE) {
                        n++;
                    }
                }
            }
        }
        return n;
    }

    private static int[] positive(int[] set) {
        int n = 0;
        for (int t : set) {
            if (t >= 0) {
                n++;
            }
        }
        int[] out = new int[n];
        n = 0;
        for (int t : set) {
            if (t >= 0) {
                out[n++] = t;
            }
        }
        return out;
    }

    /** dependency.py:137-138 (Concerto-D also: entering a bound place or group clears refusing). */
    private void startUsing(ComponentState c, int dep, int event) {
        if (c.nbUsers[dep]++ == 0 && !c.type.roles[dep].isUse()) {
            c.portEvent[dep] = event;
        }
        if (x.concertoD && c.refusing[dep]) {
            c.refusing[dep] = false;
        }
    }

    /** dependency.py:140-141. */
    private static void stopUsing(ComponentState c, int dep, int event) {
        if (--c.nbUsers[dep] == 0 && c.type.roles[dep].isUse()) {
            c.portEvent[dep] = event;
        }
    }

    // ---- LeavingPlace ----------------------------------------------------------------------------

    /**
     * LeavingPlace (component.py:718-780): each marked place not yet left in this behavior
     * ({@code visited_places}, :727) with output docks in the active behavior is left unless a
     * service provide port bound to it is locked (a connected user is using it, :733-741 — checked
     * even if another bound place keeps the port active) or a group the leave deactivates (its
     * count would drop to 0, :743-754) has a locked service provide port. Leaving stops using the
     * place's ports (not data ones), applies the deactivating groups' counts and stops using their
     * ports, activates the output docks and records the place as visited. Concerto-D first makes
     * those provide ports refuse new users, whether or not the leave then happens (HEAD
     * component.py:765-783, 800).
     */
    private void leavePlaces(ComponentState c) {
        CompiledType ty = c.type;
        int n = 0;
        int[] places = c.work;
        for (int p = 0; p < ty.places.length; p++) {
            if (c.marked[p]) {
                places[n++] = p;
            }
        }
        if (n == 0) {
            return;
        }
        x.policy.order(Policy.Phase.LEAVE, c.name, places, n, ty.places);
        int[] remove = c.work2;
        int removals = 0;
        for (int k = 0; k < n; k++) {
            int p = places[k];
            if (c.visited[p]) {
                continue;
            }
            int[] od = ty.out(c.behavior, p);
            if (od.length == 0) {
                continue;
            }
            int[] groups = ty.placeGroups[p];
            int[] deltas = c.groupDelta;
            boolean[] deactivating = c.groupFlag;
            for (int gi = 0; gi < groups.length; gi++) {
                int g = groups[gi];
                int delta = ty.groupHasPlace[g][p] ? -1 : 0;
                for (int t : od) {
                    if (ty.groupHasTransition[g][t]) {
                        delta++;
                    }
                }
                deltas[gi] = delta;
                deactivating[gi] = c.groupTokens[g] > 0 && c.groupTokens[g] + delta == 0;
            }
            if (x.concertoD) {
                wantToLeave(c, p, groups, deactivating);
            }
            List<WaitReason> locks = null;
            int cause = Math.max(c.placeEntered[p], c.behaviorEvent);
            for (int dep : ty.placeDeps[p]) {
                if (ty.roles[dep] == PortRole.PROVIDE) {
                    locks = lockCheck(c, dep, locks);
                    cause = releases(c, dep, cause);
                }
            }
            for (int gi = 0; gi < groups.length; gi++) {
                if (deactivating[gi]) {
                    for (int dep : ty.groupDeps[groups[gi]]) {
                        if (ty.roles[dep] == PortRole.PROVIDE) {
                            locks = lockCheck(c, dep, locks);
                            cause = releases(c, dep, cause);
                        }
                    }
                }
            }
            Waiter w = x.log.full ? new Waiter.Leave(c.name, ty.places[p], names(ty.transitions, od)) : null;
            if (locks != null) {
                if (w != null) {
                    x.log.waiting(w, locks, x.now);
                }
                continue;
            }
            int e = x.log.add(EventLog.LEFT, c, p, x.now, cause, null);
            if (w != null) {
                x.log.proceeded(w, x.now);
            }
            for (int dep : ty.placeDeps[p]) {
                if (ty.roles[dep].withdrawn()) {
                    stopUsing(c, dep, e);
                }
            }
            for (int gi = 0; gi < groups.length; gi++) {
                if (deactivating[gi]) {
                    int g = groups[gi];
                    c.groupTokens[g] += deltas[gi];
                    for (int dep : ty.groupDeps[g]) {
                        if (ty.roles[dep].withdrawn()) {
                            stopUsing(c, dep, e);
                        }
                    }
                }
            }
            for (int t : od) {
                if (!c.odock[t]) {
                    c.odock[t] = true;
                    c.odocks++;
                }
                c.readyEvent[t] = x.log.add(EventLog.READY, c, t, x.now, e, null);
            }
            remove[removals++] = p;
            c.visited[p] = true;
            c.placeLeft[p] = e;
        }
        for (int k = 0; k < removals; k++) {
            c.marked[remove[k]] = false;
        }
    }

    /** Concerto-D's _put_provide_deps_in_refusing_state (HEAD component.py:765-783). */
    private void wantToLeave(ComponentState c, int p, int[] groups, boolean[] deactivating) {
        CompiledType ty = c.type;
        boolean raised = false;
        for (int dep : ty.placeDeps[p]) {
            if (ty.roles[dep] == PortRole.PROVIDE && !c.refusing[dep]) {
                c.refusing[dep] = true;
                raised = true;
            }
        }
        for (int gi = 0; gi < groups.length; gi++) {
            if (deactivating[gi]) {
                for (int dep : ty.groupDeps[groups[gi]]) {
                    if (ty.roles[dep] == PortRole.PROVIDE && !c.refusing[dep]) {
                        c.refusing[dep] = true;
                        raised = true;
                    }
                }
            }
        }
        if (raised) {
            x.log.add(EventLog.WANTS, c, p, x.now, Math.max(c.placeEntered[p], c.behaviorEvent), null);
        }
    }

    /** The locks on {@code dep} (a connected user in use), added to {@code locks}; null when none and none before. */
    private List<WaitReason> lockCheck(ComponentState c, int dep, List<WaitReason> locks) {
        if (!c.locked(dep)) {
            return locks;
        }
        if (!x.log.full) {
            return NOT_NULL;
        }
        List<WaitReason> out = locks == null || locks == NOT_NULL ? new ArrayList<>() : locks;
        for (Connection k : c.connections.get(dep)) {
            if (k.locked()) {
                out.add(new WaitReason.Locked(k.providerName(), k.userName(), Where.using(k.user, k.usePort)));
            }
        }
        return out;
    }

    /** The latest release of a use port connected to {@code dep}: what last let the provider go. */
    private static int releases(ComponentState c, int dep, int cause) {
        for (Connection k : c.connections.get(dep)) {
            cause = Math.max(cause, k.user.portEvent[k.usePort]);
        }
        return cause;
    }

    // ---- FiringTransitions -------------------------------------------------------------------------

    /**
     * FiringTransitions (component.py:782-819): each active output dock whose transition's use
     * ports are all served starts it: its ports are in use, its thread runs (for the duration the
     * policy chooses now, or as long as its action runs), the dock is consumed. (Concerto-D checks
     * no refusing here: only place- and group-bound use ports are refused.) A run being stopped
     * starts nothing.
     */
    private void startTransitions(ComponentState c) {
        CompiledType ty = c.type;
        int n = 0;
        int[] ods = c.work;
        for (int t = 0; t < ty.transitions.length; t++) {
            if (c.odock[t]) {
                ods[n++] = t;
            }
        }
        x.policy.order(Policy.Phase.START, c.name, ods, n, ty.transitions);
        for (int k = 0; k < n; k++) {
            int t = ods[k];
            boolean enabled = true;
            List<WaitReason> why = null;
            for (int dep : ty.transDeps[t]) {
                if (!c.served(dep)) {
                    enabled = false;
                    if (!x.log.full) {
                        break;
                    }
                    why = add(why, notServed(c, dep, false));
                }
            }
            Waiter w = x.log.full ? new Waiter.Start(c.name, ty.transitions[t]) : null;
            if (!enabled) {
                if (w != null) {
                    x.log.waiting(w, why, x.now);
                }
                continue;
            }
            int cause = c.readyEvent[t];
            String[] uses = x.log.full ? new String[ty.transDeps[t].length] : null;
            int u = 0;
            for (int dep : ty.transDeps[t]) {
                Connection s = c.serving(dep);
                cause = Math.max(cause, Math.max(s.event, s.provider.portEvent[s.providePort]));
                if (uses != null) {
                    uses[u++] = s.providerName();
                }
            }
            int e = x.log.add(EventLog.STARTED, c, t, x.now, cause, uses);
            if (w != null) {
                x.log.proceeded(w, x.now);
            }
            for (int dep : ty.transDeps[t]) {
                startUsing(c, dep, e);
            }
            c.running[t] = true;
            c.runningCount++;
            c.startedAt[t] = x.now;
            c.finishAt[t] = x.driver.start(x, c, t);
            c.startIteration[t] = x.iteration;
            c.startEvent[t] = e;
            c.odock[t] = false;
            c.odocks--;
        }
    }

    // ---- EndingTransition --------------------------------------------------------------------------

    /**
     * EndingTransition (component.py:821-850): each running transition whose thread has finished
     * ends: its use ports are released and its input dock becomes active. A thread that finished
     * before this instant has finished; one that finishes exactly now is noticed if the policy says
     * so (a thread race, offered again at later sweeps). After a quiet iteration the policy is asked
     * once more ({@link Policy#noticeWhenForced}: threads finishing in the same tick finish in some
     * order in real time, with loop iterations in between); after a second, every such thread is
     * noticed. {@code _init} always ends at once.
     */
    private void endTransitions(ComponentState c) {
        CompiledType ty = c.type;
        if (c.initRunning) {
            c.initRunning = false;
            c.initDock = true;
        }
        int n = 0;
        int[] run = c.work;
        for (int t = 0; t < ty.transitions.length; t++) {
            if (c.running[t]) {
                run[n++] = t;
            }
        }
        if (n == 0) {
            return;
        }
        x.policy.order(Policy.Phase.END, c.name, run, n, ty.transitions);
        for (int k = 0; k < n; k++) {
            int t = run[k];
            long f = c.finishAt[t];
            if (f > x.now || c.abandoned[t]) {
                continue;
            }
            if (f == x.now && (x.forceNotice
                    ? !x.forceAll && !x.policy.noticeWhenForced(x.choice(c, t), x.now)
                    : !x.policy.noticeNow(x.choice(c, t), c.startIteration[t] == x.iteration, x.now))) {
                x.deferred = true;
                continue;
            }
            int e = x.log.add(EventLog.ENDED, c, t, x.now, c.startEvent[t], null);
            for (int dep : ty.transDeps[t]) {
                stopUsing(c, dep, e);
            }
            c.running[t] = false;
            c.runningCount--;
            c.endEvent[t] = e;
            if (!c.idock[t]) {
                c.idock[t] = true;
                c.idocks++;
            }
        }
    }

    // ---- FinishingBehavior ---------------------------------------------------------------------------

    /**
     * FinishingBehavior (component.py:698-716): idle when no transition runs, no dock is active and
     * every marked place was left in this behavior or has no output docks in it. Then the next
     * queued behavior becomes active (not idle yet), or the component goes idle (behavior none)
     * and leaves the active set.
     */
    private boolean idleCheck(ComponentState c) {
        if (c.runningCount > 0 || c.initRunning || c.odocks > 0 || c.idocks > 0 || c.initDock) {
            return false;
        }
        for (int p = 0; p < c.type.places.length; p++) {
            if (c.marked[p] && !c.visited[p] && c.type.out(c.behavior, p).length > 0) {
                return false;
            }
        }
        int done = -1;
        if (c.behavior >= 0) {
            done = x.log.add(EventLog.COMPLETED, c, c.behavior, x.now, c.lastEvent, null);
        }
        int next = c.queue.poll();
        if (next >= 0) {
            x.setBehavior(c, next, done >= 0 ? done : c.lastEvent);
            return false;
        }
        c.behavior = CompiledType.NONE;
        java.util.Arrays.fill(c.visited, false);
        c.idleEvent = done >= 0 ? done : c.lastEvent;
        return true;
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private WaitReason notServed(ComponentState c, int dep, boolean served) {
        List<Connection> cs = c.connections.get(dep);
        if (cs.isEmpty()) {
            return new WaitReason.NotServed(c.port(dep), null, false, null);
        }
        if (served) {
            // served but refused (Concerto-D)
            for (Connection k : cs) {
                if (k.provider.refusing[k.providePort]) {
                    return new WaitReason.Refusing(k.providerName());
                }
            }
        }
        Connection k = cs.get(0);
        return new WaitReason.NotServed(c.port(dep), k.providerName(), true, Where.is(k.provider));
    }

    private static List<WaitReason> add(List<WaitReason> l, WaitReason r) {
        List<WaitReason> out = l == null || l == NOT_NULL ? new ArrayList<>() : l;
        out.add(r);
        return out;
    }

    private static List<String> names(String[] names, int[] idx) {
        List<String> out = new ArrayList<>(idx.length);
        for (int i : idx) {
            out.add(names[i]);
        }
        return out;
    }

    private static boolean contains(int[] set, int v) {
        for (int s : set) {
            if (s == v) {
                return true;
            }
        }
        return false;
    }

    /** A marker: blocked, without the reasons (a log that does not keep waits). */
    private static final List<WaitReason> NOT_NULL = java.util.Collections.unmodifiableList(new ArrayList<>());
    private static final int[][] INIT_SET = {{-1}};
    private static final int[][] NO_SETS = new int[0][];
}
