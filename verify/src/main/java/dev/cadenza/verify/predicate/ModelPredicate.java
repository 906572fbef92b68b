package dev.cadenza.verify.predicate;

import dev.cadenza.core.lang.Problem;
import dev.cadenza.core.lang.Severity;
import dev.cadenza.core.model.ComponentType;
import dev.cadenza.core.model.Port;
import dev.cadenza.core.model.PortDirection;
import dev.cadenza.core.model.SourcePosition;
import dev.cadenza.petri.query.CtlFormula;
import dev.cadenza.petri.query.CtlParser;
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
 *
 * <p>The same names can be checked against the model alone ({@link #problems}), before any
 * translation: that is how every typo of every predicate is reported in one run, with the
 * model's other problems.
 */
public final class ModelPredicate {

    private static final Pattern SUFFIXED = Pattern.compile("([A-Za-z_][A-Za-z0-9_.]*)(\\s+)(running|active)\\b");

    private ModelPredicate() {
    }

    /** What names resolve against: a translated net's back-map, or only the model's types. */
    private interface Names {
        Map<String, ComponentType> instances();

        OptionalInt place(String instance, String place);

        OptionalInt running(String instance, String transition);

        OptionalInt activity(String instance, String port);
    }

    private static Names of(NetBackMap map) {
        return new Names() {
            public Map<String, ComponentType> instances() {
                return map.instances();
            }

            public OptionalInt place(String instance, String place) {
                return map.componentPlace(instance, place);
            }

            public OptionalInt running(String instance, String transition) {
                return map.running(instance, transition);
            }

            public OptionalInt activity(String instance, String port) {
                return map.portActivity(instance, port);
            }
        };
    }

    /** The model's own names: an element exists when its type declares it (index 0, never used). */
    private static Names of(Map<String, ComponentType> instances) {
        return new Names() {
            public Map<String, ComponentType> instances() {
                return instances;
            }

            public OptionalInt place(String instance, String place) {
                return instances.get(instance).place(place).isPresent() ? OptionalInt.of(0) : OptionalInt.empty();
            }

            public OptionalInt running(String instance, String transition) {
                return instances.get(instance).transition(transition).isPresent() ? OptionalInt.of(0)
                        : OptionalInt.empty();
            }

            public OptionalInt activity(String instance, String port) {
                return instances.get(instance).port(port).filter(p -> p.direction() == PortDirection.PROVIDE)
                        .isPresent() ? OptionalInt.of(0) : OptionalInt.empty();
            }
        };
    }

    /**
     * Parses and resolves {@code text}, which starts at {@code where} in the model file
     * (errors are placed at {@code where.column + column - 1}).
     */
    public static Predicate compile(String text, SourcePosition where, NetBackMap map) {
        Resolution r = new Resolution(where, of(map), null);
        return r.indexed(r.parse(text));
    }

    /** The same for a CTL formula ({@code query untimed "…"}): every atom resolved. */
    public static CtlFormula compileCtl(String text, SourcePosition where, NetBackMap map) {
        Resolution r = new Resolution(where, of(map), null);
        return r.indexed(r.parseCtl(text));
    }

    /**
     * Every problem of {@code text} (a predicate, or a CTL formula when {@code ctl}) against the
     * model's instances and their types, without translating anything: syntax, unknown instances,
     * places, transitions, provide ports.
     */
    public static List<Problem> problems(String text, SourcePosition where, Map<String, ComponentType> instances,
                                         boolean ctl) {
        List<Problem> out = new ArrayList<>();
        Resolution r = new Resolution(where, of(instances), out);
        try {
            if (ctl) {
                r.indexed(r.parseCtl(text));
            } else {
                r.indexed(r.parse(text));
            }
        } catch (ResolutionException e) {
            // a syntax error: it stops the parse, and is already in the list
        }
        return out;
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

    /**
     * One resolution: names looked up in {@code names}; each problem thrown at once
     * ({@code problems} null) or collected (then the names resolve to a dummy index).
     */
    private static final class Resolution {
        final SourcePosition where;
        final Names names;
        final List<Problem> problems;

        Resolution(SourcePosition where, Names names, List<Problem> problems) {
            this.where = where;
            this.names = names;
            this.problems = problems;
        }

        Predicate parse(String text) {
            try {
                return PredicateParser.parse(rewrite(text));
            } catch (PredicateSyntaxException e) {
                throw fatal(at(where, e.column()), e.problem());
            }
        }

        CtlFormula parseCtl(String text) {
            try {
                return CtlParser.parse(rewrite(text));
            } catch (PredicateSyntaxException e) {
                throw fatal(at(where, e.column()), e.problem());
            }
        }

        /** A problem that stops the parse: thrown in both modes (collected first when collecting). */
        private ResolutionException fatal(SourcePosition at, String what) {
            if (problems != null) {
                problems.add(new Problem(at, Severity.ERROR, what));
            }
            return new ResolutionException(at, what);
        }

        private void problem(SourcePosition at, String what) {
            if (problems == null) {
                throw new ResolutionException(at, what);
            }
            problems.add(new Problem(at, Severity.ERROR, what));
        }

        CtlFormula indexed(CtlFormula f) {
            if (f instanceof CtlFormula.Atom a) {
                return new CtlFormula.Atom(indexed(a.predicate()));
            } else if (f instanceof CtlFormula.Not n) {
                return new CtlFormula.Not(indexed(n.operand()));
            } else if (f instanceof CtlFormula.And a) {
                return new CtlFormula.And(indexed(a.left()), indexed(a.right()));
            } else if (f instanceof CtlFormula.Or o) {
                return new CtlFormula.Or(indexed(o.left()), indexed(o.right()));
            } else if (f instanceof CtlFormula.Implies i) {
                return new CtlFormula.Implies(indexed(i.left()), indexed(i.right()));
            } else if (f instanceof CtlFormula.Temporal t) {
                return new CtlFormula.Temporal(t.op(), indexed(t.operand()));
            }
            CtlFormula.Until u = (CtlFormula.Until) f;
            return new CtlFormula.Until(u.universal(), indexed(u.left()), indexed(u.right()));
        }

        /** The same predicate with every model name replaced by its net place, {@code #index}. */
        Predicate indexed(Predicate p) {
            if (p instanceof Predicate.Comparison c) {
                return new Predicate.Comparison(indexed(c.left()), c.operator(), indexed(c.right()));
            } else if (p instanceof Predicate.And a) {
                return new Predicate.And(indexed(a.left()), indexed(a.right()));
            } else if (p instanceof Predicate.Or o) {
                return new Predicate.Or(indexed(o.left()), indexed(o.right()));
            } else if (p instanceof Predicate.Not n) {
                return new Predicate.Not(indexed(n.operand()));
            }
            return p;
        }

        private LinearExpression indexed(LinearExpression e) {
            List<LinearExpression.Term> terms = new ArrayList<>();
            for (LinearExpression.Term t : e.terms()) {
                OptionalInt i = resolve(t.name(), at(where, t.column()));
                terms.add(new LinearExpression.Term(t.coefficient(), Targets.name(i.orElse(0)), t.column()));
            }
            return new LinearExpression(terms, e.constant());
        }

        private OptionalInt resolve(String name, SourcePosition at) {
            String suffix = null;
            String base = name;
            int q = name.indexOf('\'');
            if (q >= 0) {
                base = name.substring(0, q);
                suffix = name.substring(q + 1);
            }
            int dot = base.indexOf('.');
            if (dot < 0) {
                problem(at, "expected instance.place, instance.transition running or instance.port active, not '"
                        + base + "'");
                return OptionalInt.empty();
            }
            String instance = base.substring(0, dot);
            String element = base.substring(dot + 1);
            ComponentType type = names.instances().get(instance);
            if (type == null) {
                problem(at, "unknown instance '" + instance + "'; instances are "
                        + String.join(", ", names.instances().keySet()));
                return OptionalInt.empty();
            }
            if (suffix == null) {
                return found(names.place(instance, element), at, "place", instance, element,
                        type.places().stream().map(pl -> pl.name()).toList());
            }
            if (suffix.equals("running")) {
                return found(type.transition(element).isEmpty() ? OptionalInt.empty() : names.running(instance, element),
                        at, "transition", instance, element, type.behaviors().stream()
                                .flatMap(b -> b.transitions().stream()).map(t -> t.name()).toList());
            }
            List<String> provides = type.ports().stream().filter(pt -> pt.direction() == PortDirection.PROVIDE)
                    .map(Port::name).toList();
            return found(names.activity(instance, element), at, "provide port", instance, element, provides);
        }

        private OptionalInt found(OptionalInt i, SourcePosition at, String what, String instance, String element,
                                  List<String> known) {
            if (i.isEmpty()) {
                problem(at, "unknown " + what + " '" + element + "' of " + instance + "; " + what + "s are "
                        + String.join(", ", known));
            }
            return i;
        }
    }
}
