package dev.cadenza.verify.bounds;

import dev.cadenza.petri.Arc;
import dev.cadenza.petri.ArcKind;
import dev.cadenza.petri.PetriNet;
import dev.cadenza.petri.Transition;
import dev.cadenza.verify.engine.TimedRun;
import dev.cadenza.verify.translate.Provenance;
import dev.cadenza.verify.translate.TranslatedNet;
import org.apache.commons.math3.fraction.BigFraction;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The chain of steps that makes a run as long as it is: from the last step, walk back through
 * what enabled each step — for every place it consumes or reads, the last earlier step that put
 * a token there; for every inhibitor place, the last earlier step that took one away (a lock
 * released) — and follow the latest of them (the one that enabled it last). On the slowest run
 * this is the critical path: shortening any other step does not shorten the run. Reported as the
 * model transitions whose ends lie on the chain, with their start and end times.
 */
public final class CriticalPath {

    private CriticalPath() {
    }

    public record Step(String instance, String transition, BigFraction start, BigFraction end) {
        @Override
        public String toString() {
            return instance + "." + transition;
        }
    }

    public static List<Step> of(TimedRun run, TranslatedNet tn) {
        PetriNet net = tn.net();
        List<TimedRun.Step> steps = run.steps();
        List<Integer> chain = new ArrayList<>();
        int i = steps.size() - 1;
        while (i >= 0) {
            chain.add(i);
            Transition t = net.transition(steps.get(i).transition());
            int cause = -1;
            for (Arc a : t.inputs()) {
                int j = a.kind() == ArcKind.INHIBITOR ? lastTaking(net, steps, a.place(), i)
                        : lastGiving(net, steps, a.place(), i);
                if (j > cause) {
                    cause = j;
                }
            }
            i = cause;
        }
        Collections.reverse(chain);
        List<Step> out = new ArrayList<>();
        for (int k : chain) {
            Provenance p = tn.backMap().transition(steps.get(k).transition());
            if (p instanceof Provenance.End e) {
                BigFraction end = steps.get(k).time();
                out.add(new Step(e.instance(), e.transition(), startOf(tn, steps, k, e), end));
            }
        }
        return out;
    }

    private static BigFraction startOf(TranslatedNet tn, List<TimedRun.Step> steps, int endIndex, Provenance.End e) {
        for (int k = endIndex - 1; k >= 0; k--) {
            if (tn.backMap().transition(steps.get(k).transition()) instanceof Provenance.Start s
                    && s.instance().equals(e.instance()) && s.transition().equals(e.transition())) {
                return steps.get(k).time();
            }
        }
        return BigFraction.ZERO;
    }

    /** The last step before {@code before} that times: ties go to the later index (same instant). */
    private static int lastGiving(PetriNet net, List<TimedRun.Step> steps, int place, int before) {
        for (int j = before - 1; j >= 0; j--) {
            if (delta(net.transition(steps.get(j).transition()), place) > 0) {
                return j;
            }
        }
        return -1;
    }

    private static int lastTaking(PetriNet net, List<TimedRun.Step> steps, int place, int before) {
        for (int j = before - 1; j >= 0; j--) {
            if (delta(net.transition(steps.get(j).transition()), place) < 0) {
                return j;
            }
        }
        return -1;
    }

    private static long delta(Transition t, int place) {
        long d = 0;
        for (Arc a : t.outputs()) {
            if (a.place() == place) {
                d += a.weight();
            }
        }
        for (Arc a : t.inputs()) {
            if (a.place() == place && a.kind() == ArcKind.NORMAL) {
                d -= a.weight();
            }
        }
        return d;
    }
}
