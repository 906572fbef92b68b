package dev.cadenza.core.model;

import java.util.List;

/**
 * What a port is bound to inside its component. The three forms of the Madeus and Concerto papers.
 */
public sealed interface PortBinding {

    /**
     * {@code at p, g}: places or groups. A provide port is active while the component is in one
     * of them; a use port is in use while the component is in one of them.
     */
    record At(List<String> placesOrGroups) implements PortBinding {
        public At {
            placesOrGroups = List.copyOf(placesOrGroups);
        }
    }

    /**
     * {@code from p}: a provide port active from the first time p is reached, forever (the
     * Madeus journal's "reached places"; a group of every place reachable from p).
     */
    record From(String place) implements PortBinding {
    }

    /** {@code by t1, t2}: a use port needed by these transitions to start. */
    record By(List<String> transitions) implements PortBinding {
        public By {
            transitions = List.copyOf(transitions);
        }
    }
}
