package dev.cadenza.verify.execute;

import dev.cadenza.petri.limit.Budget;
import dev.cadenza.verify.Examples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.util.List;

/** By hand only (-Dprobe=true): the state space of every example's programs and assemblies, with its cost. */
@EnabledIfSystemProperty(named = "probe", matches = "true")
class ExamplesStateSpaceProbe {

    @Test
    void everyExample() {
        for (String[] s : List.of(new String[] {"server-client.cdz", "deploy"}, new String[] {"server-client.cdz", "maintain"},
                new String[] {"server-client.cdz", "pair"}, new String[] {"openstack.cdz", "openstack"},
                new String[] {"openstack-sequential.cdz", "openstack_sequential"},
                new String[] {"galera.cdz", "deploy_mariadb"})) {
            Executor x = Executor.of(Examples.example(s[0]), s[1]);
            RuntimeStateSpace space = RuntimeStateSpace.of(x, Budget.of(5_000_000, 120));
            DeadlockSearch d;
            try {
                d = space.deadlock();
            } catch (OutOfMemoryError e) {
                StackTraceElement[] st = e.getStackTrace();
                System.err.println(s[1] + ": out of memory at " + java.util.Arrays.toString(java.util.Arrays.copyOf(st, Math.min(12, st.length))));
                continue;
            }
            FinishTimes f = space.finishTimes();
            System.err.println(s[0] + " " + s[1] + ": " + d.getClass().getSimpleName() + " " + d.statistics().describe()
                    + "; finish [" + f.min() + ", " + f.max() + "] " + f.statistics().describe());
        }
    }
}
