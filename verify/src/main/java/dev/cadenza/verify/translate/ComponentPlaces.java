package dev.cadenza.verify.translate;

import dev.cadenza.core.model.Behavior;
import dev.cadenza.core.model.ComponentType;
import dev.cadenza.core.model.Port;
import dev.cadenza.core.model.PortBinding;
import dev.cadenza.core.model.PortDirection;
import dev.cadenza.core.model.PortKind;
import dev.cadenza.core.model.TransitionDecl;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The net places of one component: its places, run places, the docks that fusion keeps, the
 * behavior queue's places; and the fusion decisions (see {@link ModelTranslator}).
 */
final class ComponentPlaces extends TranslationPart {

    ComponentPlaces(TranslationPart.State state) {
        super(state);
    }

    void componentPlaces(InstanceNet c) {
        for (var p : c.type.places()) {
            c.place.put(p.name(), d.place(c.name + "." + p.name(), new Provenance.InPlace(c.name, p.name()), 0));
        }
        // every transition gets its run place, also those of behaviors never pushed (never marked),
        // so that "c.t running" always resolves
        for (Behavior b : c.type.behaviors()) {
            for (TransitionDecl t : b.transitions()) {
                c.run.put(t.name(), d.place(c.name + "." + t.name() + ".run",
                        new Provenance.Running(c.name, t.name()), 0));
            }
        }
        for (TransitionDecl t : usedTransitions(c)) {
            String behavior = c.type.behaviorOf(t.name()).orElseThrow().name();
            if (!fuseLeave(c, t, behavior)) {
                c.od.put(t.name(), d.place(c.name + "." + t.name() + ".od",
                        new Provenance.OutputDock(c.name, t.name()), 0));
            }
            if (!fuseEnd(c, t, behavior)) {
                c.id.put(t.name(), d.place(c.name + "." + t.name() + ".id",
                        new Provenance.InputDock(c.name, t.name()), 0));
            }
        }
        for (String g : boundGroups(c.type)) {
            c.groupActive.put(g, d.place(c.name + "." + g + ".active", new Provenance.GroupActive(c.name, g), 0));
        }
        // Concerto-D: an instance is active until _init has entered its initial place (component.py
        // :656-665), and two things may observe that instant there: a del right after the add fails
        // (HEAD assembly.py:273-287), and the process may end with its program before (the last
        // instruction returns, HEAD assembly.py:399-418): then _init's enter is a step of its own.
        // Otherwise only wait and waitAll see it, which wait for it (zero time): as centralized.
        if (c.initObserved || initialGuarded(c.type) || initialInBoundGroup(c.type)) {
            c.initializing = d.place(c.name + ".init", new Provenance.Initializing(c.name), 0);
        }
        for (int k = 1; k <= c.pushes.size(); k++) {
            String b = c.pushes.get(k - 1);
            for (String p : cyclePlaces(c, b)) {
                c.visited.computeIfAbsent(k, x -> new java.util.LinkedHashMap<>()).put(p,
                        d.place(c.name + "." + p + ".visited." + k, new Provenance.Visited(c.name, p, k), 0));
            }
        }
        for (String b : c.behaviors) {
            c.beh.put(b, d.place(c.name + ".beh." + b, new Provenance.BehaviorActive(c.name, b), 0));
        }
        for (int k = 0; k <= c.pushes.size(); k++) {
            c.idle.add(d.place(c.name + ".idle." + k, new Provenance.Idle(c.name, k), 0));
        }
        for (int k = 1; k <= c.pushes.size(); k++) {
            String b = c.pushes.get(k - 1);
            c.pushed.add(d.place(c.name + ".push." + k, new Provenance.Pushed(c.name, k, b), 0));
            c.active.add(d.place(c.name + ".act." + k, new Provenance.QueueActive(c.name, k, b), 0));
        }
    }

    /** The runtime's _init enters the initial place like any enter; a group holding it must see that enter. */
    private static boolean initialInBoundGroup(ComponentType type) {
        for (String g : boundGroups(type)) {
            if (type.group(g).orElseThrow().places().contains(type.initialPlace())) {
                return true;
            }
        }
        return false;
    }

