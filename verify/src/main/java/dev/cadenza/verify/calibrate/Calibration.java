package dev.cadenza.verify.calibrate;

import dev.cadenza.core.model.Duration;
import dev.cadenza.core.model.Model;
import dev.cadenza.core.model.SourcePosition;
import dev.cadenza.core.whatif.IntervalOverride;
import dev.cadenza.core.whatif.WhatIf;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Intervals from measured runs: for each transition of a component type, [the least observed
 * duration, the greatest] over every instance of the type in every run, widened by a margin
 * (relative: min·(1 − m), max·(1 + m); and absolute: ± s) and rounded outward to the
 * millisecond, never below 0. A transition never observed keeps its interval.
 */
public final class Calibration {

    private Calibration() {
    }

    /** A proposed interval for {@code type.transition}, from {@code observations} durations, replacing {@code was}. */
    public record Proposal(String type, String transition, Duration was, Duration proposed, int observations,
                           double observedMin, double observedMax) {

        public String label() {
            return type + "." + transition;
        }

        public boolean changed() {
            return was == null || was.min().compareTo(proposed.min()) != 0 || was.max() == null
                    || was.max().compareTo(proposed.max()) != 0;
        }
    }

    /**
     * The proposals for the transitions the runs observed, by type and transition name, given each
     * instance's type ({@code instanceTypes}) and each type's current intervals ({@code current}).
     */
    public static List<Proposal> fit(List<ObservedRun> runs, Map<String, String> instanceTypes,
                                     Map<String, Duration> current, double relative, double absolute) {
        Map<String, List<Double>> byType = new TreeMap<>();
        for (ObservedRun r : runs) {
            r.durations().forEach((label, ds) -> {
                int dot = label.lastIndexOf('.');
                String type = instanceTypes.get(label.substring(0, dot));
                if (type != null) {
                    byType.computeIfAbsent(type + "." + label.substring(dot + 1), k -> new ArrayList<>()).addAll(ds);
                }
            });
        }
        List<Proposal> out = new ArrayList<>();
        byType.forEach((label, ds) -> {
            if (ds.isEmpty()) {
                return;
            }
            double lo = ds.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
            double hi = ds.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
            // to the microsecond first, so that 4.25 · 1.1 = 4.675000000000001 is 4.675, then outward to the ms
            BigDecimal min = BigDecimal.valueOf(Math.max(0, lo * (1 - relative) - absolute))
                    .setScale(6, RoundingMode.HALF_EVEN).setScale(3, RoundingMode.FLOOR);
            BigDecimal max = BigDecimal.valueOf(hi * (1 + relative) + absolute)
                    .setScale(6, RoundingMode.HALF_EVEN).setScale(3, RoundingMode.CEILING);
            int dot = label.lastIndexOf('.');
            Duration was = current.get(label);
            Duration proposed = new Duration(min.stripTrailingZeros(), max.max(min).stripTrailingZeros(),
                    was == null ? null : was.distribution());
            out.add(new Proposal(label.substring(0, dot), label.substring(dot + 1), was, proposed, ds.size(), lo, hi));
        });
        return out;
    }

    /** The model with the proposals' intervals (type-wide, as {@code --interval Type.t=[a,b]} does). */
    public static Model apply(Model m, List<Proposal> proposals) {
        List<IntervalOverride> overrides = new ArrayList<>();
        for (Proposal p : proposals) {
            overrides.add(new IntervalOverride(p.type(), p.transition(), p.proposed(), p.label() + "=" + p.proposed(),
                    SourcePosition.NONE));
        }
        return new WhatIf(List.of(), overrides).applyTo(m).model();
    }

    /** Each type's current intervals, by {@code Type.transition}. */
    public static Map<String, Duration> intervals(Model m) {
        Map<String, Duration> out = new LinkedHashMap<>();
        m.types().forEach(t -> t.behaviors().forEach(b -> b.transitions().forEach(d ->
                out.put(t.name() + "." + d.name(), d.duration()))));
        return out;
    }

    /** The folds of a hold-out check: runs in turn, {@code k} at a time, each fold's runs held out. */
    public static List<List<ObservedRun>> folds(List<ObservedRun> runs, int k) {
        List<List<ObservedRun>> out = new ArrayList<>();
        for (int i = 0; i < runs.size(); i += k) {
            out.add(runs.subList(i, Math.min(runs.size(), i + k)));
        }
        return out;
    }
}
