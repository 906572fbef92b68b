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

    /** One reason a step cannot happen, with the ports ("s.service") it names, if any. */
    private record Why(String text, List<String> ports) {
    }

    public static List<String> in(long[] marking, TranslatedNet tn) {
        List<String> out = new ArrayList<>();
        analyse(marking, tn).forEach((p, why) -> out.add(p.describe() + ": "
                + String.join("; ", why.stream().map(Why::text).toList())));
        return out;
    }

    /**
     * The ports named by what blocks each step, once per port (the first step's reason): a
     * provide port a user waits for, a use port whose use locks its provider, a port refusing.
     */
    public static List<ModelState.BlockedPort> ports(long[] marking, TranslatedNet tn) {
        Map<String, ModelState.BlockedPort> out = new LinkedHashMap<>();
        analyse(marking, tn).forEach((p, whys) -> {
            for (Why w : whys) {
                for (String port : w.ports()) {
                    int dot = port.lastIndexOf('.');
                    if (dot > 0) {
                        out.putIfAbsent(port, new ModelState.BlockedPort(port.substring(0, dot),
                                port.substring(dot + 1), p.describe() + ": " + w.text()));
                    }
                }
            }
        });
        return new ArrayList<>(out.values());
    }

    private static List<String> split(String ports) {
        return ports == null ? List.of() : List.of(ports.split(",\\s*"));
    }

    private static Map<Provenance, List<Why>> analyse(long[] marking, TranslatedNet tn) {
        PetriNet net = tn.net();
        NetBackMap map = tn.backMap();
        Map<Provenance, List<Why>> best = new LinkedHashMap<>();
        for (int i = 0; i < net.transitionCount(); i++) {
            Provenance p = map.transition(i);
            if (p instanceof Provenance.CompleteBehavior) {
                continue;
            }
            Transition t = net.transition(i);
            boolean tokens = true;
            List<Why> missing = new ArrayList<>();
            for (Arc a : t.inputs()) {
                long m = marking[a.place()];
                Provenance q = map.place(a.place());
                if (a.kind() == ArcKind.NORMAL && m < a.weight()) {
                    if (q instanceof Provenance.PortRefusing r) {
                        missing.add(new Why("waits for " + q.describe(), List.of(r.instance() + "." + r.port())));
                    } else if (q instanceof Provenance.PortActivity r) {
                        missing.add(new Why("waits for " + q.describe(), List.of(r.instance() + "." + r.port())));
                    } else {
                        tokens = false;
                    }
                } else if (a.kind() == ArcKind.READ && m < a.weight()) {
                    String port = map.providePortsAt(a.place());
                    List<String> named = port != null ? split(port)
                            : q instanceof Provenance.Connected c ? List.of(c.provider(), c.user()) : List.of();
                    missing.add(new Why(port != null ? "waits for use port's provider " + port + " to be active ("
                            + q.describe() + " is not)" : "waits for " + q.describe(), named));
                } else if (a.kind() == ArcKind.INHIBITOR && m >= a.weight()) {
                    String user = map.usePortsAt(a.place());
                    missing.add(new Why(user != null && !(p instanceof Provenance.Execute)
                            ? "locked: use port " + user + " is using it (" + q.describe() + ")"
                            : user != null ? "waits until " + user + " is no longer in use"
                            : "blocked while " + q.describe(), split(user)));
                }
            }
            if (!tokens || missing.isEmpty()) {
                continue;
            }
            List<Why> prev = best.get(p);
            if (prev == null || missing.size() < prev.size()) {
                best.put(p, missing);
            }
        }
        return best;
    }
}
