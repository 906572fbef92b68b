package dev.cadenza.verify.report;

import dev.cadenza.petri.Arc;
import dev.cadenza.petri.ArcKind;
import dev.cadenza.petri.PetriNet;
import dev.cadenza.petri.Transition;
import dev.cadenza.verify.translate.NetBackMap;
import dev.cadenza.verify.translate.Provenance;
import dev.cadenza.verify.translate.TranslatedNet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What each step waits for in a dead marking, in model terms. A step is blocked (rather than
 * simply not due) when every token it would consume is there but a read arc is unsatisfied
 * ("waits for s.running", "waits for s.service connected to c.server") or an inhibitor arc is
 * ("locked: c.running", "s.service refusing new users"). Copies of one model step (split per
 * provider or per flag) are reported once, by the copy that misses the fewest conditions.
 * Behavior completions are left out: they are blocked by the steps reported.
 */
public final class BlockedSteps {

    private BlockedSteps() {
    }

    public static List<String> in(long[] marking, TranslatedNet tn) {
        PetriNet net = tn.net();
        NetBackMap map = tn.backMap();
        Map<Provenance, List<String>> best = new LinkedHashMap<>();
        for (int i = 0; i < net.transitionCount(); i++) {
            Provenance p = map.transition(i);
            if (p instanceof Provenance.CompleteBehavior) {
                continue;
            }
            Transition t = net.transition(i);
            boolean tokens = true;
            List<String> missing = new ArrayList<>();
            for (Arc a : t.inputs()) {
                long m = marking[a.place()];
                Provenance q = map.place(a.place());
                if (a.kind() == ArcKind.NORMAL && m < a.weight()) {
                    if (q instanceof Provenance.PortRefusing || q instanceof Provenance.PortActivity) {
                        missing.add("waits for " + q.describe());
                    } else {
                        tokens = false;
                    }
                } else if (a.kind() == ArcKind.READ && m < a.weight()) {
                    String port = map.providePortsAt(a.place());
                    missing.add(port != null ? "waits for use port's provider " + port + " to be active ("
                            + q.describe() + " is not)" : "waits for " + q.describe());
                } else if (a.kind() == ArcKind.INHIBITOR && m >= a.weight()) {
                    String user = map.usePortsAt(a.place());
                    missing.add(user != null && !(p instanceof Provenance.Execute)
                            ? "locked: use port " + user + " is using it (" + q.describe() + ")"
                            : user != null ? "waits until " + user + " is no longer in use"
                            : "blocked while " + q.describe());
                }
            }
            if (!tokens || missing.isEmpty()) {
                continue;
            }
            List<String> prev = best.get(p);
            if (prev == null || missing.size() < prev.size()) {
                best.put(p, missing);
            }
        }
        List<String> out = new ArrayList<>();
        best.forEach((p, why) -> out.add(p.describe() + ": " + String.join("; ", why)));
        return out;
    }
}
