package dev.cadenza.petri.reach;

/**
 * Which transitions a marking must test. Every transition that needs a token somewhere is filed
 * under one such place, its <em>guard</em>: it can only be enabled where its guard is marked, so
 * a state tests the transitions of its marked places only, and nets with a thousand transitions
 * and a few dozen marked places stay cheap. Any place the transition tests is a correct guard;
 * the best is the one least often marked. Before exploring, that is guessed from the initial
 * marking (fewest tokens); the explorer then re-files the transitions by how often each place
 * was marked in the first markings it expanded.
 */
final class GuardIndex {

    /** Transitions filed under place p: {@code guarded[start[p] .. start[p + 1])}. */
    final int[] start;
    final int[] guarded;
    /** Transitions that need no token at all: tested in every marking. */
    final int[] unguarded;

    private GuardIndex(int[] start, int[] guarded, int[] unguarded) {
        this.start = start;
        this.guarded = guarded;
        this.unguarded = unguarded;
    }

    /** Guards chosen by the initial marking: the tested place with the fewest tokens. */
    static GuardIndex initial(CompiledNet net) {
        return of(net, net.initial);
    }

    /**
     * Guards chosen by {@code weight}: for each transition the tested place of least weight
     * (ties: the fewest initial tokens, then the lowest index).
     */
    static GuardIndex of(CompiledNet net, long[] weight) {
        int[] guardOf = new int[net.transitions];
        int free = 0;
        int[] start = new int[net.places + 1];
        for (int t = 0; t < net.transitions; t++) {
            int guard = -1;
            for (int i = net.testStart[t]; i < net.testStart[t + 1]; i++) {
                int p = net.testPlace[i];
                if (guard < 0 || weight[p] < weight[guard]
                        || weight[p] == weight[guard] && net.initial[p] < net.initial[guard]) {
                    guard = p;
                }
            }
            guardOf[t] = guard;
            if (guard < 0) {
                free++;
            } else {
                start[guard + 1]++;
            }
        }
        for (int p = 0; p < net.places; p++) {
            start[p + 1] += start[p];
        }
        int[] guarded = new int[start[net.places]];
        int[] unguarded = new int[free];
        int[] fill = start.clone();
        int u = 0;
        for (int t = 0; t < net.transitions; t++) {
            if (guardOf[t] < 0) {
                unguarded[u++] = t;
            } else {
                guarded[fill[guardOf[t]]++] = t;
            }
        }
        return new GuardIndex(start, guarded, unguarded);
    }
}
