package dev.cadenza.verify.predicate;

import dev.cadenza.core.model.ComponentType;
import dev.cadenza.core.model.Port;
import dev.cadenza.core.model.PortDirection;
import dev.cadenza.core.model.SourcePosition;
import dev.cadenza.petri.query.LinearExpression;
import dev.cadenza.petri.query.Predicate;
import dev.cadenza.petri.query.PredicateParser;
import dev.cadenza.petri.query.PredicateSyntaxException;
import dev.cadenza.verify.ResolutionException;
import dev.cadenza.verify.engine.Targets;
import dev.cadenza.verify.translate.NetBackMap;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A predicate over model names, compiled against a translated net: {@code c.running} (instance
 * c is in place running), {@code c.configure running} (transition configure of c is running),
 * {@code s.service active} (provide port service of s is active, or provided for data/from
 * ports). The petri predicate language does the parsing: the two-word forms are first rewritten
 * into one name ({@code c.configure'running}, same length, so error columns stay right), then
 * every name is resolved through the back-map. Unknown names are reported at their column in
 * the model file, with the names that would be right.
 */
public final class ModelPredicate {

    private static final Pattern SUFFIXED = Pattern.compile("([A-Za-z_][A-Za-z0-9_.]*)(\\s+)(running|active)\\b");

    private ModelPredicate() {
    }

    /**
     * Parses and resolves {@code text}, which starts at {@code where} in the model file
     * (errors are placed at {@code where.column + column - 1}).
     */
    public static Predicate compile(String text, SourcePosition where, NetBackMap map) {
        String rewritten = rewrite(text);
        Predicate p;
        try {
            p = PredicateParser.parse(rewritten);
        } catch (PredicateSyntaxException e) {
            throw new ResolutionException(at(where, e.column()), e.problem());
        }
        return indexed(p, where, map);
    }

    /** The same predicate with every model name replaced by its net place, {@code #index}. */
    private static Predicate indexed(Predicate p, SourcePosition where, NetBackMap map) {
        if (p instanceof Predicate.Comparison c) {
            return new Predicate.Comparison(indexed(c.left(), where, map), c.operator(), indexed(c.right(), where, map));
        } else if (p instanceof Predicate.And a) {
            return new Predicate.And(indexed(a.left(), where, map), indexed(a.right(), where, map));
        } else if (p instanceof Predicate.Or o) {
            return new Predicate.Or(indexed(o.left(), where, map), indexed(o.right(), where, map));
        } else if (p instanceof Predicate.Not n) {
            return new Predicate.Not(indexed(n.operand(), where, map));
        }
        return p;
    }

    private static LinearExpression indexed(LinearExpression e, SourcePosition where, NetBackMap map) {
        List<LinearExpression.Term> terms = new ArrayList<>();
        for (LinearExpression.Term t : e.terms()) {
            int i = resolve(t.name(), at(where, t.column()), map).getAsInt();
            terms.add(new LinearExpression.Term(t.coefficient(), Targets.name(i), t.column()));
        }
        return new LinearExpression(terms, e.constant());
    }

    /** {@code x running} becomes {@code x'running}, {@code x active} becomes {@code x'active}. */
    static String rewrite(String text) {
        Matcher m = SUFFIXED.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String ws = m.group(2);
            m.appendReplacement(sb, Matcher.quoteReplacement(m.group(1) + "'" + m.group(3) + " ".repeat(ws.length() - 1)));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static SourcePosition at(SourcePosition where, int column) {
        return new SourcePosition(where.file(), where.line(), Math.max(1, where.column()) + column - 1);
    }

    private static OptionalInt resolve(String name, SourcePosition where, NetBackMap map) {
        String suffix = null;
        String base = name;
        int q = name.indexOf('\'');
        if (q >= 0) {
            base = name.substring(0, q);
            suffix = name.substring(q + 1);
        }
        int dot = base.indexOf('.');
        if (dot < 0) {
            throw new ResolutionException(where, "expected instance.place, instance.transition running or"
                    + " instance.port active, not '" + base + "'");
        }
        String instance = base.substring(0, dot);
        String element = base.substring(dot + 1);
        Map<String, ComponentType> instances = map.instances();
        ComponentType type = instances.get(instance);
        if (type == null) {
            throw new ResolutionException(where, "unknown instance '" + instance + "'; instances are "
                    + String.join(", ", instances.keySet()));
        }
        if (suffix == null) {
            return found(map.componentPlace(instance, element), where, "place", instance, element,
                    type.places().stream().map(pl -> pl.name()).toList());
        }
        if (suffix.equals("running")) {
            if (type.transition(element).isEmpty()) {
                throw unknown(where, "transition", instance, element, type.behaviors().stream()
                        .flatMap(b -> b.transitions().stream()).map(t -> t.name()).toList());
            }
            return map.running(instance, element);
        }
        List<String> provides = type.ports().stream().filter(pt -> pt.direction() == PortDirection.PROVIDE)
                .map(Port::name).toList();
        return found(map.portActivity(instance, element), where, "provide port", instance, element, provides);
    }

    private static OptionalInt found(OptionalInt i, SourcePosition where, String what, String instance,
                                     String element, List<String> known) {
        if (i.isEmpty()) {
            throw unknown(where, what, instance, element, known);
        }
        return i;
    }

    private static ResolutionException unknown(SourcePosition where, String what, String instance, String element,
                                               List<String> known) {
        return new ResolutionException(where, "unknown " + what + " '" + element + "' of " + instance + "; "
                + what + "s are " + String.join(", ", known));
    }

}
