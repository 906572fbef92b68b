package dev.cadenza.verify.sensitivity;

import dev.cadenza.core.model.Assembly;
import dev.cadenza.core.model.Behavior;
import dev.cadenza.core.model.ComponentType;
import dev.cadenza.core.model.Duration;
import dev.cadenza.core.model.Instance;
import dev.cadenza.core.model.Instruction;
import dev.cadenza.core.model.Model;
import dev.cadenza.core.model.Program;
import dev.cadenza.core.model.SourcePosition;
import dev.cadenza.core.model.TransitionDecl;
import dev.cadenza.core.whatif.IntervalOverride;
import dev.cadenza.core.whatif.WhatIf;
import dev.cadenza.verify.ResolutionException;
import dev.cadenza.verify.Subject;
import dev.cadenza.verify.bounds.BoundsReport;
import dev.cadenza.verify.bounds.CriticalPath;
import dev.cadenza.verify.bounds.TimeBoundsAnalysis;
import dev.cadenza.petri.limit.Budget;
import dev.cadenza.verify.engine.Statistics;
import dev.cadenza.verify.engine.TimedEngine;
import dev.cadenza.verify.fastpath.ConflictFreeDeployment;
import org.apache.commons.math3.fraction.BigFraction;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which interval moves the deployment time most: for every transition that runs in the subject,
 * the exact totals when its bounds move by a delta, recomputed (never estimated) on the model
 * changed through {@code core.whatif} — the critical-path fast path where it applies (exact,
 * linear time), else the state classes — and its slack.
 *
 * <p><b>Slack, where the fast path applies (exact).</b> The total max is a max over paths of the
 * DAG of sums of max durations ({@link ConflictFreeDeployment}). As a function of one
 * transition's max d alone it is therefore {@code M(d) = max(A, B + d)}: A the longest path
 * avoiding t, B the longest path through t without t itself. The max-slack, how much d can grow
 * before M grows, is {@code M(d0) − B − d0}. B is read off one recomputation with d set to any
 * H ≥ M(d0) (then B + H ≥ H ≥ A, so M(H) = B + H): B = M(H) − H. The slack is 0 exactly when t
 * lies on a longest path: the critical transitions. On the min side the same form
 * {@code m(d) = max(A', B' + d)} over min durations gives: shrinking d never lowers m when
 * {@code m(0) = m(d0)} (the min-slack is then all of d0), else m drops at once (min-slack 0) —
 * one recomputation with d = 0 tells.
 *
 * <p><b>Slack, with the state classes (a bound).</b> Without that structure the totals need not
 * be a max of affine functions (a slower step can win a race and change the run), so no closed
 * form holds. What does hold in any time Petri net with strong semantics: raising a transition's
 * latest firing time, or lowering its earliest, only adds runs (every old run stays a run: the
 * urgency of the others and their own intervals are unchanged). So the total max is
 * nondecreasing as t's max grows and the total min nonincreasing as t's min shrinks. One exact
 * recomputation with the max raised by the delta s then decides: the same total max means every
 * growth up to s leaves it unchanged (max-slack ≥ s), a greater one means the slack is below s;
 * likewise for the min. The "critical" column is then the critical path of the slowest run the
 * engine found ({@link CriticalPath}).
 */
public final class SensitivityAnalysis {

    /** What the report's "answered by" says for each method. */
    public static final String CRITICAL_PATH = "critical path";
    public static final String STATE_CLASSES = "state classes";

    private final Model model;
    private final String subject;
    private final Delta delta;
    private final TimedEngine engine;
    private final Budget limits;
    private final boolean fast;
    private Statistics statistics = Statistics.NONE;

    private SensitivityAnalysis(Model model, String subject, Delta delta, TimedEngine engine, Budget limits,
                                boolean fastPath) {
        this.model = model;
        this.subject = subject;
        this.delta = delta;
        this.engine = engine;
        this.limits = limits;
        this.fast = fastPath && ConflictFreeDeployment.of(model, subject).applies();
    }

    public static SensitivityReport of(Model model, String subject, Delta delta, TimedEngine engine, Budget limits) {
        return new SensitivityAnalysis(model, subject, delta, engine, limits, true).run();
    }

    /** The same with the fast path off: every total from the engine, slacks as bounds (to compare them). */
    public static SensitivityReport withoutFastPath(Model model, String subject, Delta delta, TimedEngine engine,
                                                    Budget limits) {
        return new SensitivityAnalysis(model, subject, delta, engine, limits, false).run();
    }

