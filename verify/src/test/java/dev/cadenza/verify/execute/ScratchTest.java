package dev.cadenza.verify.execute;

import dev.cadenza.core.model.Model;
import dev.cadenza.verify.Examples;
import dev.cadenza.verify.trace.Run;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;

class ScratchTest {
    @Test
    void show() throws Exception {
        Model m = Examples.example("openstack.cdz");
        String subject = m.assemblies().get(0).name();
        Executor ex = Executor.of(m, subject, ExecutionOptions.DEFAULT);
        System.out.println(ex.run(Policies.allMin()).end().describe() + " " + ex.run(Policies.allMax()).end().describe());
        System.out.println(ex.run(Policies.allMax()).criticalTransitions());
        for (int rep = 0; rep < 3; rep++) {
            long t0 = System.nanoTime();
            double min = 1e9, max = 0;
            for (int i = 0; i < 10000; i++) {
                Executor.Summary s = ex.summarize(Policies.sampled(i));
                double t = s.endTicks() / 1e6;
                min = Math.min(min, t);
                max = Math.max(max, t);
            }
            System.out.printf("10000 runs in %.2f s, min %.3f max %.3f%n", (System.nanoTime() - t0) / 1e9, min, max);
        }
    }
}
