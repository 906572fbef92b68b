package dev.cadenza.verify.translate;

import dev.cadenza.core.model.TransitionDecl;
import dev.cadenza.verify.translate.NetDraft.TransitionDraft;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The behavior queue, unrolled: begin k consumes idle.(k-1) and push.k; complete k (Concerto's
 * {@code is_idle}) consumes act.k and beh.b and gives idle.k (see {@link ModelTranslator}).
 */
final class BehaviorQueue extends TranslationPart {

    BehaviorQueue(TranslationPart.State state) {
        super(state);
    }

    void behaviorQueue(InstanceNet c) {
        for (int k = 1; k <= c.pushes.size(); k++) {
            String b = c.pushes.get(k - 1);
            // with fusion, the first behavior begins in the program step of its pushB (nonBlockingStep)
            if (k > 1 || !options.fuse() || c.initializing >= 0) {
                d.transition(c.name + ".begin." + k, new Provenance.BeginBehavior(c.name, k, b), moves(1))
                        .consume(c.idle.get(k - 1)).consume(c.pushed.get(k - 1))
                        .produce(c.active.get(k - 1)).produce(c.beh.get(b));
            }
            TransitionDraft done = d.transition(c.name + ".complete." + k,
                    new Provenance.CompleteBehavior(c.name, k, b), moves(1))
                    .consume(c.active.get(k - 1)).consume(c.beh.get(b)).produce(c.idle.get(k));
            Map<String, Integer> visited = c.visited.getOrDefault(k, Map.of());
            for (TransitionDecl t : transitionsOf(c, b)) {
                done.inhibit(c.run.get(t.name()));
                addInhibit(done, c.od.get(t.name()));
                addInhibit(done, c.id.get(t.name()));
                if (!visited.containsKey(t.source())) {
                    done.inhibit(c.place.get(t.source()));
                }
            }
            // is_idle (component.py:699-716): a marked place counts only if not yet left in this
            // behavior; "P empty or P visited" is a disjunction, one copy of complete per choice
            List<TransitionDraft> copies = new ArrayList<>(List.of(done));
            d.transitions.remove(done);
            for (var e : visited.entrySet()) {
                List<TransitionDraft> next = new ArrayList<>();
                for (TransitionDraft x : copies) {
                    next.add(x.copy(x.name + ".no." + e.getKey()).inhibit(c.place.get(e.getKey())));
                    next.add(x.copy(x.name + ".left." + e.getKey()).read(e.getValue()));
                }
                copies = next;
            }
            if (visited.isEmpty()) {
                d.transitions.add(done);
            } else {
                d.transitions.addAll(copies);
            }
        }
    }

    private static void addInhibit(TransitionDraft t, Integer p) {
        if (p != null) {
            t.inhibit(p);
        }
    }
}
