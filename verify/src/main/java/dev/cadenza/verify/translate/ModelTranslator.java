package dev.cadenza.verify.translate;

import dev.cadenza.core.model.Assembly;
import dev.cadenza.core.model.Behavior;
import dev.cadenza.core.model.ComponentType;
import dev.cadenza.core.model.Connection;
import dev.cadenza.core.model.Instance;
import dev.cadenza.core.model.Instruction;
import dev.cadenza.core.model.Model;
import dev.cadenza.core.model.Program;
import dev.cadenza.core.model.SourcePosition;
import dev.cadenza.verify.ResolutionException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compiles a Concerto program (or a Madeus assembly, read as the program
 * {@code add all; con all; pushB(each, first behavior); waitAll}) into a time Petri net.
 *
 * <p>Per instance {@code c} of type T, for the behaviors the program pushes on c:
 * <ul>
 * <li>a place {@code c.P} per component place, {@code c.t.run} per transition (running), and,
 *     unless fused away, {@code c.t.od} (output dock on the source) and {@code c.t.id} (input dock
 *     on the destination);</li>
 * <li>the Madeus moves: leave P under behavior b ([0,0], P to the output docks of all of P's
 *     outgoing transitions in b, reads {@code c.beh.b}); start t ([0,0], od to run); end t (the
 *     duration [min, max], run to id); enter Q ([0,0], one join set of input docks to Q);</li>
 * <li>the behavior queue, unrolled: the program is straight-line, so the k-th {@code pushB} on c
 *     is known statically. {@code c.push.k} (the k-th push executed), {@code c.idle.k} (idle
 *     with k behaviors done), {@code c.act.k} and {@code c.beh.b} (behavior b active). Begin k
 *     consumes idle.(k-1) and push.k; complete k consumes act.k and beh.b and gives idle.k.</li>
 * </ul>
 *
 * <p><b>Behavior completion</b> (Concerto's {@code is_idle}: no running transition, no output or
 * input dock, no marked place with output docks in the active behavior): complete k has
 * inhibitor arcs on every run, od and id place of b's transitions and on every place with an
 * outgoing transition in b. It is enabled exactly when no move of b is enabled or can become
 * enabled without another move of b first: every move of b consumes one of those places. A move
 * that waits forever (a start whose port is never served, a partial join) keeps a token in one
 * of them, so the behavior never completes and the program's wait blocks: a deadlock, as in
 * Concerto.
 *
 * <p><b>Ports</b>. Provide {@code at} places/groups (service): activity is the number of tokens in
 * the bound places and the bound groups' activity flags ({@link Groups}) — the place itself when
 * it is a single one, else a counter place kept by arcs on every transition that changes that
 * number. Provide data, and {@code from P}: a flag set the first time the bound set is entered,
 * never cleared (entering transitions are split in a "first" copy that sets it and an "again"
 * copy that reads it). Use ports: the transitions that enter the bound set (for {@code by t}: the
 * start of t; for the initial place: {@code _init}'s enter) read the connection place and the
 * provider's activity. A use port's "using" count (its bound set's tokens) drives locking: a
 * provider transition that takes a token from a service port's bound set waits while a user
 * connected now is using it ({@link PortsAndLocks#lockAndRefuse}).
 *
 * <p><b>Fusions</b> (when {@link TranslationOptions#fuse()}): (1) leave P + start t, when t is
 * P's only outgoing transition in b and no use port guards t's start: the intermediate state (a
 * token in od) is vanishing — start is [0,0], always enabled there, and nothing else consumes,
 * reads or counts od apart from the same sets run belongs to (a dock belongs to a group exactly
 * when its transition does). (2) end t + enter Q, when the join of Q in b is the single set {t},
 * entering Q is guarded by no use port and sets no "provided" flag: the id token is vanishing
 * for the same reasons, and no guard is moved onto a timed transition (which would change when
 * its clock starts). Fusion only removes zero-duration states in which a dock holds the token;
 * predicates cannot name docks, so no property can tell.
 *
 * <p>Each rule family is a class next to the runtime rule it implements: {@link ProgramScan}
 * (names and errors), {@link ComponentPlaces} (places and fusion decisions), {@link ComponentMoves}
 * (leave, start, end, enter), {@link BehaviorQueue} (pushB, idle), {@link ProgramInstructions}
 * (the program), {@link Groups} (group activity flags), {@link PortsAndLocks} (activity, guards,
 * locks, refusing).
 *
 * <p><b>Concerto-D</b> ({@code semantics concerto-d}): its rules where it differs from the
 * centralized runtime are net structure in the same families — refusing in {@link PortsAndLocks}
 * ({@code concertoDRefusing}), {@code dcon} that does not wait, {@code del} that fails and the
 * process that ends with its program in {@link ProgramInstructions} (a {@code stopped} place that
 * inhibits every transition, below), {@code _init} always a step in {@link ComponentPlaces} —
 * and its polling is its default step cost ({@link TranslationPart#moves}). docs/verify.md,
 * "Concerto-D", gives the runtime's lines and why each is exact or only adds runs.
 *
 * <p>Limits: an instance is added once; when a use port is connected over the program to several
 * providers, each guard gets one copy per provider. docs/verify.md lists the runtime's rules and
 * where the translation differs.
 */
public final class ModelTranslator {

    private final TranslationPart.State state;
    private final ProgramScan scan;
    private final ComponentPlaces places;
    private final PortsAndLocks ports;
    private final ComponentMoves moves;
    private final BehaviorQueue queue;
    private final ProgramInstructions program;
    private final Groups groups;

    private ModelTranslator(Model model, String name, TranslationOptions options, boolean processEnds) {
        this.state = new TranslationPart.State(model, options, new NetDraft(name), processEnds);
        this.scan = new ProgramScan(state);
        this.places = new ComponentPlaces(state);
        this.ports = new PortsAndLocks(state);
        this.moves = new ComponentMoves(state);
        this.queue = new BehaviorQueue(state);
        this.program = new ProgramInstructions(state);
        this.groups = new Groups(state);
    }

    /** Translates the program or assembly named {@code subject}. */
    public static TranslatedNet translate(Model model, String subject, TranslationOptions options) {
        var program = model.program(subject);
        if (program.isPresent()) {
            return translate(model, program.get(), options);
        }
        var assembly = model.assembly(subject);
        if (assembly.isPresent()) {
            return translate(model, assembly.get(), options);
        }
        List<String> names = new ArrayList<>();
        model.programs().forEach(p -> names.add(p.name()));
        model.assemblies().forEach(a -> names.add(a.name()));
        throw new ResolutionException(new SourcePosition(model.file(), 0, 0),
                "unknown program or assembly '" + subject + "'; there are " + String.join(", ", names));
    }

    public static TranslatedNet translate(Model model, Program program, TranslationOptions options) {
        return new ModelTranslator(model, program.name(), options, true).run(program.instructions());
    }

    /** Translates a list of unrolled instructions under the name {@code name}: the whole program of the process. */
    public static TranslatedNet translate(Model model, String name, List<Instruction> program,
                                          TranslationOptions options) {
        return new ModelTranslator(model, name, options, true).run(program);
    }

    /**
     * Translates the program another starts after: as {@link #translate(Model, String, List,
     * TranslationOptions)}, except that under Concerto-D the process does not end with it (the
     * runtime goes on with the later program; the executor runs the prefix to its idle end).
     */
    public static TranslatedNet translatePrefix(Model model, String name, List<Instruction> program,
                                                TranslationOptions options) {
        return new ModelTranslator(model, name, options, false).run(program);
    }

    public static TranslatedNet translate(Model model, Assembly assembly, TranslationOptions options) {
        return new ModelTranslator(model, assembly.name(), options, true).run(asProgram(model, assembly));
    }

    /** A Madeus assembly as the Concerto program {@code add all; con all; pushB(each, first); waitAll}. */
    public static List<Instruction> asProgram(Model model, Assembly a) {
        List<Instruction> out = new ArrayList<>();
        for (Instance i : a.instances()) {
            out.add(new Instruction.Add(i.name(), i.type(), i.position()));
        }
        for (Connection c : a.connections()) {
            out.add(new Instruction.Con(c.provider(), c.user(), c.position()));
        }
        for (Instance i : a.instances()) {
            ComponentType t = model.type(i.type()).orElseThrow(() -> new ResolutionException(i.position(),
                    "unknown component type '" + i.type() + "'"));
            if (t.behaviors().isEmpty()) {
                throw new ResolutionException(t.position(), "component type '" + t.name() + "' has no behavior");
            }
            out.add(new Instruction.PushB(i.name(), t.behaviors().get(0).name(), i.position()));
        }
        out.add(new Instruction.WaitAll(a.position()));
        return out;
    }

    private TranslatedNet run(List<Instruction> instructions) {
        scan.scan(instructions);
        for (InstanceNet c : state.instances.values()) {
            places.componentPlaces(c);
        }
        for (InstanceNet c : state.instances.values()) {
            ports.portPlaces(c);
        }
        for (InstanceNet c : state.instances.values()) {
            moves.componentMoves(c);
            queue.behaviorQueue(c);
        }
        int end = program.programTransitions(instructions);
        for (InstanceNet c : state.instances.values()) {
            groups.split(c);
        }
        for (InstanceNet c : state.instances.values()) {
            ports.useGuards(c);
        }
        for (InstanceNet.Counter k : state.counters) {
            ports.maintainCounter(k);
        }
        for (InstanceNet c : state.instances.values()) {
            for (InstanceNet.ProvideNet p : c.provides.values()) {
                if (p.flag) {
                    ports.splitForFlag(c, p);
                }
            }
        }
        if (state.model.semantics() == dev.cadenza.core.model.Semantics.CONCERTO_D) {
            // before the locks: a provider's attempt to leave raises refusing whether or not a lock
            // then holds it (Concerto-D's component.py:800 comes before :802-808)
            ports.concertoDRefusing();
        }
        for (InstanceNet c : state.instances.values()) {
            for (InstanceNet.ProvideNet p : c.provides.values()) {
                if (!p.flag) {
                    ports.lockAndRefuse(c, p);
                }
            }
        }
        NetDraft d = state.d;
        if (state.stopped >= 0) {
            // Concerto-D's runtime has stopped (a failed del, the process ended): nothing moves any
            // more, so the run ends in a dead marking that is not finished
            for (NetDraft.TransitionDraft t : d.transitions) {
                t.inhibit(state.stopped);
            }
        }
        return new TranslatedNet(d.name, d.build(), backMap(end));
    }

    // ---- back-map -------------------------------------------------------------------------------

    private NetBackMap backMap(int end) {
        Map<String, ComponentType> types = new LinkedHashMap<>();
        Map<String, Integer> places = new HashMap<>();
        Map<String, Integer> running = new HashMap<>();
        Map<String, Integer> activity = new HashMap<>();
        Map<String, Integer> finalIdle = new LinkedHashMap<>();
        Map<Integer, String> using = new HashMap<>();
        for (InstanceNet c : state.instances.values()) {
            c.uses.forEach((u, un) -> using.merge(un.using, c.name + "." + u, (a, b) -> a + ", " + b));
            types.put(c.name, c.type);
            c.place.forEach((p, i) -> places.put(c.name + "." + p, i));
            c.run.forEach((t, i) -> running.put(c.name + "." + t, i));
            c.provides.forEach((p, pn) -> activity.put(c.name + "." + p, pn.activity));
            finalIdle.put(c.name, c.deleted >= 0 ? c.deleted : c.idle.get(c.pushes.size()));
        }
        NetDraft d = state.d;
        List<Provenance> placeProv = d.places.stream().map(p -> p.provenance).toList();
        List<Provenance> transitionProv = d.transitions.stream().map(t -> t.provenance).toList();
        return new NetBackMap(placeProv, transitionProv, types, places, running, activity, finalIdle, end, using);
    }
}