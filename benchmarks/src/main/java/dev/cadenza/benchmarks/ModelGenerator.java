package dev.cadenza.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Models of growing size, as .cdz text, for the scaling runs and the benchmarks. Usage:
 * {@code ModelGenerator KIND N [EXAMPLES_DIR]} prints the model; kinds:
 * <ul>
 *   <li>{@code chain N}: N components in a row, each waiting (use ... by) for the previous one's
 *       service: conflict-free, answered by the critical path.</li>
 *   <li>{@code dag N}: N components, each using the services of up to two earlier ones (a
 *       deterministic pseudo-random DAG): conflict-free.</li>
 *   <li>{@code fan N}: one source, N workers that wait for it, one sink that waits for all
 *       workers (fan-out then fan-in): conflict-free, the workers run in parallel.</li>
 *   <li>{@code parallel N}: N independent two-step components (no connection): the state class
 *       graph grows exponentially with N, the fast path does not care.</li>
 *   <li>{@code openstack K}: the OpenStack assembly of examples/openstack.cdz replicated K times
 *       (K independent copies in one assembly), read from EXAMPLES_DIR.</li>
 *   <li>{@code galera N}: examples/galera.cdz with {@code param n = N} workers.</li>
 * </ul>
 * Durations are deterministic functions of the index, so runs are reproducible.
 */
public final class ModelGenerator {

