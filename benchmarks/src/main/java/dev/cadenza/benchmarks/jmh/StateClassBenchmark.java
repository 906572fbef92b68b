package dev.cadenza.benchmarks.jmh;

import dev.cadenza.benchmarks.GeneratedTimedNets;
import dev.cadenza.petri.PetriNet;
import dev.cadenza.petri.limit.Budget;
import dev.cadenza.petri.classes.StateClassGraph;
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

import java.util.concurrent.TimeUnit;

/**
 * The timed inner loop: DBM successor (firability, persistence, canonical form) and the class
 * store, measured as one exploration of at most {@code maxClasses} classes on generated 1-safe
 * nets of about 50 transitions. Classes per second = maxClasses / score.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgs = {"-Xmx2g", "-XX:+UseParallelGC"})
public class StateClassBenchmark {

    @Param({"chains10x5", "prodcons12", "ring12"})
    public String net;

    @Param({"200000"})
    public long maxClasses;

    private PetriNet petriNet;

    @Setup
    public void build() {
        petriNet = switch (net) {
            case "chains10x5" -> GeneratedTimedNets.chains(10, 5);
            case "prodcons12" -> GeneratedTimedNets.producerConsumer(12);
            case "ring12" -> GeneratedTimedNets.tokenRing(12);
            default -> throw new IllegalArgumentException(net);
        };
    }

    @Benchmark
    public long explore() {
        return new StateClassGraph(petriNet).explore(Budget.ofClasses(maxClasses)).classes();
    }
}
