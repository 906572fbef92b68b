package dev.cadenza.cli;

import dev.cadenza.petri.PetriNet;
import dev.cadenza.petri.classes.TimeBounds;
import dev.cadenza.petri.classes.TimeBoundsResult;
import dev.cadenza.petri.classes.TimeValue;
import dev.cadenza.petri.classes.TimedTrace;
import dev.cadenza.petri.query.CompiledPredicate;
import dev.cadenza.petri.query.NameResolver;
import dev.cadenza.petri.query.PredicateParser;
import org.apache.commons.math3.fraction.BigFraction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code cadenza bounds FILE}: exact minimum and maximum time to termination or to a target
 * marking of a net; for a model ({@code .cdz}), to the end of a program or assembly, with its
 * critical path and, with {@code --windows}, each transition's earliest start and latest end
 * ({@link ModelBounds}). The file ending decides.
 */
@Command(name = "bounds",
        mixinStandardHelpOptions = true,
        description = {
                "Computes the exact minimum and maximum elapsed time from the start to termination"
                        + " (the first dead marking), or to the first marking satisfying --target,"
                        + " with a schedule that realises each.",
                "max is inf when some run can let time pass forever without reaching the target.",
                "Exit codes: 0 done, 2 bad input, 3 a limit was reached."},
        sortOptions = false)
