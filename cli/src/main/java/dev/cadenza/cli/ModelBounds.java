package dev.cadenza.cli;

import dev.cadenza.core.model.Model;
import dev.cadenza.verify.Subject;
import dev.cadenza.verify.bounds.BoundsReport;
import dev.cadenza.verify.bounds.CriticalPath;
import dev.cadenza.verify.bounds.TimeBoundsAnalysis;
import dev.cadenza.verify.bounds.TransitionWindow;
import dev.cadenza.petri.limit.Budget;
import dev.cadenza.verify.LimitReachedException;
import dev.cadenza.verify.fastpath.ConflictFreeDeployment;
import dev.cadenza.verify.fastpath.CriticalPathAnswers;
import dev.cadenza.verify.engine.StateClassEngine;
import dev.cadenza.verify.property.TimeBoundsProperty;
import dev.cadenza.verify.report.Times;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The model side of {@code cadenza bounds MODEL [--json]}: exact min and max time from the start to the end of a
 * program or assembly, the critical path of the slowest run, and with {@code --windows} each
 * transition's earliest start and latest end. (Nets, {@code FILE.net}, are the state class
 * engine's side of this command; a model is told apart by its ending.)
 */
final class ModelBounds {

    private ModelBounds() {
    }

    static int run(Path file, ModelOptions options, SubjectChoice subject, Budget budget, boolean reduce,
                   ReplayOption replay, String deployment,
                   boolean windows, boolean json, PrintWriter out) {
        Model m = options.load(file);
        Subject s = new Subject(m, subject.of(m), new StateClassEngine(reduce), budget).reduction(reduce)
                .replay(replay.on()).stateSpace(replay.stateSpace());
        // a conflict-free assembly: exact bounds by critical-path arithmetic, no exploration
        ConflictFreeDeployment fast = deployment == null ? ConflictFreeDeployment.of(m, s.name()) : null;
        boolean quick = fast != null && fast.applies();
        BoundsReport r;
        String reason = null;
        try {
            r = quick ? CriticalPathAnswers.report(fast, windows) : TimeBoundsAnalysis.of(s, deployment, windows);
            if (!r.complete()) {
                reason = budget.reason(r.statistics().limit());
            }
        } catch (LimitReachedException e) {
            r = new BoundsReport(false, null, null, false, null, null, List.of(), List.of(), e.statistics());
            reason = e.reason();
        }
        // the engine, or the stage that answered for it (the conflict-free net's earliest and latest runs)
        String answeredBy = quick ? CriticalPathAnswers.MODE
                : r.statistics().stage() != null ? r.statistics().stage() : "state classes";
        // held to the runtime as check holds its bounds: the same numbers and words in both commands
        // (JSON: answered_by stays the net's engine; bounds.runtime says what the runtime did)
        String runtimeStage = null;
        if (reason == null && deployment == null) {
            TimeBoundsProperty.Held held = TimeBoundsProperty.heldToTheRuntime(s, r);
            r = held.report();
            runtimeStage = held.runtimeStage();
        }
        int exit = r.complete() && reason == null ? ExitCode.OK : ExitCode.INCONCLUSIVE;
        if (json) {
            Map<String, Object> o = JsonValues.envelope("bounds", file);
            o.put("subject", s.name());
            o.put("deployment", deployment);
            o.put("semantics", m.semantics().keyword());
            o.put("step", ModelOptions.stepJson(m));
            o.put("overrides", options.json());
            o.putAll(BoundsJson.of(r, VerdictJson.target(m, s.name(), deployment), answeredBy, quick ? null : net(s), reason));
            o.put("statistics", JsonValues.command(budget, r.statistics().limit()));
            return JsonValues.print(out, o, exit);
        } else if (reason != null) {
            options.printApplied(out);
            out.println(s.name() + ": inconclusive: " + reason);
            TimeBoundsProperty.partial(r).forEach(l -> out.println("  " + l));
            out.printf(Locale.ROOT, "  (%,d classes, %d ms)%n", r.statistics().states(), r.statistics().millis());
        } else if (r.unreachable()) {
            options.printApplied(out);
            out.println(s.name() + ": the end is never reached (no run gets there)");
        } else {
            options.printApplied(out);
            out.println(s.name() + ": (" + ModelOptions.describe(m) + ")");
            TimeBoundsProperty.lines(r).forEach(l -> out.println("  " + l));
            out.println("  answered by: " + answeredBy + (quick ? "" : " (" + r.statistics().states() + " classes, "
                    + r.statistics().millis() + " ms)"));
            if (runtimeStage != null) {
                out.println("  held to the runtime: " + runtimeStage);
            }
        }
        out.flush();
        return exit;
    }

