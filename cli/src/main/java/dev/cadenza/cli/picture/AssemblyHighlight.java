package dev.cadenza.cli.picture;

import java.util.Map;
import java.util.Set;

/**
 * A state to show on an assembly picture, per instance name: the places that hold a token, the
 * transitions running, the ports blocked (a use port not served, a provide port locked or
 * refusing). Verification fills it from a counterexample's or witness's last state.
 */
public record AssemblyHighlight(Map<String, Set<String>> markedPlaces,
                                Map<String, Set<String>> runningTransitions,
                                Map<String, Set<String>> blockedPorts) {

    /** Nothing highlighted: the plain picture. */
    public static final AssemblyHighlight NONE = new AssemblyHighlight(Map.of(), Map.of(), Map.of());

    public AssemblyHighlight {
        markedPlaces = copy(markedPlaces);
        runningTransitions = copy(runningTransitions);
        blockedPorts = copy(blockedPorts);
    }

    private static Map<String, Set<String>> copy(Map<String, Set<String>> m) {
        return m.entrySet().stream().collect(java.util.stream.Collectors.toUnmodifiableMap(
                Map.Entry::getKey, e -> Set.copyOf(e.getValue())));
    }

    public boolean isMarked(String instance, String place) {
        return markedPlaces.getOrDefault(instance, Set.of()).contains(place);
    }

    public boolean isRunning(String instance, String transition) {
        return runningTransitions.getOrDefault(instance, Set.of()).contains(transition);
    }

    public boolean isBlocked(String instance, String port) {
        return blockedPorts.getOrDefault(instance, Set.of()).contains(port);
    }

    public boolean isEmpty() {
        return markedPlaces.isEmpty() && runningTransitions.isEmpty() && blockedPorts.isEmpty();
    }
}
