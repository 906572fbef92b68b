package dev.cadenza.verify.translate;

import dev.cadenza.core.model.TransitionDecl;
import dev.cadenza.verify.translate.NetDraft.TransitionDraft;

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
            if (k > 1 || !options.fuse()) {
                d.transition(c.name + ".begin." + k, new Provenance.BeginBehavior(c.name, k, b), zero())
                        .consume(c.idle.get(k - 1)).consume(c.pushed.get(k - 1))
                        .produce(c.active.get(k - 1)).produce(c.beh.get(b));
            }
            TransitionDraft done = d.transition(c.name + ".complete." + k,
                    new Provenance.CompleteBehavior(c.name, k, b), zero())
                    .consume(c.active.get(k - 1)).consume(c.beh.get(b)).produce(c.idle.get(k));
            for (TransitionDecl t : transitionsOf(c, b)) {
                done.inhibit(c.run.get(t.name()));
                addInhibit(done, c.od.get(t.name()));
                addInhibit(done, c.id.get(t.name()));
                done.inhibit(c.place.get(t.source()));
            }
        }
    }

    private static void addInhibit(TransitionDraft t, Integer p) {
        if (p != null) {
            t.inhibit(p);
        }
    }
}
