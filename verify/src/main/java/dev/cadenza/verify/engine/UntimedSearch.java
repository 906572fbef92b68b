package dev.cadenza.verify.engine;

import dev.cadenza.petri.PetriNet;
import dev.cadenza.petri.limit.Budget;
import dev.cadenza.petri.query.Predicate;
import dev.cadenza.petri.reach.ExplorationStatistics;
import dev.cadenza.petri.reach.MarkingGraph;
import dev.cadenza.petri.reach.MarkingGraphExplorer;

/**
 * Reachability on the marking graph of a net read without time (every interval [0, ∞[), with
 * petri's stubborn sets and the symmetry of alike bundles unless switched off: a marking where the target holds is found exactly
 * when one is reachable (the stubborn sets keep every deadlock and every target marking). The
 * path found is a firing sequence of the full net.
 *
 * <p>Why it can answer for the timed net too: every run of a time Petri net is a firing sequence
 * of its untimed net (time only removes sequences), and "dead" is the same in both (a class with
 * an enabled transition always has a firable one). So a target unreachable untimed is
 * unreachable timed: an untimed "holds" of a safety question (no deadlock, no bad marking) holds
 * timed. A target reachable untimed says nothing about the timed net: then the timed engine
 * answers.
 */
public final class UntimedSearch {

    /** How verdicts name the untimed stage when it answered for the timed net. */
    public static final String STAGE = "untimed marking graph, stubborn sets";

    private UntimedSearch() {
    }

    /** {@code path}: the transitions to the first target marking found, null when none was. */
    public record Answer(int[] path, Statistics statistics) {

        public boolean found() {
            return path != null;
        }

        /** Proven: no marking of the net where the target holds is reachable. */
        public boolean unreachable() {
            return path == null && statistics.complete();
        }
    }

    /**
     * Searches {@code net} (read untimed) for a marking where {@code target} (over {@code #i}
     * names, {@link Targets}) holds, storing at most {@code cap} markings of the budget.
     */
    public static Answer reach(PetriNet net, Predicate target, Budget budget, boolean stubborn, long cap) {
        long t0 = System.currentTimeMillis();
        MarkingGraph g = new MarkingGraphExplorer(net).budget(budget).target(Targets.compile(target))
                .stubborn(stubborn).symmetric(stubborn).cap(cap).explore();
        ExplorationStatistics s = g.statistics();
        Statistics stats = new Statistics(s.markings(), s.edges(), s.limit(), System.currentTimeMillis() - t0);
        return new Answer(g.target().map(g::pathTo).orElse(null), stats);
    }
}
