package dev.cadenza.verify.execute;

import dev.cadenza.core.model.Instruction;
import dev.cadenza.core.model.Semantics;
import dev.cadenza.core.model.SourcePosition;
import dev.cadenza.verify.ResolutionException;
import dev.cadenza.verify.trace.RunEnd;
import dev.cadenza.verify.trace.StopCause;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One run of the runtime's loop (assembly.py:396-430 at d829503; Concerto-D: the loops of HEAD
 * assembly.py's {@code wait}, {@code wait_all}, {@code del_component} around
 * {@code run_semantics_iteration}, :503-529): each iteration first retries the blocked
 * instruction, then takes the program's next instructions until one does not finish (the program
 * phase), then gives every active component one sweep, in the order the policy gives (a Python
 * set of names), and removes those that went idle.
 *
 * <p>Time: an iteration takes no time unless a step cost is set (then the policy chooses its
 * duration in [a, b]). A started transition's thread finishes at start + d; an end phase notices
 * it from then on. When an iteration changes nothing — no event, no component going idle — the
 * next one would change nothing either until a thread finishes, so the clock jumps to the first
 * finish (paying one step per skipped iteration when steps cost time). Nothing moving, no thread
 * running, and the program not done is a deadlock.
 */
final class Execution {

    final Executor executor;
    final Policy policy;
    final Driver driver;
    final boolean concertoD;
    final long stepMin;
    final long stepMax;
    final List<Instruction> program;
    EventLog log;
    final ProgramRules programRules;
    final ComponentRules componentRules;

    final Map<String, ComponentState> byName = new LinkedHashMap<>();
    final List<ComponentState> byId = new ArrayList<>();
    final List<ComponentState> active = new ArrayList<>();

    long now;
    long iteration;
    int lastInstruction = -1;
    boolean forceNotice;
    /** A second quiet iteration in a row with unnoticed finished threads: every one is noticed now. */
    boolean forceAll;
    boolean deferred;
    int pc;
    boolean blocked;
    StopCause stopped;
    boolean dirty;
    private final ExecutionObserver observer;

    /** The places marked when the subject's program starts (empty unless it runs after another). */
    Map<String, Set<String>> subjectInitial = Map.of();

    /** Set once the run must stop (a failed or timed-out action, an interrupt): nothing starts any more. */
    StopCause stopping;
    private volatile boolean interrupted;

    Execution(Executor executor, Policy policy, boolean full) {
        this(executor, policy, full, Driver.simulated(), ExecutionObserver.NONE);
    }

    Execution(Executor executor, Policy policy, boolean full, Driver driver, ExecutionObserver observer) {
        this.executor = executor;
        this.policy = policy;
        this.driver = driver;
        this.concertoD = executor.semantics() == Semantics.CONCERTO_D;
        this.stepMin = executor.scale().ticks(executor.step().min());
        this.stepMax = executor.scale().ticks(executor.step().max());
        this.program = executor.instructions();
        this.observer = observer;
        this.log = new EventLog(full, policy, policy.wantsEvents(), byId, executor.instructionTexts(), observer,
                executor.scale());
        this.programRules = new ProgramRules(this);
        this.componentRules = new ComponentRules(this);
    }

    /** How the run ended, where. */
    record Outcome(RunEnd.Finished finished, boolean deadlock, StopCause stopped, long time,
                   Map<String, Set<String>> initial) {
    }

    Outcome run() {
        Map<String, Set<String>> initial = Map.of();
        int prefix = executor.prefixLength();
        if (prefix > 0) {
            Outcome first = loop(prefix);
            if (first.finished() == null) {
                throw new ResolutionException(executor.subjectPosition(), "program " + executor.subject()
                        + " starts after " + executor.after() + ", which "
                        + (first.deadlock() ? "deadlocks" : "stops: " + first.stopped().describe())
                        + " in this run; a program after another needs it to finish");
            }
            // times are measured from the start of the later program (as Subject does for check)
            initial = markedPlaces();
            EventLog.Probe probe = log.probe;
            log = new EventLog(log.full, policy, policy.wantsEvents(), byId, executor.instructionTexts(), observer,
                    executor.scale());
            log.probe = probe;
            lastInstruction = -1;
            for (ComponentState c : byId) {
                resetCauses(c);
            }
            now = 0;
        }
        subjectInitial = initial;
        policy.subjectStarts();
        try {
            Outcome o = loop(program.size());
            return new Outcome(o.finished(), o.deadlock(), o.stopped(), o.time(), initial);
        } finally {
            driver.finish(this);
        }
    }

