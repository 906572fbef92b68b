package dev.cadenza.verify.translate;

import dev.cadenza.core.model.Group;
import dev.cadenza.core.model.TransitionDecl;
import dev.cadenza.verify.translate.NetDraft.TransitionDraft;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Groups as the runtime counts them (component.py:891-900 on entering, 745-754 on leaving): a
 * group's count changes only when it activates (count 0, and the move adds tokens to the group)
 * or deactivates (the move would bring the count to 0). A move's change is the runtime's delta:
 * +1 for a group place entered, -1 for one left, -1 per input dock of an inner transition (both
 * ends in the group) consumed, +1 per output dock of an inner transition produced. Activation
 * always sets the count to 1 (an enter adds at most one token), and from 1 only a delta of -1
 * reaches 0, so the count is a flag: with two tokens inside, the first to leave deactivates the
 * group and the second leaves without effect.
 *
 * <p>So an enter with delta +1 (into a group place, from outside) is split into ".on" (flag
 * down: raise it; the group's use ports guard it, its provide ports become active) and ".in"
 * (flag up: nothing); a leave with delta -1 (from a group place, to outside only) into ".off"
 * (flag up: lower it; the group's provide ports lock it) and ".out" (flag down: nothing). Every
 * other move leaves the flag alone. Both copies of a split are [0,0] moves (ComponentPlaces
 * does not fuse an enter into a group with a timed end), so no clock is lost when the flag
 * changes under them.
 */
final class Groups extends TranslationPart {

    Groups(TranslationPart.State state) {
        super(state);
    }

    void split(InstanceNet c) {
        for (var e : c.groupActive.entrySet()) {
            Group g = c.type.group(e.getKey()).orElseThrow();
            int flag = e.getValue();
            Set<Integer> places = new LinkedHashSet<>();
            for (String p : g.places()) {
                places.add(c.place.get(p));
            }
            Set<Integer> counted = new LinkedHashSet<>(places);
            for (TransitionDecl t : usedTransitions(c)) {
                if (g.places().contains(t.source()) && g.places().contains(t.destination())) {
                    add(counted, c.od.get(t.name()));
                    add(counted, c.run.get(t.name()));
                    add(counted, c.id.get(t.name()));
                }
            }
            List<TransitionDraft> result = new ArrayList<>();
            for (TransitionDraft t : d.transitions) {
                long delta = 0;
                for (int p : counted) {
                    delta += t.delta(p);
                }
                boolean enters = false;
                boolean leaves = false;
                for (int p : places) {
                    enters |= t.delta(p) > 0;
                    leaves |= t.delta(p) < 0;
                }
                if (enters && delta > 0) {
                    result.add(t.copy(t.name + ".on." + g.name()).inhibit(flag).produce(flag));
                    result.add(t.copy(t.name + ".in." + g.name()).read(flag));
                } else if (leaves && delta < 0) {
                    result.add(t.copy(t.name + ".off." + g.name()).consume(flag));
                    result.add(t.copy(t.name + ".out." + g.name()).inhibit(flag));
                } else {
                    result.add(t);
                }
            }
            d.transitions.clear();
            d.transitions.addAll(result);
        }
    }

    private static void add(Set<Integer> s, Integer i) {
        if (i != null) {
            s.add(i);
        }
    }
}