    private ModelGenerator() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: ModelGenerator chain|dag|fan|parallel|openstack|galera N [EXAMPLES_DIR]");
            System.exit(2);
        }
        int n = Integer.parseInt(args[1]);
        Path examples = Path.of(args.length > 2 ? args[2] : "examples");
        String text = switch (args[0]) {
            case "chain" -> chain(n);
            case "dag" -> dag(n);
            case "fan" -> fan(n);
            case "parallel" -> parallel(n);
            case "chains" -> chains(n, false);
            case "chains-program" -> chains(n, true);
            case "openstack" -> openstack(Files.readString(examples.resolve("openstack.cdz"), StandardCharsets.UTF_8), n);
            case "galera" -> galera(Files.readString(examples.resolve("galera.cdz"), StandardCharsets.UTF_8), n);
            default -> throw new IllegalArgumentException("unknown kind " + args[0]);
        };
        System.out.print(text);
    }

    /** A two-step component type that uses one service (or none) and provides one. */
    private static void stepType(StringBuilder b, String name, int uses) {
        b.append("component ").append(name).append(" {\n")
                .append("  places off, installed, running\n")
                .append("  initial off\n")
                .append("  behavior deploy {\n")
                .append("    install: off -> installed [1, 3]\n")
                .append("    start:   installed -> running [0.5, 2]\n")
                .append("  }\n");
        for (int u = 0; u < uses; u++) {
            b.append("  use dep").append(u).append(" by ").append(u == 0 ? "start" : "install").append('\n');
        }
        b.append("  provide service from running\n}\n\n");
    }

    public static String chain(int n) {
        StringBuilder b = new StringBuilder(64 * n + 512);
        stepType(b, "Root", 0);
        stepType(b, "Link", 1);
        b.append("assembly chain {\n  c0: Root\n");
        for (int i = 1; i < n; i++) {
            b.append("  c").append(i).append(": Link\n");
        }
        for (int i = 1; i < n; i++) {
            b.append("  connect c").append(i - 1).append(".service -> c").append(i).append(".dep0\n");
        }
        b.append("}\n\nverify chain {\n  deployable\n  bounds\n}\n");
        return b.toString();
    }

    public static String dag(int n) {
        StringBuilder b = new StringBuilder(96 * n + 512);
        stepType(b, "Root", 0);
        stepType(b, "One", 1);
        stepType(b, "Two", 2);
        b.append("assembly dag {\n");
        for (int i = 0; i < n; i++) {
            b.append("  c").append(i).append(": ").append(i == 0 ? "Root" : i == 1 ? "One" : "Two").append('\n');
        }
        long seed = 12345;
        for (int i = 1; i < n; i++) {
            seed = seed * 6364136223846793005L + 1442695040888963407L;
            int a = (int) Long.remainderUnsigned(seed >>> 16, i);
            b.append("  connect c").append(a).append(".service -> c").append(i).append(".dep0\n");
            if (i >= 2) {
                seed = seed * 6364136223846793005L + 1442695040888963407L;
                int c = (int) Long.remainderUnsigned(seed >>> 16, i);
                b.append("  connect c").append(c).append(".service -> c").append(i).append(".dep1\n");
            }
        }
        b.append("}\n\nverify dag {\n  deployable\n  bounds\n}\n");
        return b.toString();
    }

    public static String fan(int n) {
        StringBuilder b = new StringBuilder(96 * n + 512);
        stepType(b, "Source", 0);
        stepType(b, "Worker", 1);
        b.append("component Sink {\n  places off, running\n  initial off\n  behavior deploy {\n"
                + "    start: off -> running [1, 2]\n  }\n");
        for (int i = 0; i < n; i++) {
            b.append("  use w").append(i).append(" by start\n");
        }
        b.append("}\n\nassembly fan {\n  source: Source\n  sink: Sink\n");
        for (int i = 0; i < n; i++) {
            b.append("  w").append(i).append(": Worker\n");
        }
        for (int i = 0; i < n; i++) {
            b.append("  connect source.service -> w").append(i).append(".dep0\n");
            b.append("  connect w").append(i).append(".service -> sink.w").append(i).append('\n');
        }
        b.append("}\n\nverify fan {\n  deployable\n  bounds\n}\n");
        return b.toString();
    }

    /**
     * N independent components of 5 chained transitions with overlapping intervals ([1, 4],
     * [2, 6], [3, 8], [4, 10], [5, 12]): as an assembly (the critical path answers) or, with
     * {@code program}, as the program {@code add all; pushB each; waitAll} (the state classes do).
     */
    public static String chains(int n, boolean program) {
        StringBuilder b = new StringBuilder(64 * n + 512);
        b.append("component Chain {\n  places s0, s1, s2, s3, s4, s5\n  initial s0\n  behavior deploy {\n");
        for (int k = 0; k < 5; k++) {
            b.append("    t").append(k).append(": s").append(k).append(" -> s").append(k + 1)
                    .append(" [").append(k + 1).append(", ").append(2 * k + 4).append("]\n");
        }
        b.append("  }\n}\n\n");
        if (program) {
            b.append("program chains {\n");
            for (int i = 0; i < n; i++) {
                b.append("  add(c").append(i).append(" : Chain)\n");
            }
            for (int i = 0; i < n; i++) {
                b.append("  pushB(c").append(i).append(", deploy)\n");
            }
            b.append("  waitAll\n}\n\nverify chains {\n  deployable\n  bounds\n}\n");
        } else {
            b.append("assembly chains {\n");
            for (int i = 0; i < n; i++) {
                b.append("  c").append(i).append(": Chain\n");
            }
            b.append("}\n\nverify chains {\n  deployable\n  bounds\n}\n");
        }
        return b.toString();
    }

    public static String parallel(int n) {
        StringBuilder b = new StringBuilder(64 * n + 512);
        stepType(b, "Step", 0);
        b.append("assembly parallel {\n");
        for (int i = 0; i < n; i++) {
            b.append("  c").append(i).append(": Step\n");
        }
        b.append("}\n\nverify parallel {\n  deployable\n  bounds\n}\n");
        return b.toString();
    }

    /**
     * The OpenStack example with its assembly replicated k times: instance names get a suffix
     * _i, connections follow; types, deployment-free verify block (deployable, bounds).
     */
    public static String openstack(String example, int k) {
        int a = example.indexOf("\nassembly ");
        int end = example.indexOf("\n}", a);
        String types = example.substring(0, a + 1);
        String[] body = example.substring(example.indexOf('{', a) + 1, end).split("\n");
        StringBuilder b = new StringBuilder(types).append("\nassembly openstack").append(k).append(" {\n");
        for (int i = 0; i < k; i++) {
            for (String line : body) {
                String l = line.trim();
                if (l.isEmpty()) {
                    continue;
                }
                if (l.startsWith("connect ")) {
                    String[] parts = l.substring("connect ".length()).split("->");
                    b.append("  connect ").append(suffix(parts[0].trim(), i)).append(" -> ")
                            .append(suffix(parts[1].trim(), i)).append('\n');
                } else {
                    int colon = l.indexOf(':');
                    b.append("  ").append(l, 0, colon).append('_').append(i).append(l.substring(colon)).append('\n');
                }
            }
        }
        b.append("}\n\nverify openstack").append(k).append(" {\n  deployable\n  bounds\n}\n");
        return b.toString();
    }

    private static String suffix(String portRef, int i) {
        int dot = portRef.indexOf('.');
        return portRef.substring(0, dot) + "_" + i + portRef.substring(dot);
    }

    /** Galera with n workers: the example's {@code param n = 3} lines set to n. */
    public static String galera(String example, int n) {
        return example.replaceAll("param n = \\d+", String.format(Locale.ROOT, "param n = %d", n));
    }
}
