package dev.cadenza.verify.predicate;

import dev.cadenza.core.lang.Problem;
import dev.cadenza.core.lang.Severity;
import dev.cadenza.core.model.ComponentType;
import dev.cadenza.core.model.Instance;
import dev.cadenza.core.model.Instruction;
import dev.cadenza.core.model.Model;
import dev.cadenza.core.model.PredicateText;
import dev.cadenza.core.model.Program;
import dev.cadenza.core.model.PropertySpec;
import dev.cadenza.core.model.VerifyBlock;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The predicates of a model's verify blocks ({@code forbidden}, {@code query}, {@code response})
 * checked against the model itself, before anything is translated: every syntax error and every
 * unknown instance, place, transition or port, each at its file:line:col. Core validates the
 * rest of the model but cannot read predicates (their language lives in petri); the command line
 * runs this with core's validation, so that one run reports every problem.
 *
 * <p>Also the one rule on timed queries: {@code query "…"} is {@code AG}, {@code EF} or
 * {@code AF} of a predicate; anything else is CTL, which is decided untimed and must say so
 * ({@code query untimed "…"}): a timed reading of nested CTL is not what the state classes give.
 */
public final class PredicateCheck {

    private PredicateCheck() {
    }

    public static List<Problem> problems(Model model) {
        List<Problem> out = new ArrayList<>();
        for (VerifyBlock v : model.verifyBlocks()) {
            Map<String, ComponentType> instances = instances(model, v.subject());
            if (instances == null) {
                continue; // no such subject, or one that cannot be unrolled: validation says why
            }
            for (PropertySpec p : v.properties()) {
                if (p instanceof PropertySpec.Forbidden f) {
                    out.addAll(predicate(f.predicate(), instances));
                } else if (p instanceof PropertySpec.Response r) {
                    out.addAll(predicate(r.trigger(), instances));
                    out.addAll(predicate(r.response(), instances));
                } else if (p instanceof PropertySpec.Query q) {
                    java.util.regex.Matcher m = TIMED.matcher(q.formula());
                    if (!q.untimed() && m.matches()) {
                        // the timed form: the operator, then the whole rest is one predicate
                        out.addAll(ModelPredicate.problems(m.group(2), shift(q.formulaAt(), m.start(2)), instances,
                                true));
                        continue;
                    }
                    List<Problem> ps = ModelPredicate.problems(q.formula(), q.formulaAt(), instances, true);
                    out.addAll(ps);
                    if (ps.isEmpty() && !q.untimed()) {
                        out.add(new Problem(q.formulaAt(), Severity.ERROR, "a timed query is AG, EF or AF of a"
                                + " predicate; other CTL formulas are decided on the marking graph, without time:"
                                + " write query untimed \"" + q.formula() + "\""));
                    }
                }
            }
        }
        return out;
    }

    /**
     * The timed form, {@code AG p}, {@code EF p} or {@code AF p}: the operator, then the whole rest
     * of the text is the predicate ({@code AF c.installed and s.off} is AF of the conjunction, as
     * timed queries have always read) — when the rest has no temporal operator.
     */
    public static final java.util.regex.Pattern TIMED = java.util.regex.Pattern.compile(
            "\\s*(AG|EF|AF)\\s+((?:(?!\\b(?:AG|AF|AX|EG|EF|EX|A\\s*\\[|E\\s*\\[)).)*)", java.util.regex.Pattern.DOTALL);

    private static dev.cadenza.core.model.SourcePosition shift(dev.cadenza.core.model.SourcePosition p, int columns) {
        return new dev.cadenza.core.model.SourcePosition(p.file(), p.line(), p.column() + columns);
    }

    private static List<Problem> predicate(PredicateText p, Map<String, ComponentType> instances) {
        return ModelPredicate.problems(p.text(), p.position(), instances, false);
    }

    /** The instances a subject's predicates may name, with their types; null when that is unknown. */
    private static Map<String, ComponentType> instances(Model model, String subject) {
        Map<String, ComponentType> out = new LinkedHashMap<>();
        try {
            var program = model.program(subject);
            if (program.isPresent()) {
                List<Program> chain = new ArrayList<>(model.startingChain(program.get()));
                chain.add(program.get());
                for (Program p : chain) {
                    for (Instruction i : p.instructions()) {
                        if (i instanceof Instruction.Add a) {
                            model.type(a.type()).ifPresent(t -> out.putIfAbsent(a.instance(), t));
                        }
                    }
                }
                return out;
            }
            var assembly = model.assembly(subject);
            if (assembly.isEmpty()) {
                return null;
            }
            for (Instance i : assembly.get().instances()) {
                model.type(i.type()).ifPresent(t -> out.putIfAbsent(i.name(), t));
            }
            return out;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
