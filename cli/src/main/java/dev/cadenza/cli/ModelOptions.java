package dev.cadenza.cli;

import dev.cadenza.core.lang.Problem;
import dev.cadenza.core.model.Model;
import dev.cadenza.core.whatif.AppliedOverride;
import dev.cadenza.core.whatif.Overridden;
import dev.cadenza.core.whatif.WhatIf;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The options of every command that reads a model, and the one way such a command loads it:
 * what-if overrides ({@code --param n=8}, {@code --interval mariadb1.pull=[0,8]} or
 * {@code MariaDB.pull=[0,8]}, repeatable) applied by core before anything else reads the model
 * ({@code core.whatif}), then validated. After {@link #load}, {@link #applied()} says what was
 * changed, for the command's output ({@link #printApplied}, {@link #json}).
 */
final class ModelOptions {

    @Option(names = "--param", paramLabel = "NAME=VALUE",
            description = "Model: give a program parameter another value, e.g. --param n=8 (every program declaring n)"
                    + " or --param to_galera.n=8 (repeatable).")
    List<String> params = new ArrayList<>();

    @Option(names = "--interval", paramLabel = "COMP.TRANSITION=[a,b]",
            description = "Model: give a transition another duration, e.g. --interval mariadb1.pull=[0,8] (one instance)"
                    + " or MariaDB.pull=[0,8] (every instance of the type); max may be inf (repeatable).")
    List<String> intervals = new ArrayList<>();

    private List<AppliedOverride> applied = List.of();

    /** The overrides as given (syntax checked; names are checked against the model by {@link #load}). */
    WhatIf whatIf() {
        return WhatIf.parse(params, intervals);
    }

    /** True when the user gave --param or --interval. */
    boolean any() {
        return !params.isEmpty() || !intervals.isEmpty();
    }

    /** Refuses the options for inputs that are not models (nets have no programs or instances). */
    void refuseFor(Path file) {
        if (any()) {
            throw new UserInputException(file + ": --param and --interval change models (.cdz); this is a net");
        }
    }

    /** The model in {@code file}, overrides applied and validated; warnings to {@code warnings}. */
    Model load(Path file, Consumer<Problem> warnings) {
        Overridden o = ModelFiles.load(file, warnings, whatIf());
        applied = o.applied();
        return o.model();
    }

    /** The model in {@code file}, overrides applied, warnings dropped. */
    Model load(Path file) {
        return load(file, w -> { });
    }

    /** What the last {@link #load} changed, in the order given. */
    List<AppliedOverride> applied() {
        return applied;
    }

    /** One line per applied override ({@code what-if: …}); nothing without overrides. */
    void printApplied(PrintWriter out) {
        for (AppliedOverride a : applied) {
            out.println("what-if: " + a);
        }
    }

    /** The applied overrides as JSON values (a list of objects; empty without overrides). */
    List<Object> json() {
        List<Object> out = new ArrayList<>();
        for (AppliedOverride a : applied) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("option", a.option());
            o.put("given", a.given());
            o.put("target", a.target());
            o.put("was", a.was());
            o.put("now", a.now());
            o.put("applies_to", new ArrayList<Object>(a.appliesTo()));
            out.add(o);
        }
        return out;
    }
}
