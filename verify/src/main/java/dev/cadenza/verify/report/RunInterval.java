package dev.cadenza.verify.report;

import dev.cadenza.verify.engine.TimedRun;
import dev.cadenza.verify.translate.Provenance;
import dev.cadenza.verify.translate.TranslatedNet;
import org.apache.commons.math3.fraction.BigFraction;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * When a component transition ran in one timed run: from its start to its end, seconds from the
 * beginning; {@code end} is null when it is still running where the run stops.
 */
public record RunInterval(String instance, String transition, BigFraction start, BigFraction end) {

    /** The run's schedule, by start time (then by name): every start matched with its end. */
    public static List<RunInterval> of(TimedRun run, TranslatedNet tn) {
        List<RunInterval> out = new ArrayList<>();
        if (run == null) {
            return out;
        }
        Map<String, BigFraction> started = new LinkedHashMap<>();
        for (TimedRun.Step s : run.steps()) {
            Provenance p = tn.backMap().transition(s.transition());
            if (p instanceof Provenance.Start st) {
                started.putIfAbsent(st.instance() + "\u0000" + st.transition(), s.time());
            } else if (p instanceof Provenance.End e) {
                BigFraction start = started.remove(e.instance() + "\u0000" + e.transition());
                if (start != null) {
                    out.add(new RunInterval(e.instance(), e.transition(), start, s.time()));
                }
            }
        }
        started.forEach((key, start) -> {
            String[] it = key.split("\u0000", 2);
            out.add(new RunInterval(it[0], it[1], start, null));
        });
        out.sort(Comparator.comparing(RunInterval::start).thenComparing(RunInterval::label));
        return out;
    }

    /** {@code c.configure}. */
    public String label() {
        return instance + "." + transition;
    }

    public boolean stillRunning() {
        return end == null;
    }
}
