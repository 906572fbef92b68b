package dev.cadenza.verify.calibrate;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One measured run, as calibration reads it: an id (a file, or the trace's run key), its total in
 * seconds (null when unknown), and the measured durations of each transition run, by
 * {@code instance.transition} (a transition may run several times).
 */
public record ObservedRun(String id, Double total, Map<String, List<Double>> durations) {

    public ObservedRun {
        Map<String, List<Double>> copy = new LinkedHashMap<>();
        durations.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        durations = Collections.unmodifiableMap(copy);
    }
}
