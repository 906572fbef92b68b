package dev.cadenza.verify.translate;

import dev.cadenza.core.model.ComponentType;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * From every node of a translated net back to the model element it stands for, and from the
 * model names properties use ({@code c.running}, {@code c.configure}, {@code s.service}) to
 * net places. Built by {@link ModelTranslator}; read by properties and trace printers.
 */
public final class NetBackMap {

    private final List<Provenance> places;
    private final List<Provenance> transitions;
    private final Map<String, ComponentType> instances;
    private final Map<String, Integer> componentPlaces;
    private final Map<String, Integer> running;
    private final Map<String, Integer> portActivity;
    private final Map<String, Integer> finalIdle;
    private final int programEnd;
    private final Map<Integer, String> activityOf;
    private final Map<Integer, String> usingOf;

    NetBackMap(List<Provenance> places, List<Provenance> transitions, Map<String, ComponentType> instances,
               Map<String, Integer> componentPlaces, Map<String, Integer> running,
               Map<String, Integer> portActivity, Map<String, Integer> finalIdle, int programEnd,
               Map<Integer, String> usingOf) {
        this.places = List.copyOf(places);
        this.transitions = List.copyOf(transitions);
        this.instances = Collections.unmodifiableMap(new LinkedHashMap<>(instances));
        this.componentPlaces = Map.copyOf(componentPlaces);
        this.running = Map.copyOf(running);
        this.portActivity = Map.copyOf(portActivity);
        this.finalIdle = Collections.unmodifiableMap(new LinkedHashMap<>(finalIdle));
        this.programEnd = programEnd;
        this.usingOf = Map.copyOf(usingOf);
        Map<Integer, String> act = new java.util.HashMap<>();
        portActivity.forEach((port, place) -> act.merge(place, port, (a, b) -> a + ", " + b));
        this.activityOf = Map.copyOf(act);
    }

    /** The provide ports ("s.service") whose activity this place holds, or null. */
    public String providePortsAt(int place) {
        return activityOf.get(place);
    }

    /** The use ports ("c.server") whose "in use" count this place holds, or null. */
    public String usePortsAt(int place) {
        return usingOf.get(place);
    }

    /** The same map for a net that has {@code extra} places appended (observers). */
    public NetBackMap withExtraPlaces(List<Provenance> extra) {
        List<Provenance> all = new java.util.ArrayList<>(places);
        all.addAll(extra);
        return new NetBackMap(all, transitions, instances, componentPlaces, running, portActivity, finalIdle,
                programEnd, usingOf);
    }

    public Provenance place(int index) {
        return places.get(index);
    }

    public Provenance transition(int index) {
        return transitions.get(index);
    }

    public int placeCount() {
        return places.size();
    }

    public int transitionCount() {
        return transitions.size();
    }

    /** The instances the program adds, in order, with their types. */
    public Map<String, ComponentType> instances() {
        return instances;
    }

    /** The net place "instance is in component place {@code place}". */
    public OptionalInt componentPlace(String instance, String place) {
        return opt(componentPlaces.get(instance + "." + place));
    }

    /** The net place "transition {@code transition} of {@code instance} is running". */
    public OptionalInt running(String instance, String transition) {
        return opt(running.get(instance + "." + transition));
    }

    /**
     * The net place whose marking (at least 1) means the provide port is active: its activity
     * counter, its bound place, or its "provided once" flag.
     */
    public OptionalInt portActivity(String instance, String port) {
        return opt(portActivity.get(instance + "." + port));
    }

    /** The place marked once the program has executed its last instruction. */
    public int programEnd() {
        return programEnd;
    }

    /**
     * Per instance alive at the program's end, the place marked when it is idle with every pushed
     * behavior complete (or deleted): together with {@link #programEnd()}, a finished deployment.
     */
    public Map<String, Integer> finalIdle() {
        return finalIdle;
    }

    private static OptionalInt opt(Integer i) {
        return i == null ? OptionalInt.empty() : OptionalInt.of(i);
    }
}
