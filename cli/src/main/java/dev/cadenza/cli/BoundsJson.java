package dev.cadenza.cli;

import dev.cadenza.petri.classes.TimeBoundsResult;
import dev.cadenza.petri.classes.TimeValue;
import dev.cadenza.petri.limit.Budget;
import dev.cadenza.verify.bounds.BoundsReport;
import dev.cadenza.verify.bounds.CriticalPath;
import dev.cadenza.verify.bounds.TransitionWindow;
import dev.cadenza.verify.engine.TimedRun;
import dev.cadenza.verify.report.NetRuns;
import dev.cadenza.verify.translate.TranslatedNet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Time bounds as JSON (docs/json.md, "Bounds"): one shape for a model (its program's end, with the
 * critical path and windows) and a net (termination or a target predicate), the same fields where
 * they mean the same. Unknown is null — a search cut by a limit — never false or "inf".
 */
final class BoundsJson {

    private BoundsJson() {
    }

    /**
     * A model's bounds; {@code tn} (may be null: no runs then) reads the witness runs back in
     * model terms; {@code reason}: why a search was cut, or null.
     */
    static Map<String, Object> of(BoundsReport r, String target, String answeredBy, TranslatedNet tn, String reason) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("target", target);
        o.put("reachable", r.reachable() ? Boolean.TRUE : r.unreachable() ? Boolean.FALSE : null);
        JsonValues.time(o, "min", r.min());
        JsonValues.bound(o, "max", r.max(), r.unbounded());
        if (r.unbounded()) {
            o.put("max_reason", "some run never reaches the end: it loops, or waits forever");
        }
        if (r.runtime() != null) {
            // the runs held to the runtime (docs/verify.md, "Zero-time moves"): a bound not attained is only a bound
            Map<String, Object> rt = new LinkedHashMap<>();
            rt.put("min", r.runtime().minAttained() ? "attained" : "at least");
            rt.put("max", r.runtime().maxAttained() ? "attained" : "at most");
            rt.put("note", r.runtime().note());
            var e = r.runtime().exact();
            if (e != null) {
                // the runtime's own exact bounds, from its state space (every run of its loop)
                Map<String, Object> ex = new LinkedHashMap<>();
                JsonValues.time(ex, "min", e.min());
                JsonValues.bound(ex, "max", e.max(), e.unbounded());
                ex.put("how", e.how());
                rt.put("exact", ex);
            } else {
                rt.put("exact", null);
            }
            o.put("runtime", rt);
        }
        o.put("min_run", run(r.minRun(), tn, "fastest run"));
        o.put("max_run", run(r.maxRun(), tn, "slowest run"));
        List<Object> path = new ArrayList<>();
        for (CriticalPath.Step st : r.criticalPath()) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("component", st.instance());
            p.put("transition", st.transition());
            JsonValues.time(p, "start", st.start());
            JsonValues.time(p, "end", st.end());
            path.add(p);
        }
        o.put("critical_path", path);
        List<Object> ws = new ArrayList<>();
        for (TransitionWindow w : r.windows()) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("component", w.instance());
            p.put("transition", w.transition());
            JsonValues.time(p, "earliest_start", w.earliestStart());
            JsonValues.bound(p, "latest_end", w.latestEnd(), w.latestEnd() == null);
            JsonValues.time(p, "witness_start", w.witnessStart());
            JsonValues.time(p, "witness_end", w.witnessEnd());
            ws.add(p);
        }
        o.put("windows", ws);
        o.put("answered_by", answeredBy);
        o.put("complete", r.complete() && reason == null);
        if (reason != null) {
            o.put("stopped", reason);
        }
        return o;
    }

    private static Map<String, Object> run(TimedRun run, TranslatedNet tn, String why) {
        if (run == null || tn == null) {
            return null;
        }
        return RunJson.of(NetRuns.read(run, tn, false, why));
    }

    /** A net's bounds to {@code target} (a predicate, or "termination"). */
    static Map<String, Object> of(TimeBoundsResult r, String target, Budget budget) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("target", target);
        o.put("reachable", r.reachable() ? Boolean.TRUE : r.complete() ? Boolean.FALSE : null);
        value(o, "min", r.min());
        value(o, "max", r.max());
        if (r.divergence() != null) {
            o.put("max_reason", r.divergence().reason());
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("prefix", RunJson.of(r.divergence().prefix(), "where time may pass forever"));
            d.put("cycle", r.divergence().cycle());
            o.put("max_divergence", d);
        }
        o.put("min_run", RunJson.of(r.minTrace(), r.min() != null ? "fastest run" : "a run to the target"));
        o.put("max_run", RunJson.of(r.maxTrace(), "slowest run"));
        o.put("answered_by", "state classes");
        o.put("complete", r.complete());
        if (!r.complete()) {
            o.put("stopped", budget.reason(r.limit()));
        }
        return o;
    }

    /** {@code name}, {@code name_exact}, {@code name_attained}: a bound of a net, or null. */
    private static void value(Map<String, Object> o, String name, TimeValue v) {
        if (v == null) {
            o.put(name, null);
            return;
        }
        if (v.isInfinite()) {
            o.put(name, "inf");
            return;
        }
        JsonValues.time(o, name, v.value());
        o.put(name + "_attained", v.attained());
    }
}
