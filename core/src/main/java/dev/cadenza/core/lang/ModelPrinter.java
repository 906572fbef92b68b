package dev.cadenza.core.lang;

import dev.cadenza.core.model.Assembly;
import dev.cadenza.core.model.Behavior;
import dev.cadenza.core.model.ComponentType;
import dev.cadenza.core.model.Connection;
import dev.cadenza.core.model.Deployment;
import dev.cadenza.core.model.DeploymentEntry;
import dev.cadenza.core.model.ForLoop;
import dev.cadenza.core.model.Group;
import dev.cadenza.core.model.Instance;
import dev.cadenza.core.model.Instruction;
import dev.cadenza.core.model.Join;
import dev.cadenza.core.model.Model;
import dev.cadenza.core.model.Parameter;
import dev.cadenza.core.model.PlaceDecl;
import dev.cadenza.core.model.Port;
import dev.cadenza.core.model.PortBinding;
import dev.cadenza.core.model.PortKind;
import dev.cadenza.core.model.Program;
import dev.cadenza.core.model.PropertySpec;
import dev.cadenza.core.model.Semantics;
import dev.cadenza.core.model.Statement;
import dev.cadenza.core.model.TransitionDecl;
import dev.cadenza.core.model.VerifyBlock;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes a model in the model language, in a canonical layout: parsing the output gives back an
 * equal model (positions aside), and printing that again gives the same text. Comments and the
 * loop headers' bracket notes are not part of the model, so they are not printed.
 */
public final class ModelPrinter {

    private static final String INDENT = "  ";

    private final StringBuilder out = new StringBuilder();

    private ModelPrinter() {
    }

    public static String print(Model model) {
        ModelPrinter p = new ModelPrinter();
        p.model(model);
        return p.out.toString();
    }

    private void line(int depth, String text) {
        out.append(INDENT.repeat(depth)).append(text).append('\n');
    }

    private void model(Model m) {
        boolean first = true;
        if (m.semantics() != Semantics.CONCERTO || m.step() != null) {
            if (m.semantics() != Semantics.CONCERTO) {
                line(0, "semantics " + m.semantics().keyword());
            }
            if (m.step() != null) {
                line(0, "step " + m.step());
            }
            first = false;
        }
        for (ComponentType t : m.types()) {
            first = separate(first);
            component(t);
        }
        for (Program p : m.programs()) {
            first = separate(first);
            program(p);
        }
        for (Assembly a : m.assemblies()) {
            first = separate(first);
            assembly(a);
        }
        for (Deployment d : m.deployments()) {
            first = separate(first);
            deployment(d);
        }
        for (VerifyBlock v : m.verifyBlocks()) {
            first = separate(first);
            verify(v);
        }
    }

    private boolean separate(boolean first) {
        if (!first) {
            out.append('\n');
        }
        return false;
    }

    private void component(ComponentType t) {
        line(0, "component " + t.name() + " {");
        if (!t.places().isEmpty()) {
            line(1, "places " + t.places().stream().map(PlaceDecl::name).collect(Collectors.joining(", ")));
        }
        if (t.initialPlace() != null) {
            line(1, "initial " + t.initialPlace());
        }
        for (Behavior b : t.behaviors()) {
            line(1, "behavior " + b.name() + " {");
            for (TransitionDecl tr : b.transitions()) {
                String action = tr.action() == null ? "" : " action " + quote(tr.action());
                line(2, tr.name() + ": " + tr.source() + " -> " + tr.destination() + " " + tr.duration() + action);
            }
            line(1, "}");
        }
        for (Group g : t.groups()) {
            line(1, "group " + g.name() + " { " + String.join(", ", g.places()) + " }");
        }
        for (Join j : t.joins()) {
            line(1, "join " + j.place() + " " + j.transitionSets().stream()
                    .map(set -> "{ " + String.join(", ", set) + " }")
                    .collect(Collectors.joining(" or ")));
        }
        for (Port p : t.ports()) {
            line(1, port(p));
        }
        line(0, "}");
    }

