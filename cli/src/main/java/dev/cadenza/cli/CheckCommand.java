package dev.cadenza.cli;

import dev.cadenza.core.model.Model;
import dev.cadenza.core.model.VerifyBlock;
import dev.cadenza.petri.limit.Budget;
import dev.cadenza.verify.Subject;
import dev.cadenza.verify.Verifier;
import dev.cadenza.verify.engine.StateClassEngine;
import dev.cadenza.verify.property.Verdict;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * {@code cadenza check MODEL}: reads and validates a model (every problem on its own line on
 * stderr, exit 2; warnings printed, not fatal), then checks the properties of its verify blocks:
 * a table of verdicts (property, verdict, which exploration answered, time, classes explored),
 * each violation's run in model terms. Exit 0 all hold, 1 one is violated, 3 one is
 * inconclusive (and none violated).
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Validates a model and checks the properties of its verify blocks.")
final class CheckCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "MODEL", description = "the model file (.cdz)")
    Path model;

    @Option(names = "--json", description = "print one JSON object instead of text")
    boolean json;

    @CommandLine.Mixin
    LimitOptions limitOptions = new LimitOptions();

    @CommandLine.Mixin
    ModelOptions modelOptions = new ModelOptions();

    @CommandLine.Mixin
    QuietOption quiet = new QuietOption();

    @picocli.CommandLine.Mixin
    ReductionOption reduction = new ReductionOption();

    @CommandLine.Mixin
    ReplayOption replay = new ReplayOption();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Model m = modelOptions.load(model, warning -> err.println(warning));
        if (m.verifyBlocks().isEmpty() && !(m.types().isEmpty() && m.programs().isEmpty() && m.assemblies().isEmpty())) {
            err.println(model + ": warning: no verify block: nothing is checked; add one, e.g. 'verify "
                    + new SubjectChoice().of(m) + " { deployable }' (docs/language.md)");
        }
        err.flush();
        ModelSummary summary = ModelSummary.of(m);
        Function<String, Subject> subjects = subjects(m, limitOptions.budget(), reduction.on(), replay.on(),
                replay.stateSpace());
        List<Verifier.Result> results = checkAll(m, subjects);
        if (json) {
            Map<String, Object> o = json("check", summary, results, subjects, limitOptions.budget());
            o.put("overrides", modelOptions.json());
            return JsonValues.print(out, o, exitCode(results));
        } else {
            out.print(summary.text().lines().findFirst().orElse("") + "\n");
            modelOptions.printApplied(out);
            out.print(VerdictTable.text(results));
        }
        out.flush();
        return exitCode(results);
    }

    /**
     * The subject named n of the model, translated once however many blocks and questions ask
     * about it.
     */
    static Function<String, Subject> subjects(Model m, Budget budget) {
        return subjects(m, budget, true);
    }

    /** The same, with the reductions on or off ({@code --no-reduction}). */
    static Function<String, Subject> subjects(Model m, Budget budget, boolean reduce) {
        return subjects(m, budget, reduce, true);
    }

    /** The same, with the verdicts' runs replayed in the executor or not ({@code --no-replay}). */
    static Function<String, Subject> subjects(Model m, Budget budget, boolean reduce, boolean replay) {
        return subjects(m, budget, reduce, replay, true);
    }

    /** The part of the time left one exploration of the runtime's state space may take in check and report. */
    static final double STATE_SPACE_SHARE = 0.5;

    /** The same, with the runtime's state space explored where a replay fails or not ({@code --no-state-space}). */
    static Function<String, Subject> subjects(Model m, Budget budget, boolean reduce, boolean replay,
                                              boolean stateSpace) {
        Map<String, Subject> cache = new HashMap<>();
        // the runtime's state space settles what the net left open; under --timeout it may take half the
        // time left, so that the verdicts after it still get the net's answers
        return n -> cache.computeIfAbsent(n, k -> new Subject(m, k, new StateClassEngine(reduce), budget)
                .reduction(reduce).replay(replay).stateSpace(stateSpace).stateSpaceShare(STATE_SPACE_SHARE));
    }

    /**
     * The JSON object of {@code check} (and {@code report}): the envelope, the model's summary,
     * one object per property, the command's statistics (docs/json.md); {@code exit} comes last.
     */
    static Map<String, Object> json(String command, ModelSummary summary, List<Verifier.Result> results,
                                    Function<String, Subject> subjects, Budget budget) {
        Map<String, Object> o = JsonValues.envelope(command, Path.of(summary.file()));
        Map<String, Object> model = summary.json();
        model.remove("file");
        model.remove("properties");
        o.putAll(model);
        o.put("properties", VerdictJson.properties(results, subjects, budget));
        o.put("statistics", JsonValues.command(budget, VerdictJson.firstLimit(results)));
        return o;
    }

    /** Every verify block of the model, in file order. */
    static List<Verifier.Result> checkAll(Model m, Function<String, Subject> subjects) {
        List<Verifier.Result> results = new ArrayList<>();
        for (VerifyBlock block : m.verifyBlocks()) {
            results.addAll(Verifier.check(subjects.apply(block.subject()), block));
        }
        return results;
    }

    static int exitCode(List<Verifier.Result> results) {
        boolean inconclusive = false;
        for (Verifier.Result r : results) {
            if (r.verdict() instanceof Verdict.Violated) {
                return ExitCode.VIOLATED;
            }
            inconclusive |= r.verdict() instanceof Verdict.Inconclusive;
        }
        return inconclusive ? ExitCode.INCONCLUSIVE : ExitCode.OK;
    }
}