final class BoundsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "A TINA time Petri net (.net), or a model (.cdz).")
    Path file;

    @Mixin
    ReductionOption reduction = new ReductionOption();

    @Mixin
    SubjectChoice subject = new SubjectChoice();

    @Mixin
    ReplayOption replay = new ReplayOption();

    @Option(names = "--deployment", paramLabel = "D", description = "Model: end in this deployment's places.")
    String deployment;

    @Option(names = "--windows", description = "Model: also each transition's [earliest start, latest end]"
            + " (two explorations per transition).")
    boolean windows;

    @Option(names = "--target", paramLabel = "PRED",
            description = "A marking predicate, e.g. 'p3 >= 1 && !p4' (= != < <= > >=, && || !, and or not,"
                    + " parentheses, dead); for a model, in its names: 'c.running and not s.running'."
                    + " Default: termination (a model: the end of the program).")
    String target;

    @Option(names = "--json", description = "Print one JSON object (docs/json.md): reachable, min, max, min_run,"
            + " max_run, complete, statistics.")
    boolean json;

    @Mixin
    LimitOptions limitOptions = new LimitOptions();

    @Mixin
    QuietOption quiet = new QuietOption();

    @Mixin
    ModelOptions modelOptions = new ModelOptions();

    @Override
    public Integer call() {
        if (file.toString().endsWith(".cdz")) {
            if (target != null) {
                if (deployment != null || windows) {
                    throw new UserInputException("cadenza bounds: --target replaces the end of the program: give it"
                            + " without --deployment and --windows");
                }
                return ModelBounds.runTo(file, modelOptions, subject, limitOptions.budget(), reduction.on(), target,
                        json, spec.commandLine().getOut());
            }
            return ModelBounds.run(file, modelOptions, subject, limitOptions.budget(), reduction.on(), replay, deployment, windows,
                    json, spec.commandLine().getOut());
        }
        modelOptions.refuseFor(file);
        replay.refuseFor(file);
        PetriNet net = NetFiles.load(file);
        CompiledPredicate predicate;
        dev.cadenza.petri.query.Predicate parsed;
        try {
            parsed = target == null ? null : PredicateParser.parse(target);
            predicate = parsed == null ? null : parsed.compile(NameResolver.of(net));
        } catch (dev.cadenza.petri.query.PredicateSyntaxException e) {
            // placed in the option, as for a model's --target: "--target:1:COL: …"
            throw new UserInputException("--target:1:" + e.column() + ": " + e.problem());
        }
        TimeBoundsResult r = null;
        String answeredBy = "state classes";
        try {
            if (reduction.on()) {
                // the conflict-free fast path, as for a model (docs/verify.md, "Reductions")
                var budget = limitOptions.budget();
                long cap = budget.limitsClasses() ? Math.min(FAST_PATH_CAP, budget.classesLeft() / 4) : FAST_PATH_CAP;
                var fast = new dev.cadenza.petri.classes.PersistentTimeBounds(net).compute(parsed, NameResolver.of(net),
                        budget, Math.max(1, cap), true);
                if (fast.answered()) {
                    r = fast.result();
                    answeredBy = dev.cadenza.petri.classes.PersistentTimeBounds.STAGE;
                }
            }
            if (r == null) {
                r = new TimeBounds(net).reducingZeroTimeInterleavings(reduction.on())
                        .reducingSymmetries(reduction.on()).compute(predicate, limitOptions.budget());
            }
        } catch (dev.cadenza.petri.classes.NetTooLargeException e) {
            throw NetFiles.tooLarge(file, e);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new UserInputException(file + ": " + e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        int exit = r.complete() ? ExitCode.OK : ExitCode.INCONCLUSIVE;
        if (json) {
            java.util.Map<String, Object> o = json(net, r);
            o.put("answered_by", answeredBy);
            return JsonValues.print(out, o, exit);
        }
        text(out, net, r);
        out.println("answered by: " + answeredBy);
        out.flush();
        return exit;
    }

    /** Markings the conflict-free fast path may store before it gives way to the state classes. */
    private static final long FAST_PATH_CAP = 2_000_000;

    /** The net's bounds (docs/json.md, "Bounds") in the command's envelope. */
    private java.util.Map<String, Object> json(PetriNet net, TimeBoundsResult r) {
        java.util.Map<String, Object> o = JsonValues.envelope("bounds", file);
        o.put("net", net.name());
        o.putAll(BoundsJson.of(r, target == null ? "termination" : target, limitOptions.budget()));
        o.put("statistics", JsonValues.command(limitOptions.budget(), r.limit()));
        return o;
    }

    private void text(PrintWriter out, PetriNet net, TimeBoundsResult r) {
        out.printf(Locale.ROOT, "net %s, target: %s%n", net.name(), target == null ? "termination (a dead marking)" : target);
        if (!r.complete()) {
            out.println("INCONCLUSIVE: " + limitOptions.budget().reason(r.limit()) + " after " + r.classes()
                    + " classes");
            if (r.min() != null) {
                out.println("min        " + r.min() + " (exact; the max search was cut)");
            } else if (r.reachable()) {
                out.println("reachable  true (a run was found; the min and max searches were cut)");
            } else {
                out.println("reachable  not settled (no run found before the limit, which proves nothing)");
            }
            if (r.reachable()) {
                out.println("a schedule reaching the target:");
                printTrace(out, r.minTrace());
            }
            return;
        }
        if (!r.reachable()) {
            out.println("reachable  false (no run reaches the target)");
            return;
        }
        out.println("reachable  true");
        out.println("min        " + r.min() + (r.min().attained() ? "" : " (approached, not attained: open bound)"));
        out.println("max        " + r.max() + (r.max().isInfinite() ? " (a run can let time pass forever short of the target)"
                : r.max().attained() ? "" : " (approached, not attained: open bound)"));
        out.println("earliest schedule" + (r.minTrace().limit() ? " (limit)" : "") + ":");
        printTrace(out, r.minTrace());
        if (r.maxTrace() != null) {
            out.println("latest schedule" + (r.maxTrace().limit() ? " (limit)" : "") + ":");
            printTrace(out, r.maxTrace());
        }
        if (r.divergence() != null) {
            out.println("why max is inf:");
            if (r.divergence().prefix() != null) {
                printTrace(out, r.divergence().prefix());
            }
            if (!r.divergence().cycle().isEmpty()) {
                out.println("  cycle: " + String.join(" ", r.divergence().cycle()));
            }
            out.println("  " + r.divergence().reason());
        }
    }

    private static void printTrace(PrintWriter out, TimedTrace t) {
        if (t.steps().isEmpty()) {
            out.println("  (the start already satisfies the target)");
        }
        for (String line : t.toText().split("\n")) {
            if (!line.isEmpty()) {
                out.println("  " + line);
            }
        }
    }
}
