package dev.cadenza.verify.execute;

import java.util.ArrayDeque;

/**
 * The policy of {@link RuntimeStateSpace}: every choice the runtime leaves open is a choice point
 * of a {@link ChoiceScript}, so that runs from one state with successive scripts make every
 * choice once — item orders of the sweep's phases (a permutation is a pick per place), thread
 * races ({@link #noticeNow}, {@link #noticeWhenForced}: notice or not) and, through
 * {@link ExplorerDriver}, whether a thread whose interval starts at 0 finishes at once. The order
 * of components in an iteration is the state space's own (it sweeps them one by one); when the
 * policy replays a path, it takes the recorded orders from a queue.
 *
 * <p>Two phases need no order when {@code reduce} is on, because every order gives the same
 * state (docs/verify.md, "The runtime's state space"): the end phase (each item reads only its
 * own thread and writes only its own transition's dock and its ports' user counts, which no item
 * of the phase reads) and the start phase when no port bound to a transition is a provide port
 * (each start reads whether its use ports are served — the providers' counts, which starts do not
 * change — and writes its own dock, thread and use ports' counts).
 */
final class ExplorerPolicy implements Policy {

    ChoiceScript script = new ChoiceScript();
    private final boolean reduceEnds;
    private final boolean reduceStarts;
    /** When replaying: the components' order of each iteration, by name. */
    ArrayDeque<String[]> componentOrders;

    /** Ties noticed as the default policies notice them: all at once after a quiet iteration. */
    private final boolean strictTies;

    ExplorerPolicy(boolean reduceEnds, boolean reduceStarts, boolean strictTies) {
        this.reduceEnds = reduceEnds;
        this.reduceStarts = reduceStarts;
        this.strictTies = strictTies;
    }

    @Override
    public long duration(TransitionChoice t) {
        throw new IllegalStateException("the state space's driver decides when threads finish");
    }

    @Override
    public void order(Phase phase, String instance, int[] items, int n, String[] names) {
        switch (phase) {
            case COMPONENTS -> {
                if (componentOrders == null) {
                    throw new IllegalStateException("the state space sweeps the components itself");
                }
                String[] wanted = componentOrders.poll();
                if (wanted == null || wanted.length != n) {
                    throw new IllegalStateException("a replayed iteration has other components than recorded");
                }
                int[] copy = java.util.Arrays.copyOf(items, n);
                for (int i = 0; i < n; i++) {
                    int found = -1;
                    for (int k = 0; k < n; k++) {
                        if (names[copy[k]].equals(wanted[i])) {
                            found = copy[k];
                        }
                    }
                    if (found < 0) {
                        throw new IllegalStateException("a replayed iteration has other components than recorded");
                    }
                    items[i] = found;
                }
            }
            case END -> {
                if (!reduceEnds) {
                    script.permute(items, n);
                }
            }
            case START -> {
                if (!reduceStarts) {
                    script.permute(items, n);
                }
            }
            default -> script.permute(items, n);
        }
    }

    @Override
    public boolean noticeNow(TransitionChoice t, boolean sameIteration, long now) {
        return script.choose(2) == 0;
    }

    @Override
    public boolean noticeWhenForced(TransitionChoice t, long now) {
        return strictTies || script.choose(2) == 0;
    }

    @Override
    public long step(long now, long min, long max) {
        if (max != 0) {
            throw new IllegalStateException("the state space counts no step cost");
        }
        return 0;
    }
}
