package dev.cadenza.core.lang;

import dev.cadenza.core.model.PortRef;
import dev.cadenza.core.model.SourcePosition;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What validation knows while it runs a program: the components present (with their type, null
 * when it is unknown), those deleted, and the connections, keyed by use port since a use port
 * has at most one provider.
 */
final class ProgramState {

    record Link(PortRef provider, PortRef user, SourcePosition madeAt) {
    }

    final Map<String, String> present = new LinkedHashMap<>();
    final Map<String, SourcePosition> deletedAt = new HashMap<>();
    final Map<String, Link> links = new LinkedHashMap<>();
    /** Every component a program or its predecessors ever added, with its type: the names properties may use. */
    final Map<String, String> everAdded = new LinkedHashMap<>();

    ProgramState copy() {
        ProgramState s = new ProgramState();
        s.present.putAll(present);
        s.deletedAt.putAll(deletedAt);
        s.links.putAll(links);
        s.everAdded.putAll(everAdded);
        return s;
    }
}