    private SensitivityReport run() {
        Set<String> critical = new HashSet<>();
        Totals base = baseTotals(critical);
        List<TransitionSensitivity> rows = new ArrayList<>();
        if (base.complete() && base.finishes()) {
            for (Map.Entry<String, List<TransitionDecl>> e : transitions().entrySet()) {
                for (TransitionDecl t : e.getValue()) {
                    rows.add(row(base, e.getKey(), t, critical));
                }
            }
        }
        rows.sort(RANKING);
        return new SensitivityReport(subject, base, delta, fast ? CRITICAL_PATH : STATE_CLASSES, rows, statistics);
    }

    /** Greatest effect on the total max first (unbounded first), then on the total min, critical first, by name. */
    static final Comparator<TransitionSensitivity> RANKING = Comparator
            .comparing(TransitionSensitivity::maxSwing, SensitivityAnalysis::descendingNullFirst)
            .thenComparing(TransitionSensitivity::minSwing, SensitivityAnalysis::descendingNullFirst)
            .thenComparing(r -> !r.critical())
            .thenComparing(TransitionSensitivity::name);

    private static int descendingNullFirst(BigFraction a, BigFraction b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        return b.compareTo(a);
    }

    private TransitionSensitivity row(Totals base, String instance, TransitionDecl t, Set<String> critical) {
        Duration d = t.duration();
        Scenario faster = new Scenario(delta.faster(d), totals(variant(instance, t, delta.faster(d))));
        Scenario slower = new Scenario(delta.slower(d), totals(variant(instance, t, delta.slower(d))));
        Slack maxSlack;
        Slack minSlack;
        boolean onPath;
        if (fast) {
            maxSlack = exactMaxSlack(base, instance, t);
            minSlack = exactMinSlack(base, instance, t);
            onPath = maxSlack instanceof Slack.Exact e && e.value().compareTo(BigFraction.ZERO) == 0;
        } else {
            maxSlack = maxSlackBound(base, instance, t);
            minSlack = minSlackBound(base, instance, t);
            onPath = critical.contains(instance + "." + t.name());
        }
        return new TransitionSensitivity(instance, t.name(), d, onPath, maxSlack, minSlack, faster, slower);
    }

    // ---- slack from the longest-path structure (fast path)

    private Slack exactMaxSlack(Totals base, String instance, TransitionDecl t) {
        if (base.max() == null) {
            return new Slack.Unbounded();
        }
        BigFraction m = base.max();
        BigDecimal h = new BigDecimal(m.getNumerator().divide(m.getDenominator()).add(BigInteger.ONE));
        Totals withH = totals(variant(instance, t, new Duration(t.duration().min(), h)));
        BigFraction b = withH.max().subtract(fraction(h));
        BigFraction slack = m.subtract(b).subtract(fraction(t.duration().max()));
        if (slack.compareTo(BigFraction.ZERO) < 0) {
            throw new IllegalStateException("negative slack for " + instance + "." + t.name() + ": the total max is not"
                    + " max(A, B + d) in d");
        }
        return new Slack.Exact(slack);
    }

    private Slack exactMinSlack(Totals base, String instance, TransitionDecl t) {
        if (t.duration().min().signum() == 0) {
            return new Slack.Exact(BigFraction.ZERO);
        }
        Totals zero = totals(variant(instance, t, new Duration(BigDecimal.ZERO, t.duration().max())));
        return Totals.equal(zero.min(), base.min()) ? new Slack.All(fraction(t.duration().min()))
                : new Slack.Exact(BigFraction.ZERO);
    }

    // ---- slack bounds by monotonicity (state classes)

    private Slack maxSlackBound(Totals base, String instance, TransitionDecl t) {
        if (base.max() == null || t.duration().max() == null) {
            return new Slack.Unbounded();
        }
        BigDecimal s = delta.of(t.duration().max());
        Totals longer = totals(variant(instance, t, delta.longerMax(t.duration())));
        if (!longer.complete()) {
            return new Slack.Unknown();
        }
        return longer.finishes() && Totals.equal(longer.max(), base.max()) ? new Slack.AtLeast(fraction(s))
                : new Slack.Below(fraction(s));
    }

