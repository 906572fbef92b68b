package dev.cadenza.benchmarks.jmh;

import dev.cadenza.core.lang.ModelParser;
import dev.cadenza.core.model.Model;
import dev.cadenza.verify.execute.ExecutionOptions;
import dev.cadenza.verify.execute.Executor;
import dev.cadenza.verify.execute.Simulation;
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

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * {@code cadenza simulate}'s work: 10,000 sampled runs of the executor on examples/openstack.cdz
 * (read from {@code -Dcadenza.examples=DIR}, default examples), on one thread and on every core.
 * Target: under 5 s for the 10,000 (issue 12).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgs = {"-Xmx2g", "-XX:+UseParallelGC"})
public class SimulationBenchmark {

    @Param({"1", "0"})
    public int threads;

    private Executor executor;

    @Setup
    public void read() throws IOException {
        String text = Files.readString(Path.of(System.getProperty("cadenza.examples", "examples"), "openstack.cdz"),
                StandardCharsets.UTF_8);
        Model m = ModelParser.parse("openstack.cdz", text);
        executor = Executor.of(m, "openstack", ExecutionOptions.DEFAULT);
    }

    /** threads 0: every core. */
    @Benchmark
    public double tenThousandRuns() {
        int t = threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
        return Simulation.run(executor, 10_000, 1, t, null).mean();
    }
}