    /** Asks the run to stop cleanly (Ctrl-C): nothing new starts, running actions are stopped. */
    void interrupt() {
        interrupted = true;
    }

    boolean interrupted() {
        return interrupted;
    }

    /** The run must stop for {@code cause} (the first cause given stands). */
    void requestStop(StopCause cause) {
        if (stopping == null) {
            stopping = cause;
        }
    }

    /** Whether a started transition's thread is still going (not ended, not abandoned). */
    boolean threadsGoing() {
        for (ComponentState c : byId) {
            if (c.runningCount > 0) {
                for (int t = 0; t < c.running.length; t++) {
                    if (c.running[t] && !c.abandoned[t]) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static void resetCauses(ComponentState c) {
        java.util.Arrays.fill(c.placeEntered, -1);
        java.util.Arrays.fill(c.placeLeft, -1);
        java.util.Arrays.fill(c.readyEvent, -1);
        java.util.Arrays.fill(c.startEvent, -1);
        java.util.Arrays.fill(c.endEvent, -1);
        java.util.Arrays.fill(c.portEvent, -1);
        c.behaviorEvent = -1;
        c.lastEvent = -1;
        c.idleEvent = -1;
    }

    /** How one loop iteration ended (what the loop, or an explorer of its runs, does next). */
    enum Step {
        /** The program is at its end and every instance idle (or Concerto-D's process ended). */
        FINISHED,
        /** Nothing moved, no thread runs, the program is not done. */
        DEADLOCK,
        /** The run must stop ({@link #stopped} or {@link #stopping}). */
        STOPPED,
        /** Something moved: the next iteration follows (one step later when steps cost time). */
        CHANGED,
        /** Nothing else moved, but threads that finished now were not noticed yet: the next end phases must. */
        DEFERRED,
        /** Nothing moved and nothing will until a running thread finishes: time passes. */
        QUIET
    }

    /** Runs iterations until the program is at {@code end} and every instance idle, or it cannot go on. */
    private Outcome loop(int end) {
        long max = executor.options().maxIterations();
        int[] ids = new int[8];
        String[] names = new String[8];
        ComponentState[] order = new ComponentState[8];
        long count = 0;
        while (true) {
            if (++count > max) {
                return new Outcome(null, false, new StopCause.LimitReached(max + " loop iterations"), now, null);
            }
            Step s = beginIteration(end);
            if (s == null) {
                int n = active.size();
                if (ids.length < n) {
                    ids = new int[n * 2];
                    names = new String[n * 2];
                }
                for (int i = 0; i < n; i++) {
                    ids[i] = i;
                    names[i] = active.get(i).name;
                }
                policy.order(Policy.Phase.COMPONENTS, null, ids, n, names);
                if (order.length < n) {
                    order = new ComponentState[n * 2];
                }
                for (int i = 0; i < n; i++) {
                    order[i] = active.get(ids[i]);
                }
                for (int i = 0; i < n; i++) {
                    sweepOne(order[i]);
                }
                s = endIteration(end);
            }
            switch (s) {
                case FINISHED:
                    return new Outcome(new RunEnd.Finished(scale().seconds(now)), false, null, now, null);
                case DEADLOCK:
                    return new Outcome(null, true, null, now, null);
                case STOPPED:
                    if (stopped != null) {
                        return new Outcome(null, false, stopped, now, null);
                    }
                    if (programEnded) {
                        return new Outcome(null, false, new StopCause.ProgramEnded(active.stream().map(c -> c.name)
                                .toList()), now, null);
                    }
                    return new Outcome(null, false, stopping, now, null);
                case CHANGED:
                    afterChange();
                    now = driver.afterChange(this);
                    continue;
                case DEFERRED:
                    // a quiet iteration with threads that finished now but were not noticed yet: the next
                    // end phases notice them (a thread race lasts no longer than the others' moves)
                    afterDeferred();
                    now = driver.afterChange(this);
                    continue;
                default:
                    break;
            }
            // every skipped iteration costs a step (the driver pays them): the first one at or
            // after the finish notices it
            now = driver.whenQuiet(this, nextFinish());
        }
    }

    /** The first known finish of a running thread (MAX when none is known). */
    long nextFinish() {
        long next = Long.MAX_VALUE;
        for (ComponentState c : byId) {
            if (c.runningCount > 0) {
                for (int t = 0; t < c.running.length; t++) {
                    if (c.running[t] && !c.abandoned[t] && c.finishAt[t] < next) {
                        next = c.finishAt[t];
                    }
                }
            }
        }
        return next;
    }

    /** The end of the program part the running iteration's program phase runs (the prefix's, or the whole program's). */
    int iterationEnd;
    /** The log size when the running iteration began (a longer log: something moved). */
    private int before;
    /** Some component went idle in the running iteration. */
    private boolean idle;
    /** Concerto-D's process ended with its program while instances were still active. */
    boolean programEnded;

    /**
     * The start of one iteration (assembly.py:407-420): the program phase. Returns how the
     * iteration ends when it ends there (the run stops, or Concerto-D's process ends with its
     * program), else null: then every active component sweeps ({@link #sweepOne}, in an order the
     * caller chooses) and {@link #endIteration} says how it ended.
     */
    Step beginIteration(int end) {
        iteration++;
        iterationEnd = end;
        policy.beginIteration(now);
        deferred = false;
        dirty = false;
        idle = false;
        before = log.size();
        if (interrupted && stopping == null) {
            requestStop(new StopCause.Interrupted());
            driver.finish(this);
        }
        if (stopping == null) {
            programPhase(end);
        }
        if (stopped != null) {
            return Step.STOPPED;
        }
        if (concertoD && pc >= end && !blocked) {
            // Concerto-D's process ends with its program (its last instruction returned)
            if (active.isEmpty()) {
                return Step.FINISHED;
            }
            if (end == program.size()) {
                programEnded = true;
                return Step.STOPPED;
            }
        }
        return null;
    }

    /** One active component's sweep in the running iteration (assembly.py:425-430). */
    void sweepOne(ComponentState c) {
        boolean wasInit = c.initRunning || c.initDock;
        int logBefore = log.size();
        // no rule reads the flag during a sweep (it only sets it): cleared here to see whether this sweep set it
        boolean deferredBefore = deferred;
        deferred = false;
        boolean becameIdle = componentRules.sweep(c);
        if (becameIdle) {
            c.inActive = false;
            idle = true;
        }
        boolean initChanged = wasInit != (c.initRunning || c.initDock);
        dirty |= initChanged;
        sweepMoved = becameIdle || initChanged || log.size() != logBefore;
        sweepDeferred = deferred;
        deferred |= deferredBefore;
    }

    /**
     * What the last {@link #sweepOne} did to the loop's flags by itself: moved something (the
     * iteration moved), left a finished thread unnoticed (a race deferred). The flags after it are
     * the ones before it or'ed with these.
     */
    boolean sweepMoved;
    boolean sweepDeferred;

    /** The end of the running iteration: the idle components leave the active set; how it ended. */
    Step endIteration(int end) {
        if (idle) {
            active.removeIf(c -> !c.inActive);
            dirty = true;
        }
        boolean changed = dirty || log.size() != before;
        if (stopping == null && pc >= end && !blocked && active.isEmpty()) {
            return Step.FINISHED;
        }
        if (stopping != null && !threadsGoing()) {
            return Step.STOPPED;
        }
        if (changed) {
            return Step.CHANGED;
        }
        if (deferred) {
            return Step.DEFERRED;
        }
        if (!threadsGoing()) {
            return Step.DEADLOCK;
        }
        return Step.QUIET;
    }

    /**
     * Resumes an iteration restored by an explorer of the loop's runs in the middle of its sweeps:
     * whether something moved in it so far, whether a finished thread was left unnoticed.
     */
    void resumeIteration(boolean moved, boolean deferredSoFar) {
        log.clear();
        before = 0;
        idle = false;
        dirty = moved;
        deferred = deferredSoFar;
    }

    /** Whether something moved in the running iteration so far. */
    boolean movedInIteration() {
        return dirty || idle || log.size() != before;
    }

    /** After an iteration that moved something: thread races are offered again as races. */
    void afterChange() {
        forceNotice = false;
        forceAll = false;
    }

    /**
     * After a quiet iteration that left finished threads unnoticed: the next end phases notice
     * them — each as the policy says ({@link Policy#noticeWhenForced}) the first time, every one
     * the second time.
     */
    void afterDeferred() {
        forceAll = forceNotice;
        forceNotice = true;
    }

    /** assembly.py:407-420: retry the blocked instruction, then take instructions until one does not finish. */
    private void programPhase(int end) {
        if (blocked) {
            if (programRules.apply(pc)) {
                blocked = false;
                pc++;
            } else {
                return;
            }
        }
        while (pc < end && stopped == null) {
            if (programRules.apply(pc)) {
                pc++;
            } else {
                blocked = true;
                return;
            }
        }
    }

    // ---- state shared by the rules ------------------------------------------------------------

    TimeScale scale() {
        return executor.scale();
    }

    String instructionText(int k) {
        return executor.instructionTexts().get(k);
    }

    ComponentState newInstance(String name, String type, SourcePosition where) {
        if (byName.containsKey(name)) {
            throw new ResolutionException(where, "instance '" + name + "' is added twice");
        }
        CompiledType t = executor.type(type, where);
        ComponentState c = new ComponentState(name, t, byId.size());
        byName.put(name, c);
        byId.add(c);
        return c;
    }

    ComponentState instance(String name, SourcePosition where) {
        ComponentState c = byName.get(name);
        if (c == null || c.deleted) {
            throw new ResolutionException(where, "unknown instance '" + name + "'"
                    + (c != null ? " (deleted)" : "; instances are " + String.join(", ", byName.keySet())));
        }
        return c;
    }

    List<ComponentState> instances() {
        return byId;
    }

    void activate(ComponentState c) {
        if (!c.inActive) {
            c.inActive = true;
            active.add(c);
        }
    }

    void remove(ComponentState c) {
        if (c.inActive) {
            c.inActive = false;
            active.remove(c);
        }
    }

    boolean isActive(ComponentState c) {
        return c.inActive;
    }

    void stop(StopCause cause) {
        stopped = cause;
    }

    /** set_behavior (component.py:602-613): the behavior is active, its visited places forgotten. */
    void setBehavior(ComponentState c, int b, int cause) {
        c.behavior = b;
        java.util.Arrays.fill(c.visited, false);
        c.behaviorEvent = log.add(EventLog.BEGUN, c, b, now, cause, null);
    }

    TransitionChoice choice(ComponentState c, int t) {
        TransitionChoice ch = c.choices[t];
        if (ch == null) {
            CompiledType ty = c.type;
            ch = new TransitionChoice(c.name, ty.transitions[t], ty.minTicks[t], ty.maxTicks[t],
                    executor.sampler(ty, t));
            c.choices[t] = ch;
        }
        return ch;
    }

    /** Marked places per instance (for a run that starts where another program left things). */
    Map<String, Set<String>> markedPlaces() {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        for (ComponentState c : byId) {
            if (c.deleted) {
                continue;
            }
            Set<String> s = new LinkedHashSet<>();
            for (int p = 0; p < c.marked.length; p++) {
                if (c.marked[p]) {
                    s.add(c.type.places[p]);
                }
            }
            if (!s.isEmpty()) {
                out.put(c.name, s);
            }
        }
        return out;
    }
}
