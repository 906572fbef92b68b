package dev.cadenza.verify.execute;

import dev.cadenza.petri.limit.Budget;
import dev.cadenza.verify.Examples;
import dev.cadenza.verify.execute.ExecutorAgainstCheckProperties.Prog;
import dev.cadenza.verify.execute.ExecutorAgainstCheckProperties.Tape;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * By hand only (-Dprobe=true): how often splitting ties ({@link Policy#noticeWhenForced}) changes
 * the state space's answers on random programs. Measured: never in 600 models.
 */
@EnabledIfSystemProperty(named = "probe", matches = "true")
class TiesProbe {
    @Test
    void tiesSplitOrNot() {
        int differ = 0, n = 0, deadlocks = 0, minmax = 0;
        Random rnd = new Random(1);
        for (int k = 0; k < 600; k++) {
            List<Integer> tape = new ArrayList<>();
            int len = 20 + rnd.nextInt(100);
            for (int i = 0; i < len; i++) {
                tape.add(rnd.nextInt(1 << 20));
            }
            String text = Prog.read(new Tape(tape)).text();
            Executor x = Executor.of(Examples.parse(text), "gen");
            FinishTimes a = RuntimeStateSpace.of(x, Budget.of(100_000, 20)).finishTimes();
            FinishTimes b = RuntimeStateSpace.of(x, Budget.of(100_000, 20)).withStrictTies().finishTimes();
            if (!a.complete() || !b.complete()) {
                continue;
            }
            n++;
            if (a.deadlockReachable()) {
                deadlocks++;
            }
            if (a.deadlockReachable() != b.deadlockReachable()) {
                differ++;
                if (differ < 3) {
                    System.err.println(text);
                }
            }
            if (!java.util.Objects.equals(a.min(), b.min()) || !java.util.Objects.equals(a.max(), b.max())) {
                minmax++;
            }
        }
        System.err.println(n + " models, " + deadlocks + " deadlock, " + differ + " differ in deadlock, " + minmax + " in bounds");
    }
}
