package dev.cadenza.benchmarks.jmh;

import dev.cadenza.benchmarks.GeneratedTimedNets;
import dev.cadenza.petri.PetriNet;
import dev.cadenza.petri.io.PnmlReader;
import dev.cadenza.petri.limit.Budget;
import dev.cadenza.petri.reach.MarkingGraphExplorer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The untimed inner loop: successor computation and the packed marking store, measured as one
 * exploration of at most {@code maxStates} markings. Kanban-PT-00005 is read from
 * {@code -Dcadenza.mcc=DIR} (default ../shared/mcc/large); when absent a generated net stands in.
 * Markings per second = maxStates / score.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgs = {"-Xmx2g", "-XX:+UseParallelGC"})
public class MarkingGraphBenchmark {

    @Param({"Kanban-PT-00005", "prodcons12"})
    public String net;

    @Param({"500000"})
    public long maxStates;

    private PetriNet petriNet;

    @Setup
    public void load() {
        if (net.equals("prodcons12")) {
            petriNet = GeneratedTimedNets.producerConsumer(12);
            return;
        }
        Path file = Path.of(System.getProperty("cadenza.mcc", "../shared/mcc/large"), net + ".pnml");
        petriNet = Files.isRegularFile(file) ? PnmlReader.read(file) : GeneratedTimedNets.producerConsumer(12);
    }

    @Benchmark
    public long explore() {
        return new MarkingGraphExplorer(petriNet).budget(Budget.ofClasses(maxStates))
                .explore().statistics().markings();
    }
}
