package dev.cadenza.verify.property;

import dev.cadenza.verify.engine.MarkingTest;
import dev.cadenza.verify.engine.StateGraph;

/** Graph searches shared by the properties. */
final class Search {

    private Search() {
    }

    /** The first state (in exploration order) satisfying {@code p}, or -1. */
    static int find(StateGraph g, MarkingTest p) {
        for (int s = 0; s < g.size(); s++) {
            if (p.test(g.marking(s), g.dead(s))) {
                return s;
            }
        }
        return -1;
    }

    /** A run that avoids the goal forever ends in {@code state}: dead there, or looping back to it. */
    record Escape(int state, boolean loops) {
    }

    /**
     * AF goal on the explored graph: a maximal run avoiding the goal is a path through non-goal
     * states that ends in a dead non-goal state, or that reaches a cycle of non-goal states.
     * Returns such an escape, or null when every maximal run meets the goal. Iterative DFS with
     * colours over non-goal states reachable through non-goal states (a grey successor closes a
     * cycle).
     */
    static Escape escape(StateGraph g, MarkingTest goal) {
        int n = g.size();
        byte[] colour = new byte[n];
        boolean[] isGoal = new boolean[n];
        for (int s = 0; s < n; s++) {
            isGoal[s] = goal.test(g.marking(s), g.dead(s));
        }
        if (isGoal[0]) {
            return null;
        }
        int[] stack = new int[n + 1];
        int[] next = new int[n + 1];
        int top = 0;
        stack[0] = 0;
        next[0] = 0;
        colour[0] = 1;
        while (top >= 0) {
            int s = stack[top];
            if (next[top] == 0 && g.dead(s)) {
                return new Escape(s, false);
            }
            int[] succ = g.successors(s);
            if (next[top] < succ.length) {
                int t = succ[next[top]++];
                if (isGoal[t]) {
                    continue;
                }
                if (colour[t] == 1) {
                    return new Escape(t, true);
                }
                if (colour[t] == 0) {
                    colour[t] = 1;
                    top++;
                    stack[top] = t;
                    next[top] = 0;
                }
            } else {
                colour[s] = 2;
                top--;
            }
        }
        return null;
    }
}
