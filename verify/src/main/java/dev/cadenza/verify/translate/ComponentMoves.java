package dev.cadenza.verify.translate;

import dev.cadenza.core.model.TransitionDecl;
import dev.cadenza.verify.translate.NetDraft.TransitionDraft;

import java.util.List;
import java.util.Map;

/** The Madeus moves of one component: leave a place, start a transition, end it, enter a place (join sets). */
final class ComponentMoves extends TranslationPart {

    ComponentMoves(TranslationPart.State state) {
        super(state);
    }

    void componentMoves(InstanceNet c) {
        for (String b : c.behaviors) {
            int beh = c.beh.get(b);
            for (var pd : c.type.places()) {
                String p = pd.name();
                List<TransitionDecl> out = outgoing(c, p, b);
                if (out.isEmpty()) {
                    continue;
                }
                TransitionDecl only = out.get(0);
                TransitionDraft leave;
                if (out.size() == 1 && !c.od.containsKey(only.name())) {
                    leave = d.transition(c.name + "." + only.name() + ".start",
                                    new Provenance.Start(c.name, only.name(), true), moves(2))
                            .consume(c.place.get(p)).read(beh).produce(c.run.get(only.name()));
                } else {
                    leave = d.transition(c.name + ".leave." + p + "." + b,
                            new Provenance.Leave(c.name, p, b), moves(1)).consume(c.place.get(p)).read(beh);
                    for (TransitionDecl t : out) {
                        leave.produce(c.od.get(t.name()));
                    }
                }
                oncePerActivation(c, b, p, leave);
            }
            for (TransitionDecl t : transitionsOf(c, b)) {
                if (c.od.containsKey(t.name())) {
                    d.transition(c.name + "." + t.name() + ".start", new Provenance.Start(c.name, t.name(), false),
                                    moves(1))
                            .consume(c.od.get(t.name())).produce(c.run.get(t.name()));
                }
                boolean fused = !c.id.containsKey(t.name());
                d.transition(c.name + "." + t.name() + ".end", new Provenance.End(c.name, t.name(), fused),
                                interval(t, fused ? 2 : 1))
                        .consume(c.run.get(t.name()))
                        .produce(fused ? c.place.get(t.destination()) : c.id.get(t.name()));
            }
            for (var pd : c.type.places()) {
                List<List<TransitionDecl>> sets = joinSets(c, pd.name(), b);
                for (int k = 0; k < sets.size(); k++) {
                    List<TransitionDecl> set = sets.get(k);
                    if (set.size() == 1 && !c.id.containsKey(set.get(0).name())) {
                        continue; // fused into the end of its only transition
                    }
                    TransitionDraft enter = d.transition(c.name + ".enter." + pd.name() + "." + b
                                    + (sets.size() > 1 ? "." + (k + 1) : ""),
                            new Provenance.Enter(c.name, pd.name(), b), moves(1));
                    for (TransitionDecl t : set) {
                        enter.consume(c.id.get(t.name()));
                    }
                    // a place holds one token (act_places is a set, component.py:864): the docks wait
                    enter.produce(c.place.get(pd.name())).inhibit(c.place.get(pd.name()));
                }
            }
        }
        if (c.initializing >= 0) {
            // add enters the initial place through the internal _init behavior (component.py:656-665),
            // so the use ports bound there guard it like any enter (PortsAndLocks.useGuards)
            String initial = c.type.initialPlace();
            d.transition(c.name + ".enter." + initial + "._init", new Provenance.Enter(c.name, initial, "_init"),
                            moves(1))
                    .consume(c.initializing).produce(c.place.get(initial)).produce(c.idle.get(0));
        }
    }

    /**
     * A place is left at most once per behavior (visited_places, component.py:727-728, 776). Only
     * a place on a cycle of b can be entered again in the same activation, so only its leave is
     * split, one copy per push k of b: it reads act.k and sets the flag "left in push k", which
     * bars a second leave (the behavior then stops there, see BehaviorQueue).
     */
    private void oncePerActivation(InstanceNet c, String b, String p, TransitionDraft leave) {
        boolean any = false;
        for (int k = 1; k <= c.pushes.size(); k++) {
            Integer v = c.visited.getOrDefault(k, Map.of()).get(p);
            if (v == null || !c.pushes.get(k - 1).equals(b)) {
                continue;
            }
            any = true;
            d.transitions.add(leave.copy(leave.name + "." + k).read(c.active.get(k - 1)).inhibit(v).produce(v));
        }
        if (any) {
            d.transitions.remove(leave);
        }
    }
}
