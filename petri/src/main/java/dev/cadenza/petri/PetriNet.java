package dev.cadenza.petri;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A (time) Petri net as read or built: immutable, places and transitions by index. Engines do
 * not walk this object; they compile it once into primitive arrays.
 */
public final class PetriNet {

    private final String name;
    private final List<Place> places;
    private final List<Transition> transitions;
    private final Map<String, Integer> placeIndex;
    private final Map<String, Integer> transitionIndex;

    public PetriNet(String name, List<Place> places, List<Transition> transitions) {
        this.name = name;
        this.places = List.copyOf(places);
        this.transitions = List.copyOf(transitions);
        this.placeIndex = index(this.places.stream().map(Place::name).toList(), "place");
        this.transitionIndex = index(this.transitions.stream().map(Transition::name).toList(), "transition");
        for (Transition t : this.transitions) {
            checkArcs(t, t.inputs());
            checkArcs(t, t.outputs());
        }
    }

    private static Map<String, Integer> index(List<String> names, String what) {
        Map<String, Integer> m = new HashMap<>(names.size() * 2);
        for (int i = 0; i < names.size(); i++) {
            if (m.putIfAbsent(names.get(i), i) != null) {
                throw new IllegalArgumentException("duplicate " + what + " name " + names.get(i));
            }
        }
        return Collections.unmodifiableMap(m);
    }

    private void checkArcs(Transition t, List<Arc> arcs) {
        for (Arc a : arcs) {
            if (a.place() >= places.size()) {
                throw new IllegalArgumentException("arc of " + t.name() + " to place index " + a.place()
                        + " of a net with " + places.size() + " places");
            }
        }
    }

    public String name() {
        return name;
    }

    public List<Place> places() {
        return places;
    }

    public List<Transition> transitions() {
        return transitions;
    }

    public int placeCount() {
        return places.size();
    }

    public int transitionCount() {
        return transitions.size();
    }

    public Place place(int i) {
        return places.get(i);
    }

    public Transition transition(int i) {
        return transitions.get(i);
    }

    /** Index of the place named {@code name}, or -1. */
    public int placeIndex(String name) {
        return placeIndex.getOrDefault(name, -1);
    }

    /** Index of the transition named {@code name}, or -1. */
    public int transitionIndex(String name) {
        return transitionIndex.getOrDefault(name, -1);
    }

    /** True when every transition has the interval [0, ∞[: the net is a plain P/T net. */
    public boolean isUntimed() {
        for (Transition t : transitions) {
            if (!t.interval().equals(TimeInterval.UNBOUNDED)) {
                return false;
            }
        }
        return true;
    }

    public long[] initialMarking() {
        long[] m = new long[places.size()];
        for (int i = 0; i < m.length; i++) {
            m[i] = places.get(i).initialTokens();
        }
        return m;
    }

    /** Nets are equal when their names, places and transitions (in order) are: what a round trip keeps. */
    @Override
    public boolean equals(Object o) {
        return o instanceof PetriNet n && java.util.Objects.equals(name, n.name)
                && places.equals(n.places) && transitions.equals(n.transitions);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(name, places, transitions);
    }

    @Override
    public String toString() {
        return "PetriNet[" + name + ", " + places.size() + " places, " + transitions.size() + " transitions]";
    }

    /** A builder that adds places and transitions by name, for readers and translators. */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    public static final class Builder {
        private final String name;
        private final List<Place> places = new ArrayList<>();
        private final List<Transition> transitions = new ArrayList<>();
        private final Map<String, Integer> placeIndex = new HashMap<>();

        private Builder(String name) {
            this.name = name;
        }

        /** Adds a place and returns its index. */
        public int place(String name, String label, long initialTokens) {
            if (placeIndex.containsKey(name)) {
                throw new IllegalArgumentException("duplicate place name " + name);
            }
            places.add(new Place(name, label, initialTokens));
            placeIndex.put(name, places.size() - 1);
            return places.size() - 1;
        }

        public int place(String name, long initialTokens) {
            return place(name, null, initialTokens);
        }

        /** Index of a place already added, or -1. */
        public int placeIndex(String name) {
            return placeIndex.getOrDefault(name, -1);
        }

        /** Adds a transition and returns its index. */
        public int transition(Transition t) {
            transitions.add(t);
            return transitions.size() - 1;
        }

        public int transition(String name, TimeInterval interval, List<Arc> inputs, List<Arc> outputs) {
            return transition(new Transition(name, null, interval, inputs, outputs));
        }

        public PetriNet build() {
            return new PetriNet(name, places, transitions);
        }
    }
}
