package dev.cadenza.benchmarks;

import dev.cadenza.petri.PetriNet;
import dev.cadenza.petri.classes.ClassGraphStatistics;
import dev.cadenza.petri.limit.Budget;
import dev.cadenza.petri.classes.StateClassGraph;
import dev.cadenza.petri.io.TinaNetWriter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * State classes per second on generated 1-safe nets of about 50 transitions. Each net is explored
 * {@code runs} times up to {@code maxClasses} classes; the best run counts (the first ones warm
 * the JIT). Usage: ClassGraphThroughput [maxClasses] [runs] [dir-to-write-the-.net-files].
 */
public final class ClassGraphThroughput {

    public static void main(String[] args) throws IOException {
        long maxClasses = args.length > 0 ? Long.parseLong(args[0]) : 3_000_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        List<PetriNet> nets = List.of(GeneratedTimedNets.chains(10, 5), GeneratedTimedNets.producerConsumer(12),
                GeneratedTimedNets.tokenRing(12));
        for (PetriNet net : nets) {
            if (args.length > 2) {
                Files.writeString(Path.of(args[2], net.name() + ".net"), TinaNetWriter.write(net));
            }
            ClassGraphStatistics best = null;
            double bestCpu = Double.MAX_VALUE;
            java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
            for (int r = 0; r < runs; r++) {
                long cpu0 = mx.getCurrentThreadCpuTime();
                ClassGraphStatistics s = new StateClassGraph(net).explore(
                        Budget.ofClasses(maxClasses));
                double cpu = (mx.getCurrentThreadCpuTime() - cpu0) / 1e9;
                if (cpu < bestCpu) {
                    bestCpu = cpu;
                    best = s;
                }
            }
            // The machine may be shared: CPU time of the exploring thread is the fairer clock.
            System.out.printf(Locale.ROOT, "%-14s %3d transitions: %,10d classes %,10d markings %,11d edges"
                            + " %s wall %6.2f s cpu %6.2f s  %,10.0f classes/cpu-s%n", net.name(),
                    net.transitionCount(), best.classes(), best.markings(), best.edges(),
                    best.complete() ? "complete" : "(limit) ", best.seconds(), bestCpu, best.classes() / bestCpu);
        }
    }
}
