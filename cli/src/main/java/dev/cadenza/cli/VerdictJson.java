package dev.cadenza.cli;

import dev.cadenza.petri.classes.PersistentTimeBounds;
import dev.cadenza.core.model.Model;
import dev.cadenza.petri.limit.Budget;
import dev.cadenza.petri.limit.Limit;
import dev.cadenza.verify.Subject;
import dev.cadenza.verify.Verifier;
import dev.cadenza.verify.fastpath.CriticalPathAnswers;
import dev.cadenza.verify.property.Verdict;
import dev.cadenza.verify.translate.TranslatedNet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The verdicts of {@code check} and {@code report} as JSON (docs/json.md, "check"): one object per
 * property with its verdict, what answered it, why it is inconclusive, its counterexample or
 * witness as a run, its bounds as data, and its statistics.
 */
final class VerdictJson {

    private VerdictJson() {
    }

    static List<Object> properties(List<Verifier.Result> results, Function<String, Subject> subjects, Budget budget) {
        List<Object> out = new ArrayList<>();
        for (Verifier.Result r : results) {
            out.add(property(r, subjects, budget));
        }
        return out;
    }

    /** The first limit any property met (NONE when all completed): the command's {@code complete}. */
    static Limit firstLimit(List<Verifier.Result> results) {
        for (Verifier.Result r : results) {
            if (!r.verdict().statistics().complete()) {
                return r.verdict().statistics().limit();
            }
        }
        return Limit.NONE;
    }

    private static Map<String, Object> property(Verifier.Result r, Function<String, Subject> subjects, Budget budget) {
        Verdict v = r.verdict();
        Map<String, Object> p = new LinkedHashMap<>();
        String written = r.property().name();
        p.put("name", r.subject() + ": " + written);
        p.put("subject", r.subject());
        p.put("property", written);
        p.put("kind", written.split("[\\s\"]", 2)[0]);
        p.put("position", JsonValues.position(r.property().position()));
        p.put("verdict", v.word());
        p.put("answered_by", r.mode());
        if (v instanceof Verdict.Inconclusive i) {
            p.put("reason", i.reason());
        }
        p.put("details", v.details());
        if (v instanceof Verdict.Violated violated) {
            p.put("counterexample", RunJson.counterexample(violated.counterexample()));
        } else if (v instanceof Verdict.Holds h && h.witness() != null) {
            p.put("witness", RunJson.counterexample(h.witness()));
        }
        if (v.bounds() != null) {
            Subject s = subjects.apply(r.subject());
            String reason = v.bounds().complete() ? null : budget.reason(v.bounds().statistics().limit());
            String by = r.mode().startsWith(CriticalPathAnswers.MODE) ? CriticalPathAnswers.MODE
                    : r.mode().startsWith(PersistentTimeBounds.STAGE) ? PersistentTimeBounds.STAGE : "state classes";
            p.put("bounds", BoundsJson.of(v.bounds(), target(s.model(), r.subject(), null), by, net(s), reason));
        }
        p.put("statistics", JsonValues.statistics(v.statistics(), budget));
        return p;
    }

    /** The subject's timed net, to read runs back in model terms; null when it cannot be built. */
    private static TranslatedNet net(Subject s) {
        try {
            return s.net(Subject.Mode.TIMED);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** What a model's bounds time: {@code end of program deploy [in deployment up]}. */
    static String target(Model m, String subject, String deployment) {
        String kind = m.program(subject).isPresent() ? "program" : "assembly";
        return "end of " + kind + " " + subject + (deployment == null ? "" : " in deployment " + deployment);
    }
}
