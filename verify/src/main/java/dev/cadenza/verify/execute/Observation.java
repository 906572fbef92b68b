package dev.cadenza.verify.execute;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What one exploration of the runtime's state space answered ({@link RuntimeStateSpace#observe}):
 * the finish times, and per predicate asked, in order, its search's answer — null for one the
 * exploration did not observe (the caller searches it alone).
 */
public record Observation(FinishTimes finishTimes, List<PredicateSearch> searches) {

    public Observation {
        searches = Collections.unmodifiableList(new ArrayList<>(searches));
    }
}
