package dev.cadenza.verify.execute;

import dev.cadenza.core.lang.ModelPrinter;
import dev.cadenza.core.model.Assembly;
import dev.cadenza.core.model.Behavior;
import dev.cadenza.core.model.ComponentType;
import dev.cadenza.core.model.Connection;
import dev.cadenza.core.model.Duration;
import dev.cadenza.core.model.Instance;
import dev.cadenza.core.model.Instruction;
import dev.cadenza.core.model.Model;
import dev.cadenza.core.model.Program;
import dev.cadenza.core.model.Semantics;
import dev.cadenza.core.model.SourcePosition;
import dev.cadenza.core.model.TransitionDecl;
import dev.cadenza.verify.ResolutionException;
import dev.cadenza.verify.trace.Run;
import dev.cadenza.verify.trace.RunEnd;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs a program or assembly of a model by Concerto's operational semantics, directly on the
 * model (no Petri net): a discrete-event simulation of the runtime's loop, its rules read from the
 * Python runtimes ({@link Execution} for the loop, {@link ComponentRules} for a component's sweep,
 * {@link ProgramRules} for the instructions). A {@link Policy} makes the choices the runtime leaves
 * open (durations, orders, thread races, step durations). The result is a {@link Run} — the same
 * type counterexamples use — or, for many sampled runs, a compact {@link Summary}.
 *
 * <p>Compiled once per model and subject; immutable; {@link #run} and {@link #summarize} may be
 * called from several threads at once, each with its own policy.
 */
public final class Executor {

    private final String subject;
    private final String after;
    private final SourcePosition subjectPosition;
    private final ExecutionOptions options;
    private final Semantics semantics;
    private final Duration step;
    private final List<Instruction> instructions;
    private final List<String> texts;
    private final int prefixLength;
    private final TimeScale scale;
    private final Map<String, CompiledType> types = new LinkedHashMap<>();
    private final Map<CompiledType, DurationSampler[]> samplers = new LinkedHashMap<>();
    private final List<String> instanceNames = new ArrayList<>();
    private final List<CompiledType> instanceTypes = new ArrayList<>();
    private final int[] transitionBase;
    private final List<String> labels = new ArrayList<>();

    private Executor(Model model, String subject, ExecutionOptions options) {
        this.subject = subject;
        this.options = options;
        this.semantics = model.semantics();
        this.step = model.effectiveStep();
        var program = model.program(subject);
        List<Instruction> prefix = new ArrayList<>();
        if (program.isPresent()) {
            subjectPosition = program.get().position();
            after = program.get().after();
            if (after != null) {
                prefix = instructions(model, after, subjectPosition, new LinkedHashSet<>(List.of(subject)));
            }
            instructions = new ArrayList<>(prefix);
            instructions.addAll(program.get().instructions());
        } else {
            Assembly a = model.assembly(subject).orElseThrow(() -> new ResolutionException(
                    new SourcePosition(model.file(), 0, 0), "unknown program or assembly '" + subject + "'; there are "
                    + String.join(", ", names(model))));
            subjectPosition = a.position();
            after = null;
            instructions = asProgram(model, a);
        }
        prefixLength = prefix.size();
        texts = instructions.stream().map(ModelPrinter::instruction).toList();
        int decimals = Math.max(step.min().stripTrailingZeros().scale(), step.max().stripTrailingZeros().scale());
        for (Instruction i : instructions) {
            if (i instanceof Instruction.Add add) {
                ComponentType t = model.type(add.type()).orElseThrow(() -> new ResolutionException(add.position(),
                        "unknown component type '" + add.type() + "'"));
                for (Behavior b : t.behaviors()) {
                    for (TransitionDecl d : b.transitions()) {
                        decimals = Math.max(decimals, d.duration().min().stripTrailingZeros().scale());
                        if (d.duration().max() != null) {
                            decimals = Math.max(decimals, d.duration().max().stripTrailingZeros().scale());
                        }
                    }
                }
            }
        }
        scale = TimeScale.forDecimals(decimals);
        List<Integer> bases = new ArrayList<>();
        int base = 0;
        for (Instruction i : instructions) {
            if (i instanceof Instruction.Add add) {
                CompiledType t = types.computeIfAbsent(add.type(), n -> new CompiledType(model.type(n).orElseThrow(),
                        scale));
                instanceNames.add(add.instance());
                instanceTypes.add(t);
                bases.add(base);
                base += t.transitions.length;
                for (String tr : t.transitions) {
                    labels.add(add.instance() + "." + tr);
                }
            }
        }
        transitionBase = bases.stream().mapToInt(Integer::intValue).toArray();
        for (CompiledType t : types.values()) {
            DurationSampler[] s = new DurationSampler[t.transitions.length];
            for (int k = 0; k < s.length; k++) {
                s[k] = new DurationSampler(t.minTicks[k], t.maxTicks[k], t.distributions[k], scale);
            }
            samplers.put(t, s);
        }
    }

    /**
     * The executor of program or assembly {@code subject} of {@code model}, by the rules of the
     * model's {@code semantics} and with its {@code step}.
     */
    public static Executor of(Model model, String subject, ExecutionOptions options) {
        return new Executor(model, subject, options);
    }

    /** The same with the default options. */
    public static Executor of(Model model, String subject) {
        return new Executor(model, subject, ExecutionOptions.DEFAULT);
    }

    private static List<String> names(Model m) {
        List<String> out = new ArrayList<>();
        m.programs().forEach(p -> out.add(p.name()));
        m.assemblies().forEach(a -> out.add(a.name()));
        return out;
    }

    /** The instructions of the programs a program runs after, the first first (as verify's Subject reads them). */
    private static List<Instruction> instructions(Model model, String name, SourcePosition where, Set<String> seen) {
        if (!seen.add(name)) {
            throw new ResolutionException(where, "programs start after each other in a cycle: " + seen);
        }
        var program = model.program(name);
        if (program.isPresent()) {
            List<Instruction> out = new ArrayList<>();
            if (program.get().after() != null) {
                out.addAll(instructions(model, program.get().after(), program.get().position(), seen));
            }
            out.addAll(program.get().instructions());
            return out;
        }
        Assembly a = model.assembly(name).orElseThrow(() -> new ResolutionException(where,
                "unknown program or assembly '" + name + "'"));
        return asProgram(model, a);
    }

    /**
     * A Madeus assembly read as the Concerto program {@code add all; con all; pushB(each, its
     * first behavior); waitAll} (concerto/madeus/madeus_assembly.py builds the same).
     */
    static List<Instruction> asProgram(Model model, Assembly a) {
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

    // ---- running ----------------------------------------------------------------------------------

    /** One run told in model terms: events, waits and how it ended. */
    public Run run(Policy policy) {
        Execution x = new Execution(this, policy, true);
        Execution.Outcome o = x.run();
        return x.log.toRun(subject, o.initial(), end(o), scale);
    }

    /**
     * One run with its own driver (paced for a dry run, real processes for {@code cadenza run}),
     * each event told to {@code observer} as it happens, stoppable through {@code control}.
     */
    public Run run(Policy policy, Driver driver, ExecutionObserver observer, RunControl control) {
        Execution x = new Execution(this, policy, true, driver, observer);
        control.attach(x);
        Execution.Outcome o = x.run();
        return x.log.toRun(subject, o.initial(), end(o), scale);
    }

    /** One run told in model terms, its execution first handed to {@code prepare} (a policy that reads the state). */
    Run run(Policy policy, Driver driver, java.util.function.Consumer<Execution> prepare) {
        Execution x = new Execution(this, policy, true, driver, ExecutionObserver.NONE);
        prepare.accept(x);
        Execution.Outcome o = x.run();
        return x.log.toRun(subject, o.initial(), end(o), scale);
    }

    /**
     * The same, stopped where a {@link PredicateWatch.Halt} is thrown (the predicate watched holds,
     * or a replayed path is at its end): the run up to there, ending {@link RunEnd.Cut} with
     * {@code why}.
     */
    Run runUntilHalted(Policy policy, Driver driver, java.util.function.Consumer<Execution> prepare, String why) {
        Execution x = new Execution(this, policy, true, driver, ExecutionObserver.NONE);
        prepare.accept(x);
        try {
            Execution.Outcome o = x.run();
            return x.log.toRun(subject, o.initial(), end(o), scale);
        } catch (PredicateWatch.Halt h) {
            return x.log.toRun(subject, x.subjectInitial, new RunEnd.Cut(scale.seconds(x.now), why), scale);
        }
    }

    /** What many sampled runs need of one run: how it ended, when, and its critical chain. */
    public record Summary(boolean finished, boolean deadlock, long endTicks, BitSet critical, String stopped) {
    }

    /** One run, summarized (no run object is built). */
    public Summary summarize(Policy policy) {
        Execution x = new Execution(this, policy, false);
        Execution.Outcome o = x.run();
        BitSet critical = new BitSet(labels.size());
        x.log.criticalTransitions((c, t) -> critical.set(transitionBase[c] + t));
        return new Summary(o.finished() != null, o.deadlock(), o.time(), critical,
                o.stopped() == null ? null : o.stopped().describe());
    }

    private RunEnd end(Execution.Outcome o) {
        if (o.finished() != null) {
            return o.finished();
        }
        if (o.deadlock()) {
            return new RunEnd.Deadlock(scale.seconds(o.time()));
        }
        return new RunEnd.Stopped(scale.seconds(o.time()), o.stopped());
    }

    // ---- what the runs share ----------------------------------------------------------------------

    public TimeScale scale() {
        return scale;
    }

    public ExecutionOptions options() {
        return options;
    }

    /** The runtime whose rules the runs follow (the model's). */
    public Semantics semantics() {
        return semantics;
    }

    /** How long one loop iteration takes (the model's step, or its semantics' default). */
    public Duration step() {
        return step;
    }

    public String subject() {
        return subject;
    }

    String after() {
        return after;
    }

    SourcePosition subjectPosition() {
        return subjectPosition;
    }

    List<Instruction> instructions() {
        return instructions;
    }

    List<String> instructionTexts() {
        return texts;
    }

    int prefixLength() {
        return prefixLength;
    }

    CompiledType type(String name, SourcePosition where) {
        CompiledType t = types.get(name);
        if (t == null) {
            throw new ResolutionException(where, "unknown component type '" + name + "'");
        }
        return t;
    }

    /** The names of the instances the program adds, in the order it adds them. */
    List<String> addedNames() {
        return instanceNames;
    }

    /** Their compiled types, in the same order. */
    List<CompiledType> addedTypes() {
        return instanceTypes;
    }

    DurationSampler sampler(CompiledType t, int transition) {
        return samplers.get(t)[transition];
    }

    /** The instances the program adds, with their component types, in order. */
    public Map<String, String> instanceTypes() {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < instanceNames.size(); i++) {
            out.put(instanceNames.get(i), instanceTypes.get(i).name);
        }
        return out;
    }

    /** {@code c.configure} for every transition of every instance the program adds, in order (the index of {@link Summary#critical()}). */
    public List<String> transitionLabels() {
        return List.copyOf(labels);
    }

    /**
     * Why sampling is impossible, or null: a transition the program can run has an interval
     * {@code [a, inf]} without a distribution with an unbounded tail.
     */
    public String samplingRefusal() {
        for (int i = 0; i < instanceNames.size(); i++) {
            CompiledType t = instanceTypes.get(i);
            for (int k = 0; k < t.transitions.length; k++) {
                String r = samplers.get(t)[k].refusal();
                if (r != null) {
                    TransitionDecl d = t.type.transition(t.transitions[k]).orElseThrow();
                    return d.position() + ": " + instanceNames.get(i) + "." + t.transitions[k] + ": " + r;
                }
            }
        }
        return null;
    }

    /** Whether every transition has a finite maximum (the all-max policy needs it). */
    public boolean bounded() {
        for (CompiledType t : types.values()) {
            for (long m : t.maxTicks) {
                if (m < 0) {
                    return false;
                }
            }
        }
        return true;
    }
}
