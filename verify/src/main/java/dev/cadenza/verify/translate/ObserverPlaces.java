package dev.cadenza.verify.translate;

import dev.cadenza.petri.Arc;
import dev.cadenza.petri.PetriNet;
import dev.cadenza.petri.Place;
import dev.cadenza.petri.Transition;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Adds observer places to a translated net: a place that counts how often some transitions
 * fired ("c.t has started", "c.t has ended"). Observers only receive tokens, never guard
 * anything, so runs and times are those of the original net; markings gain counters, which for
 * straight-line programs are bounded (each behavior runs once per push).
 */
public final class ObserverPlaces {

    private final TranslatedNet base;
    private final List<Place> places = new ArrayList<>();
    private final List<Provenance> provenance = new ArrayList<>();
    private final List<Predicate<Provenance>> feeds = new ArrayList<>();

    public ObserverPlaces(TranslatedNet base) {
        this.base = base;
    }

    /** Adds a place fed by every transition whose provenance satisfies {@code feeds}; returns its index. */
    public int add(String name, String what, Predicate<Provenance> feeds) {
        int index = base.net().placeCount() + places.size();
        places.add(new Place("obs." + places.size() + "." + name, what, 0));
        provenance.add(new Provenance.Observer(what));
        this.feeds.add(feeds);
        return index;
    }

    /** "transition of instance has started at least once": fed by its starts (fused or not). */
    public int started(String instance, String transition) {
        return add(instance + "." + transition + ".started", instance + "." + transition + " started",
                p -> p instanceof Provenance.Start s && s.instance().equals(instance)
                        && s.transition().equals(transition));
    }

    /** "transition of instance has ended at least once". */
    public int ended(String instance, String transition) {
        return add(instance + "." + transition + ".ended", instance + "." + transition + " ended",
                p -> p instanceof Provenance.End e && e.instance().equals(instance)
                        && e.transition().equals(transition));
    }

    public TranslatedNet build() {
        PetriNet net = base.net();
        List<Place> allPlaces = new ArrayList<>(net.places());
        allPlaces.addAll(places);
        List<Transition> transitions = new ArrayList<>();
        for (int i = 0; i < net.transitionCount(); i++) {
            Transition t = net.transition(i);
            Provenance p = base.backMap().transition(i);
            List<Arc> out = new ArrayList<>(t.outputs());
            for (int k = 0; k < feeds.size(); k++) {
                if (feeds.get(k).test(p)) {
                    out.add(Arc.normal(net.placeCount() + k, 1));
                }
            }
            transitions.add(new Transition(t.name(), t.label(), t.interval(), t.inputs(), out));
        }
        return new TranslatedNet(base.subject(), new PetriNet(net.name(), allPlaces, transitions),
                base.backMap().withExtraPlaces(provenance));
    }
}
