package dev.cadenza.verify.execute;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The runtime state of one component instance (concerto/component.py's {@code act_places},
 * {@code act_transitions}, {@code act_odocks}, {@code act_idocks}, {@code act_behavior},
 * {@code queued_behaviors}, {@code visited_places}, its groups' token counts and its ports'
 * {@code nb_users}, {@code is_refusing} and connections), plus, per element, the event that last
 * changed it (for the causes of the run's events).
 */
final class ComponentState {

    final String name;
    final CompiledType type;
    final int id;

    final boolean[] marked;
    final boolean[] visited;
    /** Per transition: its output dock is active. */
    final boolean[] odock;
    /** Per transition: its input dock is active. */
    final boolean[] idock;
    final boolean[] running;
    final long[] startedAt;
    final long[] finishAt;
    /** A running transition whose thread will never end: its action failed, timed out or was stopped. */
    final boolean[] abandoned;
    /** The loop iteration a transition started in (a zero-duration thread may end in the same sweep). */
    final long[] startIteration;
    int odocks;
    int idocks;
    int runningCount;
    /** The internal {@code _init} transition is running (component.py:662-663). */
    boolean initRunning;
    /** The input dock of {@code _init} on the initial place is active. */
    boolean initDock;
    boolean initialized;
    boolean deleted;

    int behavior = CompiledType.INIT;
    final BehaviorFifo queue = new BehaviorFifo();
    final int[] groupTokens;
    final int[] nbUsers;
    final boolean[] refusing;
    final List<List<Connection>> connections;

    // causes: the events that last changed each element
    final int[] placeEntered;
    final int[] placeLeft;
    final int[] readyEvent;
    final int[] startEvent;
    final int[] endEvent;
    /** Per port: the event that made it active (provide) or released it (use, nb_users back to 0). */
    final int[] portEvent;
    int behaviorEvent = -1;
    /** In the runtime's set of active components. */
    boolean inActive;
    /** The policy's view of each transition, made on first use. */
    final TransitionChoice[] choices;
    /** Work arrays of one sweep (a sweep is never re-entered). */
    final int[] work;
    final int[] work2;
    final int[] groupDelta;
    final boolean[] groupFlag;
    int lastEvent = -1;
    int idleEvent = -1;

    ComponentState(String name, CompiledType type, int id) {
        this.name = name;
        this.type = type;
        this.id = id;
        int p = type.places.length;
        int t = type.transitions.length;
        marked = new boolean[p];
        visited = new boolean[p];
        odock = new boolean[t];
        idock = new boolean[t];
        running = new boolean[t];
        startedAt = new long[t];
        finishAt = new long[t];
        abandoned = new boolean[t];
        startIteration = new long[t];
        groupTokens = new int[type.groups.length];
        nbUsers = new int[type.ports.length];
        refusing = new boolean[type.ports.length];
        connections = new ArrayList<>();
        for (int i = 0; i < type.ports.length; i++) {
            connections.add(new ArrayList<>());
        }
        choices = new TransitionChoice[t];
        work = new int[Math.max(p, t) + 1];
        work2 = new int[Math.max(p, t) + 1];
        groupDelta = new int[type.groups.length];
        groupFlag = new boolean[type.groups.length];
        placeEntered = filled(p);
        placeLeft = filled(p);
        readyEvent = filled(t);
        startEvent = filled(t);
        endEvent = filled(t);
        portEvent = filled(type.ports.length);
    }

    private static int[] filled(int n) {
        int[] a = new int[n];
        Arrays.fill(a, -1);
        return a;
    }

    /** dependency.py:143-149: some connected provider is active. */
    boolean served(int usePort) {
        for (Connection c : connections.get(usePort)) {
            if (c.active()) {
                return true;
            }
        }
        return false;
    }

    /** The connection that serves {@code usePort}, or null. */
    Connection serving(int usePort) {
        for (Connection c : connections.get(usePort)) {
            if (c.active()) {
                return c;
            }
        }
        return null;
    }

    /** dependency.py:151-157: some connected user is using it. */
    boolean locked(int providePort) {
        for (Connection c : connections.get(providePort)) {
            if (c.locked()) {
                return true;
            }
        }
        return false;
    }

    /** Concerto-D's dependency.py {@code is_allowed}: no connected provider refuses. */
    boolean allowed(int usePort) {
        for (Connection c : connections.get(usePort)) {
            if (c.provider.refusing[c.providePort]) {
                return false;
            }
        }
        return true;
    }

    boolean active() {
        return behavior != CompiledType.NONE;
    }

    boolean hasConnections() {
        for (List<Connection> l : connections) {
            if (!l.isEmpty()) {
                return true;
            }
        }
        return false;
    }

    String port(int i) {
        return name + "." + type.ports[i];
    }
}
