package dev.cadenza.benchmarks.jmh;

import dev.cadenza.benchmarks.ModelGenerator;
import dev.cadenza.core.lang.ModelParser;
import dev.cadenza.core.lang.ModelValidator;
import dev.cadenza.core.model.Model;
import dev.cadenza.verify.translate.ModelTranslator;
import dev.cadenza.verify.translate.TranslationOptions;
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
 * Model to net: parse, validate and translate examples/openstack.cdz (read from
 * {@code -Dcadenza.examples=DIR}, default examples), and a generated chain of 1,000 components.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx2g", "-XX:+UseParallelGC"})
public class TranslationBenchmark {

    @Param({"openstack", "chain1000"})
    public String model;

    private String text;
    private String subject;

    @Setup
    public void read() throws IOException {
        if (model.equals("openstack")) {
            text = Files.readString(Path.of(System.getProperty("cadenza.examples", "examples"), "openstack.cdz"),
                    StandardCharsets.UTF_8);
            subject = "openstack";
        } else {
            text = ModelGenerator.chain(1000);
            subject = "chain";
        }
    }

    @Benchmark
    public Model parseAndValidate() {
        Model m = ModelParser.parse(model + ".cdz", text);
        ModelValidator.check(m);
        return m;
    }

    @Benchmark
    public int translate() {
        Model m = ModelParser.parse(model + ".cdz", text);
        return ModelTranslator.translate(m, subject, TranslationOptions.DEFAULT).net().transitionCount();
    }
}
