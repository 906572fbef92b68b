package dev.cadenza.verify.execute;

import dev.cadenza.petri.limit.Budget;
import dev.cadenza.verify.Examples;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.Test;

/**
 * By hand only (-Dprobe=true): the state space of galera's to_galera, with what it found and cost;
 * -Dprobe.sequence=true also observes check's sequence predicate in it (RuntimeStateSpace.reach);
 * -Dprobe.file=/tmp/gN.cdz another galera (sed "s/param n = 3/param n = N/"); -Dprobe.noSecluded=true
 * without the secluded ties.
 */
@EnabledIfSystemProperty(named = "probe", matches = "true")
class GaleraStateSpaceProbe {

    @Test
    void toGalera() {
        // -Dprobe.semantics=concerto-d, -Dprobe.step=a,b: the same under Concerto-D or with a step cost
        String file = System.getProperty("probe.file");
        dev.cadenza.core.model.Model m;
        try {
            m = file == null ? Examples.example("galera.cdz")
                    : Examples.parse(java.nio.file.Files.readString(java.nio.file.Path.of(file)));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        if ("concerto-d".equals(System.getProperty("probe.semantics"))) {
            m = m.withSemantics(dev.cadenza.core.model.Semantics.CONCERTO_D);
        }
        String step = System.getProperty("probe.step");
        if (step != null) {
            String[] ab = step.split(",");
            m = m.withStep(new dev.cadenza.core.model.Duration(new java.math.BigDecimal(ab[0].trim()),
                    new java.math.BigDecimal(ab[1].trim())));
        }
        Executor x = Executor.of(m, System.getProperty("probe.program", "to_galera"));
        long budget = Long.getLong("probe.states", 3_000_000);
        double seconds = Double.parseDouble(System.getProperty("probe.seconds", "240"));
        RuntimeStateSpace s = RuntimeStateSpace.of(x, Budget.of(budget, seconds));
        if (Boolean.getBoolean("probe.noSecluded")) {
            // every race of a secluded tie tried both ways (ExplorerPolicy.secluded), to compare
            s = s.withoutSecludedTies();
        }
        System.err.println("unit " + s.unit() + " ticks");
        DeadlockSearch d = s.deadlock();
        System.err.println("deadlock: " + d.getClass().getSimpleName() + " " + d.statistics().describe());
        if (d instanceof DeadlockSearch.Found f && f.run() != null) {
            System.err.println(String.join("\n", f.run().lines()));
        }
        if (Boolean.getBoolean("probe.sequence")) {
            // check's `sequence mariadb1.restore before mariadb2.start`: restore not ended, start started
            LoopPredicate broken = new LoopPredicate(java.util.List.of(
                    new LoopPredicate.Reading(LoopPredicate.Reads.ENDED, "mariadb1", "restore", null),
                    new LoopPredicate.Reading(LoopPredicate.Reads.STARTED, "mariadb2", "start", null)),
                    v -> v[1] == 1 && v[0] == 0);
            PredicateSearch r = s.reach(broken);
            System.err.println("sequence mariadb1.restore before mariadb2.start broken: " + r.getClass().getSimpleName()
                    + " " + r.statistics().describe());
        }
        if (Boolean.getBoolean("probe.bounds")) {
            FinishTimes f = s.finishTimes();
            System.err.println("finish [" + f.min() + ", " + f.max() + "] " + f.statistics().describe());
        }
    }
}