    private Slack minSlackBound(Totals base, String instance, TransitionDecl t) {
        BigDecimal min = t.duration().min();
        if (min.signum() == 0) {
            return new Slack.Exact(BigFraction.ZERO);
        }
        BigDecimal s = delta.of(min);
        Totals shorter = totals(variant(instance, t, delta.shorterMin(t.duration())));
        if (!shorter.complete()) {
            return new Slack.Unknown();
        }
        if (shorter.finishes() && Totals.equal(shorter.min(), base.min())) {
            // down to 0 without effect: all of it
            return s.compareTo(min) >= 0 ? new Slack.All(fraction(min)) : new Slack.AtLeast(fraction(s));
        }
        return new Slack.Below(fraction(s));
    }

    // ---- totals of a variant of the model

    private Totals baseTotals(Set<String> critical) {
        if (fast) {
            ConflictFreeDeployment cf = ConflictFreeDeployment.of(model, subject);
            cf.criticalPath().forEach(s -> critical.add(s.toString()));
            return new Totals(true, cf.min(), cf.max(), Statistics.NONE);
        }
        BoundsReport r = TimeBoundsAnalysis.of(new Subject(model, subject, engine, limits), null, false);
        statistics = statistics.plus(r.statistics());
        r.criticalPath().forEach(s -> critical.add(s.toString()));
        return new Totals(r.reachable(), r.min(), r.max(), r.statistics());
    }

    private Totals totals(Model m) {
        if (fast) {
            ConflictFreeDeployment cf = ConflictFreeDeployment.of(m, subject);
            if (!cf.applies()) {
                // durations do not decide whether the fast path applies; if they ever did, this is a bug
                throw new IllegalStateException("the fast path stopped applying to a variant: " + cf.reason());
            }
            return new Totals(true, cf.min(), cf.max(), Statistics.NONE);
        }
        BoundsReport r = TimeBoundsAnalysis.of(new Subject(m, subject, engine, limits), null, false);
        statistics = statistics.plus(r.statistics());
        return new Totals(r.reachable(), r.min(), r.max(), r.statistics());
    }

    /** The model with one instance's transition given another interval, through the one override path. */
    private Model variant(String instance, TransitionDecl t, Duration d) {
        IntervalOverride o = new IntervalOverride(instance, t.name(), d, instance + "." + t.name() + "=" + d,
                SourcePosition.NONE);
        return new WhatIf(List.of(), List.of(o)).applyTo(model).model();
    }

    // ---- which transitions run in the subject

    /** Per instance, the transitions of the behaviors the subject pushes on it (an assembly: its first behavior). */
    private Map<String, List<TransitionDecl>> transitions() {
        Map<String, List<TransitionDecl>> out = new LinkedHashMap<>();
        var assembly = model.assembly(subject);
        if (assembly.isPresent()) {
            for (Instance i : assembly.get().instances()) {
                ComponentType type = type(i.type(), i.position());
                if (!type.behaviors().isEmpty()) {
                    out.put(i.name(), new ArrayList<>(type.behaviors().get(0).transitions()));
                }
            }
            return out;
        }
        Program program = model.program(subject).orElseThrow(() -> new ResolutionException(
                new SourcePosition(model.file(), 0, 0), "unknown program or assembly '" + subject + "'"));
        Map<String, String> typeOf = new LinkedHashMap<>();
        for (Program p : model.startingChain(program)) {
            p.instructions().forEach(i -> added(i, typeOf));
        }
        for (Instruction i : program.instructions()) {
            added(i, typeOf);
            if (i instanceof Instruction.PushB push) {
                ComponentType type = type(typeOf.get(push.instance()), push.position());
                Behavior b = type.behavior(push.behavior()).orElseThrow();
                List<TransitionDecl> list = out.computeIfAbsent(push.instance(), k -> new ArrayList<>());
                for (TransitionDecl t : b.transitions()) {
                    if (list.stream().noneMatch(x -> x.name().equals(t.name()))) {
                        list.add(t);
                    }
                }
            }
        }
        return out;
    }

    private static void added(Instruction i, Map<String, String> typeOf) {
        if (i instanceof Instruction.Add a) {
            typeOf.put(a.instance(), a.type());
        }
    }

    private ComponentType type(String name, SourcePosition at) {
        return model.type(name).orElseThrow(() -> new ResolutionException(at, "unknown component type '" + name + "'"));
    }

    private static BigFraction fraction(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        if (s.scale() <= 0) {
            return new BigFraction(s.toBigIntegerExact());
        }
        return new BigFraction(s.unscaledValue(), BigInteger.TEN.pow(s.scale()));
    }
}
