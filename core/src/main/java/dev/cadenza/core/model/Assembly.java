package dev.cadenza.core.model;

import java.util.List;

/**
 * A Madeus assembly: instances and connections, every component deployed with one behavior
 * (its first). Equivalent to the program {@code add all; con all; pushB(each, first); waitAll}.
 */
public record Assembly(String name, List<Instance> instances, List<Connection> connections,
                       SourcePosition position) {
    public Assembly {
        instances = List.copyOf(instances);
        connections = List.copyOf(connections);
    }
}
