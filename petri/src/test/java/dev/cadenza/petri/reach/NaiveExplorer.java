package dev.cadenza.petri.reach;

import dev.cadenza.petri.Arc;
import dev.cadenza.petri.PetriNet;
import dev.cadenza.petri.Transition;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The marking graph the obvious way, straight from the net's arcs: markings as lists in a hash
 * map, breadth-first. Slow and plainly right; the reference for the real explorer.
 */
final class NaiveExplorer {

    final long markings;
    final long edges;
    final long dead;
    final long maxTokens;
    /** Depth of the shallowest dead marking, or -1. */
    final int deadDepth;
    /** False when the cap on markings was hit. */
    final boolean complete;
    /** Every marking found, with its depth. */
    final Map<List<Long>, Integer> reached;

    NaiveExplorer(PetriNet net, int cap) {
        Map<List<Long>, Integer> depth = new HashMap<>();
        ArrayDeque<List<Long>> queue = new ArrayDeque<>();
        List<Long> initial = toList(net.initialMarking());
        depth.put(initial, 0);
        queue.add(initial);
        long e = 0;
        long d = 0;
        long max = 0;
        int firstDead = -1;
        boolean full = true;
        while (!queue.isEmpty()) {
            List<Long> m = queue.poll();
            for (long tokens : m) {
                max = Math.max(max, tokens);
            }
            int fired = 0;
            for (Transition t : net.transitions()) {
                if (!enabled(t, m)) {
                    continue;
                }
                fired++;
                e++;
                List<Long> next = fire(t, m);
                if (!depth.containsKey(next)) {
                    if (depth.size() >= cap) {
                        full = false;
                        continue;
                    }
                    depth.put(next, depth.get(m) + 1);
                    queue.add(next);
                }
            }
            if (fired == 0) {
                d++;
                if (firstDead < 0) {
                    firstDead = depth.get(m);
                }
            }
        }
        markings = depth.size();
        edges = e;
        dead = d;
        maxTokens = max;
        deadDepth = firstDead;
        complete = full;
        reached = depth;
    }

    static boolean enabled(Transition t, List<Long> m) {
        for (Arc a : t.inputs()) {
            long tokens = m.get(a.place());
            boolean ok = switch (a.kind()) {
                case NORMAL, READ -> tokens >= a.weight();
                case INHIBITOR -> tokens < a.weight();
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    static List<Long> fire(Transition t, List<Long> m) {
        List<Long> next = new ArrayList<>(m);
        for (Arc a : t.inputs()) {
            if (a.kind() == dev.cadenza.petri.ArcKind.NORMAL) {
                next.set(a.place(), next.get(a.place()) - a.weight());
            }
        }
        for (Arc a : t.outputs()) {
            next.set(a.place(), next.get(a.place()) + a.weight());
        }
        return next;
    }

    static List<Long> toList(long[] m) {
        List<Long> l = new ArrayList<>(m.length);
        for (long v : m) {
            l.add(v);
        }
        return l;
    }
}
