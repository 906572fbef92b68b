package dev.cadenza.core.model;

import java.util.List;

/**
 * A named set of places; it also holds every transition whose two ends are in it. A group is
 * active while it holds a token.
 */
public record Group(String name, List<String> places, SourcePosition position) {
    public Group {
        places = List.copyOf(places);
    }
}
