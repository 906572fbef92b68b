package dev.cadenza.verify.property;

import java.util.ArrayList;
import java.util.List;

/**
 * Why a property is violated, in model terms: a summary, the timed run that shows it
 * ({@code t=5  c.configure starts (uses s.ip)}), and, for a deadlock, what each blocked step
 * waits for.
 */
public record Counterexample(String summary, List<String> trace, List<String> blocked) {

    public Counterexample {
        trace = List.copyOf(trace);
        blocked = List.copyOf(blocked);
    }

    public List<String> lines() {
        List<String> out = new ArrayList<>();
        out.add(summary);
        trace.forEach(l -> out.add("  " + l));
        if (!blocked.isEmpty()) {
            out.add("blocked:");
            blocked.forEach(l -> out.add("  " + l));
        }
        return out;
    }
}
