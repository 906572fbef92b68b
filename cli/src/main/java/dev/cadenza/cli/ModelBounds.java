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

    static int run(Path file, ModelOptions options, SubjectChoice subject, Budget budget, String deployment,
                   boolean windows, boolean json, PrintWriter out) {
        Model m = options.load(file);
        Subject s = new Subject(m, subject.of(m), new StateClassEngine(), budget);
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
        String answeredBy = quick ? CriticalPathAnswers.MODE : "state classes";
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
        }
        out.flush();
        return exit;
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
