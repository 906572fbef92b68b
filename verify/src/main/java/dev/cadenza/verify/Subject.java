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
import dev.cadenza.petri.limit.Budget;
import dev.cadenza.petri.query.ComparisonOperator;
import dev.cadenza.petri.query.Predicate;
import dev.cadenza.verify.engine.TargetTimes;
import dev.cadenza.verify.engine.Targets;
import dev.cadenza.verify.engine.TimedEngine;
import dev.cadenza.verify.engine.UntimedSearch;
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
 * What a verify block talks about: a program or an assembly of a model, with the engine to
 * explore it, the command's budget every search draws on, and its translations (timed,
 * untimed) made once.
 *
 * <p>A program {@code after} another starts from the state the other leaves: the net of the
 * concatenated instructions, with as initial marking the final marking of the prefix (found
 * by exploring the prefix's own net: place names of both nets agree by construction, since
 * they are numbered by instruction and push positions). Times are then measured from the start
 * of the later program. A prefix that can end in several markings is refused. When the
 * budget cuts the search for that final state, the subject cannot be built: {@link #net} throws
 * a {@link LimitReachedException} (every question about it is inconclusive), never "the prefix
 * never finishes".
 */
public final class Subject {

    public enum Mode { TIMED, UNTIMED }

    private final Model model;
    private final String name;
    private final TimedEngine engine;
    private final Budget budget;
    private double stateSpaceShare = 1;
    private final Map<Mode, TranslatedNet> nets = new EnumMap<>(Mode.class);
    /** Why a translation could not be made at the budget's limit: asked again, the same answer. */
    private final Map<Mode, LimitReachedException> cut = new EnumMap<>(Mode.class);

    private final TranslationOptions options;
    private boolean reduction = true;
    private boolean replay = true;
    private boolean stateSpace = true;
    /** The searches the questions of the block being checked share (null: each searches alone). */
    private dev.cadenza.verify.property.SharedSearches sharedSearches;
    /** The block's safety questions the runtime's state space observes with its finish times (null: none). */
    private dev.cadenza.verify.property.RuntimeObservations runtimeObservations;
    private boolean untimedTryCut;
    /**
     * Complete answers already computed on this subject, under keys of their own record types
     * ({@link #remembered}): {@code bounds} and {@code within} ask the same time bounds, and hold
     * the same runs to the runtime.
     */
    private final Map<Object, Object> remembered = new HashMap<>();
    /**
     * Firing sequences of the timed net that end in a dead marking (the runs to deadlocks that
     * {@code deployable} found), in the order found: handed to the time bounds' search, which checks
     * each on the net and, for one that stops short of its goal, knows the max is infinite without
     * searching for it ({@link #deadRuns}).
     */
    private final List<int[]> deadRuns = new ArrayList<>();
    /** The runtime's state space's finish times, explored at most once per subject (null: not yet). */
    private dev.cadenza.verify.execute.FinishTimes runtimeFinishTimes;

    public Subject(Model model, String name, TimedEngine engine, Budget budget) {
        this(model, name, engine, budget, TranslationOptions.DEFAULT);
    }

    /** {@code options.untimed()} is ignored: {@link #net(Mode)} chooses. */
    public Subject(Model model, String name, TimedEngine engine, Budget budget, TranslationOptions options) {
        this.options = options;
        this.model = model;
        this.name = name;
        this.engine = engine;
        this.budget = budget;
    }

    /**
     * Whether searches may use the reductions (stubborn sets, the untimed first stage): on by
     * default, off for {@code --no-reduction}. The engine has its own switch.
     */
    public Subject reduction(boolean on) {
        this.reduction = on;
        return this;
    }

    public boolean reduction() {
        return reduction;
    }

    /**
     * Whether a verdict that rests on one run of the net (a deadlock, a counterexample, a witness,
     * the runs of bounds) is replayed in the executor before it is believed (docs/verify.md,
     * "Zero-time moves"; verify.property.RuntimeReplay): on by default, off for {@code --no-replay}.
     */
    public Subject replay(boolean on) {
        this.replay = on;
        return this;
    }

    public boolean replay() {
        return replay;
    }

    /**
     * Whether, where a replay fails, the runtime's state space (every run of the executor's loop,
     * verify.execute.RuntimeStateSpace) is explored to settle the verdict: on by default, off for
     * {@code --no-state-space} (it may take long on a large model; the verdict then stays
     * inconclusive or a bound only).
     */
    public Subject stateSpace(boolean on) {
        this.stateSpace = on;
        return this;
    }

    public boolean stateSpace() {
        return stateSpace && explorable();
    }

    /**
     * The part of the time left (under {@code --timeout}) that one exploration of the runtime's
     * state space may take: 1 where it is the command's only question ({@code bounds}), less in
     * {@code check}, where the verdicts after it should not all be cut because a second opinion on
     * one of them could not finish (docs/verify.md, "The runtime's state space").
     */
    public Subject stateSpaceShare(double fraction) {
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException("a share is in (0, 1], not " + fraction);
        }
        this.stateSpaceShare = fraction;
        return this;
    }

    public double stateSpaceShare() {
        return stateSpaceShare;
    }

    /**
     * Replay is on and the executor reads the model as the translation does (no refusing): the
     * runtime's state space can answer for it, with or without a step cost.
     */
    public boolean explorable() {
        return replay && model != null && !options.refusing();
    }

    /**
     * Iterations take time (a step above 0): the net's instants are not the loop's, so no net run is
     * replayed; where the runtime's state space is on it answers instead (RuntimeReplay).
     */
    public boolean stepCost() {
        return model != null && model.effectiveStep().max().signum() > 0;
    }

    /**
     * The runtime's exact finish times (verify.property's stage after a failed replay), from
     * {@code explore} the first time they are asked for, then as found: {@code deployable},
     * {@code bounds} and {@code within} of one subject share one exploration.
     */
    public dev.cadenza.verify.execute.FinishTimes runtimeFinishTimes(
            java.util.function.Supplier<dev.cadenza.verify.execute.FinishTimes> explore) {
        if (runtimeFinishTimes == null) {
            runtimeFinishTimes = explore.get();
        }
        return runtimeFinishTimes;
    }

    /**
     * The answer remembered under {@code key}, else {@code compute}'s, remembered when {@code keep}
     * says so. Only for answers that are a function of the subject and the key (a complete search
     * is: the searches are deterministic, and the budget only decides whether they finish), so a
     * remembered answer is the one asking again would give. Keys are records of the caller's own
     * type, so two callers never share one by accident.
     */
    public <T> T remembered(Record key, Class<T> type, java.util.function.Supplier<T> compute,
                            java.util.function.Predicate<T> keep) {
        Object known = remembered.get(key);
        if (known != null) {
            return type.cast(known);
        }
        T made = compute.get();
        if (made != null && keep.test(made)) {
            remembered.put(key, made);
        }
        return made;
    }

    /**
     * Notes a run of {@code tn} that ends in a dead marking, found by a timed search (a deadlock of
     * {@code deployable}); kept only when {@code tn} is this subject's timed net. Nothing is trusted:
     * {@link dev.cadenza.verify.engine.TimedEngine#timeTo(PetriNet, Predicate, Budget, List)} checks
     * each run on the net before it uses one.
     */
    public void noteDeadRun(TranslatedNet tn, dev.cadenza.verify.engine.TimedRun run) {
        if (run == null || !isNet(tn, Mode.TIMED)) {
            return;
        }
        int[] fired = new int[run.steps().size()];
        for (int i = 0; i < fired.length; i++) {
            fired[i] = run.steps().get(i).transition();
        }
        deadRuns.add(fired);
    }

    /** The runs {@link #noteDeadRun} kept, in the order found (empty with {@code --no-reduction}: not used then). */
    public List<int[]> deadRuns() {
        return reduction ? List.copyOf(deadRuns) : List.of();
    }

    /**
     * The searches the questions of one verify block share ({@code forbidden} and {@code AG}: one
     * exploration of the state classes for all), set by {@link Verifier#check} for the block it
     * checks; null (the default, and for a property checked alone): each question searches alone.
     */
    public Subject sharedSearches(dev.cadenza.verify.property.SharedSearches shared) {
        this.sharedSearches = shared;
        return this;
    }

    public dev.cadenza.verify.property.SharedSearches sharedSearches() {
        return sharedSearches;
    }

    /**
     * The safety questions of the verify block being checked that the runtime's state space observes
     * along the exploration of its finish times, set by {@link Verifier#check}; null (the default,
     * and for a property checked alone): each question the state space is asked explores alone.
     */
    public Subject runtimeObservations(dev.cadenza.verify.property.RuntimeObservations observations) {
        this.runtimeObservations = observations;
        return this;
    }

    public dev.cadenza.verify.property.RuntimeObservations runtimeObservations() {
        return runtimeObservations;
    }

    /**
     * Whether a cheap untimed try on one of this subject's nets was cut at its cap: its untimed graph
     * outgrows the try (alike hosts progressing in every order), so the next questions try the state
     * classes first, briefly ({@code Reachability}). A hint for the order of the stages only: every
     * answer is still a complete search's.
     */
    public boolean untimedTryCut() {
        return untimedTryCut;
    }

    public void noteUntimedTryCut() {
        untimedTryCut = true;
    }

    /** Whether {@code tn} is this subject's net of {@code mode}, already made (nothing is translated). */
    public boolean isNet(TranslatedNet tn, Mode mode) {
        return tn != null && nets.get(mode) == tn;
    }

    /**
     * Replay is on and the executor times the same runs as the net: no step cost, the
     * translation's default rules (no refusing).
     */
    public boolean replayable() {
        return replay && !options.refusing() && model.effectiveStep().max().signum() == 0;
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

    /** The command's budget: every search about this subject draws on it. */
    public Budget budget() {
        return budget;
    }

    /**
     * The subject's net. Throws {@link LimitReachedException} when building it needed a search
     * (the final state of the program it starts after) that the budget cut.
     */
    public TranslatedNet net(Mode mode) {
        LimitReachedException earlier = cut.get(mode);
        if (earlier != null) {
            throw earlier;
        }
        try {
            return nets.computeIfAbsent(mode, m -> translate(name, options.withUntimed(m == Mode.UNTIMED)));
        } catch (LimitReachedException e) {
            cut.put(mode, e);
            throw e;
        }
    }

    /**
     * Why building a net of this subject was cut by the budget earlier (the search for the state a
     * program starts from), or null: later questions give the same reason.
     */
    public LimitReachedException earlierCut() {
        LimitReachedException e = cut.get(Mode.TIMED);
        return e != null ? e : cut.get(Mode.UNTIMED);
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
        TranslatedNet before = ModelTranslator.translatePrefix(model, p.after(), prefix, options);
        refuseAStoppingPrefix(before, p);
        // the prefix's final state: reached by its fastest finishing run; then no other final
        // state may be reachable (a finished prefix with another marking)
        Predicate done = finished(before, null, p.position());
        long[] settled = reduction && !cyclic(before) ? untimedEnd(before, done, p) : null;
        if (settled != null) {
            return new TranslatedNet(whole.subject(), startingAt(whole.net(), before.net(), settled), whole.backMap());
        }
        TargetTimes first = engine.reach(before.net(), Targets.and(Targets.dead(), done), budget);
        if (!first.reachable()) {
            if (!first.statistics().complete()) {
                throw prefixCut(p, first);
            }
            throw new ResolutionException(p.position(), "program " + p.name() + " starts after " + p.after()
                    + ", which never finishes");
        }
        long[] end = Targets.replay(before.net(), first.minRun());
        Predicate other = Targets.and(Targets.and(Targets.dead(), done), Targets.not(exactly(end)));
        TargetTimes second = engine.reach(before.net(), other, budget);
        if (second.reachable()) {
            throw new ResolutionException(p.position(), "program " + p.name() + " starts after " + p.after()
                    + ", which can finish in several states; a program after another needs a single final state");
        }
        if (!second.statistics().complete()) {
            throw prefixCut(p, first.statistics().plus(second.statistics()));
        }
        return new TranslatedNet(whole.subject(), startingAt(whole.net(), before.net(), end), whole.backMap());
    }

    /**
     * The prefix's final marking found on the untimed marking graph with stubborn sets, or null
     * when that does not settle it (then the state classes do, as without reductions). Sound when
     * the prefix's behaviors have no cycle of places: its untimed firing sequences are then all
     * finite (straight-line program, finite pushes — the premise {@code deployable} rests on too).
     * If M is a dead and finished marking reachable untimed and no dead marking other than M is
     * (complete search), then every timed run ends in M: a timed run can always go on while some
     * transition is enabled (a class with an enabled transition has a firable one), so it is
     * finite only by ending dead, and its dead marking is an untimed dead marking, hence M. This
     * is exactly what the timed searches establish (a finishing run, and no other final marking),
     * and the later program starts from M either way. Anything else (a deadlock, another final
     * marking, a search cut at the cap) leaves the question to the state classes, which word it.
     */
    private long[] untimedEnd(TranslatedNet before, Predicate done, Program p) {
        UntimedSearch.Answer end = UntimedSearch.reach(before.net(), Targets.and(Targets.dead(), done), budget, true,
                STAGE_CAP);
        if (!end.found()) {
            return null;
        }
        long[] m = before.net().initialMarking();
        var net = dev.cadenza.petri.reach.CompiledNet.of(before.net());
        for (int t : end.path()) {
            net.fire(t, m);
        }
        UntimedSearch.Answer other = UntimedSearch.reach(before.net(), Targets.and(Targets.dead(),
                Targets.not(exactly(m))), budget, true, STAGE_CAP);
        return other.unreachable() ? m : null;
    }

    /**
     * Under Concerto-D a prefix whose runtime can stop (a del that fails) has no single end the later
     * program could start from; the executor refuses it too (it needs the prefix to finish). Decided
     * on the untimed net (every timed run is an untimed one): unreachable there, it never stops.
     */
    private void refuseAStoppingPrefix(TranslatedNet before, Program p) {
        int stopped = -1;
        for (int i = 0; i < before.backMap().placeCount(); i++) {
            if (before.backMap().place(i) instanceof dev.cadenza.verify.translate.Provenance.Stopped) {
                stopped = i;
            }
        }
        if (stopped < 0) {
            return;
        }
        UntimedSearch.Answer stops = UntimedSearch.reach(before.net(), Targets.allMarked(new int[] {stopped}), budget,
                reduction, Long.MAX_VALUE);
        if (stops.found()) {
            throw new ResolutionException(p.position(), "program " + p.name() + " starts after " + p.after()
                    + ", whose Concerto-D runtime can stop (a del of an instance still active or connected);"
                    + " a program after another needs it to finish");
        }
        if (!stops.statistics().complete()) {
            throw prefixCut(p, stops.statistics());
        }
    }

    /** Markings the untimed settling of a prefix's end may store before it gives way. */
    private static final long STAGE_CAP = 4_000_000;

    private LimitReachedException prefixCut(Program p, TargetTimes search) {
        return prefixCut(p, search.statistics());
    }

    private LimitReachedException prefixCut(Program p, dev.cadenza.verify.engine.Statistics stats) {
        return new LimitReachedException("the state where " + p.after() + " ends (" + p.name() + " starts there)"
                + " was not settled: " + budget.reason(stats.limit()), stats);
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

    private static Predicate exactly(long[] m) {
        List<Predicate> each = new ArrayList<>(m.length);
        for (int i = 0; i < m.length; i++) {
            each.add(Targets.sum(new int[] {i}, ComparisonOperator.EQ, m[i]));
        }
        return Targets.all(each);
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
     * True when some behavior of an instance has a cycle of places (a run could loop in it).
     * Conservative: behaviors the program never pushes count too.
     */
    public boolean hasCyclicBehavior() {
        return cyclic(net(Mode.TIMED));
    }

    private static boolean cyclic(TranslatedNet tn) {
        for (ComponentType type : tn.backMap().instances().values()) {
            for (var b : type.behaviors()) {
                var g = new org.jgrapht.graph.DefaultDirectedGraph<String, org.jgrapht.graph.DefaultEdge>(
                        org.jgrapht.graph.DefaultEdge.class);
                for (var t : b.transitions()) {
                    g.addVertex(t.source());
                    g.addVertex(t.destination());
                    g.addEdge(t.source(), t.destination());
                }
                if (new org.jgrapht.alg.cycle.CycleDetector<>(g).detectCycles()) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The program has run to its end and every instance still there is idle with all its
     * behaviors complete; with a deployment, each listed instance is also in its listed place.
     */
    public Predicate finished(TranslatedNet tn, String deployment, SourcePosition where) {
        var map = tn.backMap();
        List<Integer> need = new ArrayList<>();
        need.add(map.programEnd());
        need.addAll(map.finalIdle().values());
        if (deployment != null) {
            // a deployment named on the command line has no position: name the model's file, not "<built>"
            boolean option = where == SourcePosition.NONE;
            Deployment d = model.deployment(deployment).orElseThrow(() -> new ResolutionException(
                    option ? new SourcePosition(model.file(), 0, 0) : where,
                    "unknown deployment '" + deployment + "'" + (option ? " (--deployment)" : "") + "; deployments are "
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
        return Targets.allMarked(need.stream().mapToInt(Integer::intValue).toArray());
    }
}
