package dev.cadenza.petri.ctl;

import java.util.List;

/**
 * A path of the marking graph that shows a CTL verdict: the markings visited ({@code states},
 * graph indices, the first the initial marking) and the transitions fired between them
 * ({@code transitions}, one fewer). {@code loopsTo} is the index in {@code states} the last
 * marking steps back to (the path then goes round forever), or -1; {@code deadEnd}: the last
 * marking is dead (a maximal path that stops).
 */
public record CtlPath(List<Integer> states, List<Integer> transitions, int loopsTo, int loopTransition,
                      boolean deadEnd) {

    public CtlPath {
        states = List.copyOf(states);
        transitions = List.copyOf(transitions);
    }

    public int last() {
        return states.get(states.size() - 1);
    }
}
