package dev.cadenza.cli;

import dev.cadenza.core.lang.ModelPrinter;
import dev.cadenza.core.model.Assembly;
import dev.cadenza.core.model.ComponentType;
import dev.cadenza.core.model.Instance;
import dev.cadenza.core.model.Instruction;
import dev.cadenza.core.model.Model;
import dev.cadenza.core.model.Program;
import dev.cadenza.core.model.VerifyBlock;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The size of what a model asks to check, per program and assembly: its components and the
 * places, transitions and ports they bring, its connections, and (programs) the number of
 * instructions once loops are unrolled. A program's components include those added by the
 * programs it starts {@code after}.
 */
record ModelSummary(String file, int types, List<Subject> subjects, List<VerifyBlock> verifyBlocks, Model model) {

    record Subject(String kind, String name, String after, int components, int places, int transitions,
                   int ports, int connections, Integer instructions) {
    }

    static ModelSummary of(Model model) {
        List<Subject> subjects = new ArrayList<>();
        for (Program p : model.programs()) {
            Map<String, String> components = new LinkedHashMap<>();
            List<Program> chain = new ArrayList<>(model.startingChain(p));
            chain.add(p);
            for (Program step : chain) {
                for (Instruction i : step.instructions()) {
                    if (i instanceof Instruction.Add a) {
                        components.putIfAbsent(a.instance(), a.type());
                    }
                }
            }
            List<Instruction> own = p.instructions();
            int connections = (int) own.stream().filter(i -> i instanceof Instruction.Con).count();
            subjects.add(sized("program", p.name(), p.after(), model, components, connections, own.size()));
        }
        for (Assembly a : model.assemblies()) {
            Map<String, String> components = new LinkedHashMap<>();
            for (Instance i : a.instances()) {
                components.putIfAbsent(i.name(), i.type());
            }
            subjects.add(sized("assembly", a.name(), null, model, components, a.connections().size(), null));
        }
        return new ModelSummary(model.file(), model.types().size(), subjects, model.verifyBlocks(), model);
    }

    private static Subject sized(String kind, String name, String after, Model model, Map<String, String> components,
                                 int connections, Integer instructions) {
        int places = 0;
        int transitions = 0;
        int ports = 0;
        for (String typeName : components.values()) {
            ComponentType t = model.type(typeName).orElseThrow();
            places += t.places().size();
            transitions += t.behaviors().stream().mapToInt(b -> b.transitions().size()).sum();
            ports += t.ports().size();
        }
        return new Subject(kind, name, after, components.size(), places, transitions, ports, connections, instructions);
    }

    String text() {
        StringBuilder sb = new StringBuilder();
        sb.append(file).append(": ").append(plural(types, "component type")).append("; ")
                .append(ModelOptions.describe(model)).append('\n');
        for (Subject s : subjects) {
            sb.append("  ").append(s.kind()).append(' ').append(s.name())
                    .append(s.after() == null ? "" : " (after " + s.after() + ")").append(": ")
                    .append(plural(s.components(), "component")).append(", ")
                    .append(plural(s.places(), "place")).append(", ")
                    .append(plural(s.transitions(), "transition")).append(", ")
                    .append(plural(s.ports(), "port")).append(", ")
                    .append(plural(s.connections(), "connection"))
                    .append(s.instructions() == null ? "" : ", " + plural(s.instructions(), "instruction"))
                    .append('\n');
        }
        for (VerifyBlock v : verifyBlocks) {
            sb.append("verify ").append(v.subject()).append(": ")
                    .append(plural(v.properties().size(), "property", "properties")).append('\n');
            v.properties().forEach(p -> sb.append("  ").append(ModelPrinter.property(p)).append('\n'));
        }
        return sb.toString();
    }

    Map<String, Object> json() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("file", file);
        out.put("types", types);
        out.put("semantics", model.semantics().keyword());
        out.put("step", ModelOptions.stepJson(model));
        List<Object> list = new ArrayList<>();
        for (Subject s : subjects) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("kind", s.kind());
            o.put("name", s.name());
            o.put("after", s.after());
            o.put("components", s.components());
            o.put("places", s.places());
            o.put("transitions", s.transitions());
            o.put("ports", s.ports());
            o.put("connections", s.connections());
            o.put("instructions", s.instructions());
            list.add(o);
        }
        out.put("subjects", list);
        // verdicts come with the verification engine; until then every property is "unchecked"
        List<Object> properties = new ArrayList<>();
        for (VerifyBlock v : verifyBlocks) {
            v.properties().forEach(p -> {
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("name", v.subject() + ": " + ModelPrinter.property(p));
                o.put("verdict", "unchecked");
                properties.add(o);
            });
        }
        out.put("properties", properties);
        return out;
    }

    private static String plural(int n, String word) {
        return plural(n, word, word + "s");
    }

    private static String plural(int n, String word, String words) {
        return n + " " + (n == 1 ? word : words);
    }
}
