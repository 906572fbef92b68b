package dev.cadenza.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One run of the command line as a user would start it: its exit code and what it printed. */
record CliRun(int exit, String out, String err) {

    /** Without progress lines: their timing depends on the machine's load. */
    static CliRun of(String... args) {
        return withProgressAfter(Double.POSITIVE_INFINITY, args);
    }

    /** With progress lines from {@code seconds} on. */
    static CliRun withProgressAfter(double seconds, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cl = Cadenza.commandLine(seconds);
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new CliRun(exit, out.toString(), err.toString());
    }

    /** The path of examples/NAME, found above the working directory. */
    static String example(String name) {
        java.nio.file.Path p = java.nio.file.Path.of("").toAbsolutePath();
        while (!p.resolve("examples").toFile().isDirectory()) {
            p = p.getParent();
        }
        return p.resolve("examples").resolve(name).toString();
    }

    /**
     * The command line in a JVM of its own with {@code jvmOptions} (a small heap, a small
     * stack): what the test JVM cannot risk, such as running out of memory.
     */
    static CliRun forked(java.util.List<String> jvmOptions, String... args) {
        java.util.List<String> command = new java.util.ArrayList<>();
        command.add(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Cadenza.class.getName());
        command.addAll(java.util.List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(false).start();
            var out = new java.io.ByteArrayOutputStream();
            var err = new java.io.ByteArrayOutputStream();
            Thread drain = new Thread(() -> {
                try {
                    p.getErrorStream().transferTo(err);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            drain.start();
            p.getInputStream().transferTo(out);
            int exit = p.waitFor();
            drain.join();
            return new CliRun(exit, out.toString(java.nio.charset.StandardCharsets.UTF_8),
                    err.toString(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
