package dev.cadenza.verify.report;

import dev.cadenza.petri.Arc;
import dev.cadenza.petri.ArcKind;
import dev.cadenza.petri.PetriNet;
import dev.cadenza.petri.Transition;
import dev.cadenza.verify.engine.TimedRun;
import dev.cadenza.verify.translate.NetBackMap;
import dev.cadenza.verify.translate.Provenance;
import dev.cadenza.verify.translate.TranslatedNet;

import java.util.ArrayList;
import java.util.List;

/**
 * A timed run of a translated net told in model terms, one line per step the user cares about:
 * starts and ends of transitions, program instructions, behaviors beginning and completing, a
 * provider wanting to leave. Leave and enter moves are plumbing and left out, except an enter
 * that needed a port.
 */
public final class RunText {

    private RunText() {
    }

    public static List<String> lines(TimedRun run, TranslatedNet tn) {
        List<String> out = new ArrayList<>();
        NetBackMap map = tn.backMap();
        for (TimedRun.Step s : run.steps()) {
            Provenance p = map.transition(s.transition());
            String uses = uses(tn.net(), map, s.transition());
            boolean show = p instanceof Provenance.Start || p instanceof Provenance.End
                    || p instanceof Provenance.Execute || p instanceof Provenance.BeginBehavior
                    || p instanceof Provenance.CompleteBehavior || p instanceof Provenance.WantLeave
                    || (p instanceof Provenance.Enter && !uses.isEmpty());
            if (show) {
                out.add(String.format("t=%-8s %s%s", Times.format(s.time()), p.describe(), uses));
            }
        }
        return out;
    }

    /** {@code (uses s.ip)}: the connections a transition reads. */
    static String uses(PetriNet net, NetBackMap map, int transition) {
        Transition t = net.transition(transition);
        List<String> providers = new ArrayList<>();
        for (Arc a : t.inputs()) {
            if (a.kind() == ArcKind.READ && map.place(a.place()) instanceof Provenance.Connected c) {
                providers.add(c.provider());
            }
        }
        return providers.isEmpty() ? "" : " (uses " + String.join(", ", providers) + ")";
    }
}
