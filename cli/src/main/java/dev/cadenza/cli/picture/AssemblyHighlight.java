package dev.cadenza.cli.picture;

import java.util.Map;
import java.util.Set;

/**
 * What to show on an assembly picture, per instance name: the places that hold a token, the
 * transitions running, the ports blocked (a use port not served, a provide port locked or
 * refusing) — a counterexample's or witness's last state — and the transitions on a critical
 * path (of the slowest run).
 */
public record AssemblyHighlight(Map<String, Set<String>> markedPlaces,
                                Map<String, Set<String>> runningTransitions,
                                Map<String, Set<String>> blockedPorts,
                                Map<String, Set<String>> criticalTransitions) {

    /** Nothing highlighted: the plain picture. */
    public static final AssemblyHighlight NONE = new AssemblyHighlight(Map.of(), Map.of(), Map.of(), Map.of());

    /** A state, no critical path. */
    public AssemblyHighlight(Map<String, Set<String>> markedPlaces, Map<String, Set<String>> runningTransitions,
                             Map<String, Set<String>> blockedPorts) {
        this(markedPlaces, runningTransitions, blockedPorts, Map.of());
    }

    /** The critical path only: transitions named {@code instance.transition}. */
    public static AssemblyHighlight critical(Iterable<String> transitions) {
        Map<String, Set<String>> m = new java.util.LinkedHashMap<>();
        for (String t : transitions) {
            int dot = t.lastIndexOf('.');
            if (dot > 0) {
                m.computeIfAbsent(t.substring(0, dot), k -> new java.util.LinkedHashSet<>()).add(t.substring(dot + 1));
            }
        }
        return new AssemblyHighlight(Map.of(), Map.of(), Map.of(), m);
    }

    public AssemblyHighlight {
        markedPlaces = copy(markedPlaces);
        runningTransitions = copy(runningTransitions);
        blockedPorts = copy(blockedPorts);
        criticalTransitions = copy(criticalTransitions);
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

    public boolean isCritical(String instance, String transition) {
        return criticalTransitions.getOrDefault(instance, Set.of()).contains(transition);
    }

    /** Whether a state is shown (marked places, running transitions, blocked ports). */
    public boolean showsState() {
        return !markedPlaces.isEmpty() || !runningTransitions.isEmpty() || !blockedPorts.isEmpty();
    }

    public boolean isEmpty() {
        return !showsState() && criticalTransitions.isEmpty();
    }
}