    /** True when the start of t is guarded by a use port bound {@code by} it. */
    private boolean startGuarded(InstanceNet c, TransitionDecl t) {
        for (Port p : c.type.ports()) {
            if (p.direction() == PortDirection.USE && p.binding() instanceof PortBinding.By by
                    && by.transitions().contains(t.name())) {
                return true;
            }
        }
        return false;
    }

    private boolean fuseLeave(InstanceNet c, TransitionDecl t, String behavior) {
        return options.fuse() && outgoing(c, t.source(), behavior).size() == 1 && !startGuarded(c, t);
    }

    private boolean fuseEnd(InstanceNet c, TransitionDecl t, String behavior) {
        if (!options.fuse()) {
            return false;
        }
        List<List<TransitionDecl>> sets = joinSets(c, t.destination(), behavior);
        if (sets.size() != 1 || sets.get(0).size() != 1 || sets.get(0).get(0) != t) {
            return false;
        }
        // One token per place (act_places is a set, component.py:864): entering a marked place
        // waits, an inhibitor arc on the enter. Moved onto a timed end it would reset the end's
        // clock, so fuse only when the destination cannot be marked when t ends: t is the only way
        // into it among the behaviors pushed on c, it is not the initial place, and t's behavior
        // is pushed at most once (t starts at most once per activation: its source is left once).
        if (t.destination().equals(c.type.initialPlace()) || pushCount(c, behavior) > 1) {
            return false;
        }
        for (TransitionDecl u : usedTransitions(c)) {
            if (u != t && u.destination().equals(t.destination())) {
                return false;
            }
        }
        // Entering a group from outside may activate it: the enter is split on the group's flag,
        // which another token may change while t runs (see Groups); keep such enters apart.
        for (String g : boundGroups(c.type)) {
            var places = c.type.group(g).orElseThrow().places();
            if (places.contains(t.destination()) && !places.contains(t.source())) {
                return false;
            }
        }
        for (Port p : c.type.ports()) {
            // Concerto-D: entering a place bound to a provide port clears its refusing state (HEAD
            // component.py:1005-1007): the enter is split on that flag, which the provider's own
            // attempts to leave other places may raise while t runs; keep such enters apart
            if (refusable(c, p) && boundPlaces(c.type, p.binding()).contains(t.destination())) {
                return false;
            }
            boolean guardsEntry = p.direction() == PortDirection.USE && p.binding() instanceof PortBinding.At;
            boolean setsFlag = p.direction() == PortDirection.PROVIDE
                    && (p.kind() == PortKind.DATA || p.binding() instanceof PortBinding.From);
            Set<String> bound = boundPlaces(c.type, p.binding());
            if (guardsEntry && bound.contains(t.destination())) {
                return false;
            }
            // Entering a flag's places splits the entering transition in a "first" and an "again"
            // copy. On a timed end that is sound only if the flag cannot change while t runs:
            // t must be the only transition of the type that enters those places.
            if (setsFlag && bound.contains(t.destination()) && !onlyEntry(c.type, t, bound)) {
                return false;
            }
        }
        return true;
    }

    private static boolean onlyEntry(ComponentType type, TransitionDecl t, Set<String> places) {
        for (Behavior b : type.behaviors()) {
            for (TransitionDecl u : b.transitions()) {
                if (u != t && places.contains(u.destination()) && !places.contains(u.source())) {
                    return false;
                }
            }
        }
        return !places.contains(t.source());
    }

    /** The component places a port's binding names (group places included). */
    static Set<String> boundPlaces(ComponentType type, PortBinding binding) {
        Set<String> out = new LinkedHashSet<>();
        if (binding instanceof PortBinding.At at) {
            for (String n : at.placesOrGroups()) {
                var g = type.group(n);
                if (g.isPresent()) {
                    out.addAll(g.get().places());
                } else {
                    out.add(n);
                }
            }
        } else if (binding instanceof PortBinding.From from) {
            out.add(from.place());
        }
        return out;
    }

}