    private static String port(Port p) {
        String kind = p.kind() == PortKind.DATA ? " data" : "";
        String binding;
        if (p.binding() instanceof PortBinding.At at) {
            binding = "at " + String.join(", ", at.placesOrGroups());
        } else if (p.binding() instanceof PortBinding.From from) {
            binding = "from " + from.place();
        } else {
            binding = "by " + String.join(", ", ((PortBinding.By) p.binding()).transitions());
        }
        return p.direction().keyword() + " " + p.name() + kind + " " + binding;
    }

    private void program(Program p) {
        line(0, "program " + p.name() + (p.after() == null ? "" : " after " + p.after()) + " {");
        for (Parameter param : p.parameters()) {
            line(1, "param " + param.name() + " = " + param.value());
        }
        statements(1, p.body());
        line(0, "}");
    }

    private void statements(int depth, List<Statement> body) {
        for (Statement s : body) {
            if (s instanceof ForLoop loop) {
                line(depth, "for " + loop.variable() + " in " + loop.from() + ".." + loop.to() + ":");
                statements(depth + 2, loop.body());
            } else {
                line(depth, instruction((Instruction) s));
            }
        }
    }

    /** One instruction in the seed's spelling: {@code pushB(s, deploy)}. */
    public static String instruction(Instruction i) {
        if (i instanceof Instruction.Add a) {
            return "add(" + a.instance() + " : " + a.type() + ")";
        } else if (i instanceof Instruction.Del d) {
            return "del(" + d.instance() + ")";
        } else if (i instanceof Instruction.Con c) {
            return "con(" + c.provider() + ", " + c.user() + ")";
        } else if (i instanceof Instruction.Dcon d) {
            return "dcon(" + d.provider() + ", " + d.user() + ")";
        } else if (i instanceof Instruction.PushB b) {
            return "pushB(" + b.instance() + ", " + b.behavior() + ")";
        } else if (i instanceof Instruction.Wait w) {
            return "wait(" + w.instance() + ")";
        }
        return "waitAll";
    }

    private void assembly(Assembly a) {
        line(0, "assembly " + a.name() + " {");
        for (Instance i : a.instances()) {
            line(1, i.name() + ": " + i.type());
        }
        for (Connection c : a.connections()) {
            line(1, "connect " + c.provider() + " -> " + c.user());
        }
        line(0, "}");
    }

    private void deployment(Deployment d) {
        line(0, "deployment " + d.name() + " { " + d.entries().stream()
                .map((DeploymentEntry e) -> e.instance() + ": " + e.place())
                .collect(Collectors.joining(", ")) + " }");
    }

    private void verify(VerifyBlock v) {
        line(0, "verify " + v.subject() + " {");
        for (PropertySpec p : v.properties()) {
            line(1, property(p));
        }
        line(0, "}");
    }

    /** One property as written in a verify block: {@code sequence s.start before c.start}. */
    public static String property(PropertySpec p) {
        if (p instanceof PropertySpec.Deployable d) {
            return "deployable" + (d.untimed() ? " untimed" : "") + (d.deployment() == null ? "" : " " + d.deployment());
        } else if (p instanceof PropertySpec.Forbidden f) {
            return "forbidden " + f.predicate().text();
        } else if (p instanceof PropertySpec.Sequence s) {
            return "sequence " + s.steps().stream().map(Object::toString).collect(Collectors.joining(" before "));
        } else if (p instanceof PropertySpec.Parallel par) {
            return "parallel " + String.join(", ", par.instances());
        } else if (p instanceof PropertySpec.Bounds) {
            return "bounds";
        } else if (p instanceof PropertySpec.Within w) {
            return "within " + w.seconds().toPlainString();
        } else if (p instanceof PropertySpec.Response r) {
            return "response " + r.trigger().text() + " leads to " + r.response().text() + " within "
                    + r.seconds().toPlainString();
        }
        PropertySpec.Query q = (PropertySpec.Query) p;
        return "query " + (q.untimed() ? "untimed " : "") + quote(q.formula());
    }

    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                default -> sb.append(c);
            }
        }
        return sb.append('"').toString();
    }
}
