package dev.cadenza.core.model;

import java.util.List;

/** A named target configuration (MADA's add_deployment): where each listed instance ends. */
public record Deployment(String name, List<DeploymentEntry> entries, SourcePosition position) {
    public Deployment {
        entries = List.copyOf(entries);
    }
}
