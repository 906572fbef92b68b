package dev.cadenza.verify.translate;

import dev.cadenza.core.model.TransitionDecl;
import dev.cadenza.verify.translate.NetDraft.TransitionDraft;

import java.util.List;

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
                if (out.size() == 1 && !c.od.containsKey(only.name())) {
                    d.transition(c.name + "." + only.name() + ".start", new Provenance.Start(c.name, only.name(), true),
                                    zero())
                            .consume(c.place.get(p)).read(beh).produce(c.run.get(only.name()));
                    continue;
                }
                TransitionDraft leave = d.transition(c.name + ".leave." + p + "." + b,
                        new Provenance.Leave(c.name, p, b), zero()).consume(c.place.get(p)).read(beh);
                for (TransitionDecl t : out) {
                    leave.produce(c.od.get(t.name()));
                }
            }
            for (TransitionDecl t : transitionsOf(c, b)) {
                if (c.od.containsKey(t.name())) {
                    d.transition(c.name + "." + t.name() + ".start", new Provenance.Start(c.name, t.name(), false), zero())
                            .consume(c.od.get(t.name())).produce(c.run.get(t.name()));
                }
                boolean fused = !c.id.containsKey(t.name());
                d.transition(c.name + "." + t.name() + ".end", new Provenance.End(c.name, t.name(), fused), interval(t))
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
                            new Provenance.Enter(c.name, pd.name(), b), zero());
                    for (TransitionDecl t : set) {
                        enter.consume(c.id.get(t.name()));
                    }
                    enter.produce(c.place.get(pd.name()));
                }
            }
        }
    }
}