    /**
     * {@code bounds MODEL --target PRED}: exact min and max time from the start to the first state
     * where the model predicate holds, the fastest run, and the critical path of the slowest.
     */
    static int runTo(Path file, ModelOptions options, SubjectChoice subject, Budget budget, boolean reduce,
                     String target,
                     boolean json, PrintWriter out) {
        Model m = options.load(file);
        Subject s = new Subject(m, subject.of(m), new StateClassEngine(reduce), budget).reduction(reduce);
        var tn = s.net(Subject.Mode.TIMED);
        // the predicate is the option's text: errors are placed in it as "--target:1:col"
        var predicate = dev.cadenza.verify.predicate.ModelPredicate.compile(target,
                new dev.cadenza.core.model.SourcePosition("--target", 1, 1), tn.backMap());
        var r = s.engine().timeTo(tn.net(), predicate, budget);
        List<CriticalPath.Step> path = r.maxRun() == null ? List.of() : CriticalPath.of(r.maxRun(), tn);
        if (json) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("subject", s.name());
            o.put("target", target);
            o.put("complete", r.statistics().complete());
            // what a cut search leaves unknown is null, never "unreachable" or "inf"
            o.put("reachable", r.reachable() ? Boolean.TRUE : r.unreachable() ? Boolean.FALSE : null);
            o.put("min", r.min() == null ? null : number(r.min()));
            o.put("max", r.unbounded() ? "inf" : r.max() == null ? null : number(r.max()));
            if (!r.statistics().complete()) {
                o.put("stopped", budget.reason(r.statistics().limit()));
            }
            o.put("classes", r.statistics().states());
            o.put("min_run", r.minRun() == null ? List.of() : dev.cadenza.verify.report.NetRuns.read(r.minRun(), tn, false, "reaches " + target).lines());
            List<Object> steps = new ArrayList<>();
            for (CriticalPath.Step st : path) {
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("transition", st.toString());
                p.put("start", number(st.start()));
                p.put("end", number(st.end()));
                steps.add(p);
            }
            o.put("critical_path", steps);
            o.put("overrides", options.json());
            out.println(Json.write(o));
        } else {
            options.printApplied(out);
            out.println(s.name() + ", until " + target + ":");
            if (!r.statistics().complete() && !r.reachable()) {
                out.println("  inconclusive: " + budget.reason(r.statistics().limit()) + " after "
                        + r.statistics().states() + " classes, no run there found (that proves nothing)");
            } else if (r.unreachable()) {
                out.println("  never reached (no run gets there)");
            } else {
                String min = r.min() == null ? "? (" + budget.reason(r.statistics().limit()) + ")"
                        : Times.format(r.min()) + " s";
                String max = r.unbounded() ? "inf (some run avoids it forever)"
                        : r.max() == null ? "? (" + budget.reason(r.statistics().limit()) + ")"
                        : Times.format(r.max()) + " s";
                out.println("  min " + min + ", max " + max);
                out.println("  fastest run:");
                dev.cadenza.verify.report.NetRuns.read(r.minRun(), tn, false, "reaches " + target).lines().forEach(l -> out.println("    " + l));
                if (!path.isEmpty()) {
                    out.println("  critical path of the slowest: " + path.stream().map(CriticalPath.Step::toString)
                            .collect(java.util.stream.Collectors.joining(" > ")));
                }
            }
        }
        out.flush();
        return r.statistics().complete() ? ExitCode.OK : ExitCode.INCONCLUSIVE;
    }

    /** A JSON number, or "inf". */
    private static Object number(org.apache.commons.math3.fraction.BigFraction f) {
        if (f == null) {
            return "inf";
        }
        return new java.math.BigDecimal(Times.format(f));
    }

    /** The subject's timed net, to read runs back in model terms; null when it cannot be built. */
    private static dev.cadenza.verify.translate.TranslatedNet net(Subject s) {
        try {
            return s.net(Subject.Mode.TIMED);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
