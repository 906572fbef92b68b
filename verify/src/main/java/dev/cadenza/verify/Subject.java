package dev.cadenza.verify;

import dev.cadenza.core.model.Assembly;
import dev.cadenza.core.model.ComponentType;
import dev.cadenza.core.model.Deployment;
import dev.cadenza.core.model.DeploymentEntry;
import dev.cadenza.core.model.Instruction;
import dev.cadenza.core.model.Model;
import dev.cadenza.core.model.Program;
import dev.cadenza.core.model.SourcePosition;
import dev.cadenza.petri.PetriNet;
import dev.cadenza.petri.Place;
import dev.cadenza.verify.engine.Limits;
import dev.cadenza.verify.engine.MarkingTest;
import dev.cadenza.verify.engine.StateGraph;
import dev.cadenza.verify.engine.TimedEngine;
import dev.cadenza.verify.translate.ModelTranslator;
import dev.cadenza.verify.translate.TranslatedNet;
import dev.cadenza.verify.translate.TranslationOptions;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * What a verify block talks about: a program or an assembly of a model, with the engine and
 * limits to explore it, and its translations (timed, untimed) made once.
 *
 * <p>A program {@code after} another starts from the state the other leaves: the net of the
 * concatenated instructions, with as initial marking the final marking of the prefix (found
 * by exploring the prefix's own net: place names of both nets agree by construction, since
 * they are numbered by instruction and push positions). Times are then measured from the start
 * of the later program. A prefix that can end in several markings is refused.
 */
public final class Subject {

    public enum Mode { TIMED, UNTIMED }

    private final Model model;
    private final String name;
    private final TimedEngine engine;
    private final Limits limits;
    private final Map<Mode, TranslatedNet> nets = new EnumMap<>(Mode.class);

    public Subject(Model model, String name, TimedEngine engine, Limits limits) {
        this.model = model;
        this.name = name;
        this.engine = engine;
        this.limits = limits;
    }

    public Model model() {
        return model;
    }

    public String name() {
        return name;
    }

    public TimedEngine engine() {
        return engine;
    }

    public Limits limits() {
        return limits;
    }

    public TranslatedNet net(Mode mode) {
        return nets.computeIfAbsent(mode, m -> translate(name, TranslationOptions.DEFAULT.withUntimed(m == Mode.UNTIMED)));
    }

    private TranslatedNet translate(String subject, TranslationOptions options) {
        var program = model.program(subject);
        if (program.isEmpty() || program.get().after() == null) {
            return ModelTranslator.translate(model, subject, options);
        }
        Program p = program.get();
        List<Instruction> prefix = instructions(p.after(), p.position(), new LinkedHashSet<>());
        List<Instruction> all = new ArrayList<>(prefix);
        all.addAll(p.instructions());
        TranslatedNet whole = ModelTranslator.translate(model, subject, all, options);
        TranslatedNet before = ModelTranslator.translate(model, p.after(), prefix, options);
        MarkingTest done = finished(before, null, p.position());
        StateGraph g = engine.explore(before.net(), limits);
        Set<List<Long>> ends = new LinkedHashSet<>();
        long[] end = null;
        for (int s = 0; s < g.size(); s++) {
            long[] m = g.marking(s);
            if (g.dead(s) && done.test(m, true)) {
                if (ends.add(java.util.Arrays.stream(m).boxed().toList())) {
                    end = m;
                }
            }
        }
        if (ends.size() != 1) {
            throw new ResolutionException(p.position(), "program " + p.name() + " starts after " + p.after()
                    + ", which " + (ends.isEmpty() ? "never finishes" : "can finish in " + ends.size()
                    + " different states") + "; a program after another needs a single final state");
        }
        return new TranslatedNet(whole.subject(), startingAt(whole.net(), before.net(), end), whole.backMap());
    }

    private List<Instruction> instructions(String subject, SourcePosition where, Set<String> seen) {
        if (!seen.add(subject)) {
            throw new ResolutionException(where, "programs start after each other in a cycle: " + seen);
        }
        var program = model.program(subject);
        if (program.isPresent()) {
            List<Instruction> out = new ArrayList<>();
            if (program.get().after() != null) {
                out.addAll(instructions(program.get().after(), program.get().position(), seen));
            }
            out.addAll(program.get().instructions());
            return out;
        }
        Assembly a = model.assembly(subject).orElseThrow(() -> new ResolutionException(where,
                "unknown program or assembly '" + subject + "'"));
        return ModelTranslator.asProgram(model, a);
    }

    private static PetriNet startingAt(PetriNet whole, PetriNet before, long[] marking) {
        Map<String, Long> byName = new HashMap<>();
        for (int i = 0; i < before.placeCount(); i++) {
            byName.put(before.place(i).name(), marking[i]);
        }
        List<Place> places = new ArrayList<>();
        for (Place p : whole.places()) {
            places.add(new Place(p.name(), p.label(), byName.getOrDefault(p.name(), 0L)));
        }
        return new PetriNet(whole.name(), places, whole.transitions());
    }

    /**
     * The program has run to its end and every instance still there is idle with all its
     * behaviors complete; with a deployment, each listed instance is also in its listed place.
     */
    public MarkingTest finished(TranslatedNet tn, String deployment, SourcePosition where) {
        var map = tn.backMap();
        List<Integer> need = new ArrayList<>();
        need.add(map.programEnd());
        need.addAll(map.finalIdle().values());
        if (deployment != null) {
            Deployment d = model.deployment(deployment).orElseThrow(() -> new ResolutionException(where,
                    "unknown deployment '" + deployment + "'; deployments are "
                            + String.join(", ", model.deployments().stream().map(Deployment::name).toList())));
            for (DeploymentEntry e : d.entries()) {
                ComponentType type = map.instances().get(e.instance());
                if (type == null) {
                    throw new ResolutionException(e.position(), "unknown instance '" + e.instance()
                            + "'; instances are " + String.join(", ", map.instances().keySet()));
                }
                OptionalInt p = map.componentPlace(e.instance(), e.place());
                if (p.isEmpty()) {
                    throw new ResolutionException(e.position(), "unknown place '" + e.place() + "' of "
                            + e.instance());
                }
                need.add(p.getAsInt());
            }
        }
        int[] places = need.stream().mapToInt(Integer::intValue).toArray();
        return (m, dead) -> {
            for (int p : places) {
                if (m[p] < 1) {
                    return false;
                }
            }
            return true;
        };
    }
}
