package dev.cadenza.verify.execute;

import dev.cadenza.verify.trace.StopCause;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Real threads ({@code cadenza run}): a transition with an {@code action} runs it as a shell
 * command ({@code /bin/sh -c}) in the working directory, with CADENZA_COMPONENT,
 * CADENZA_TRANSITION, CADENZA_TYPE and CADENZA_BEHAVIOR naming what it is, plus the variables
 * given; its thread finishes when the process exits. A transition without an action takes no
 * time. The clock is the wall clock since the run began.
 *
 * <p>An action that exits with a non-zero status, or outlives its timeout (then it and its
 * children are stopped), makes the run stop cleanly: nothing new starts, what runs finishes (or
 * meets its own timeout). An interrupt stops every running action at once. Each action's output
 * is kept (its last lines for the report; whole in a log file per action when a log directory is
 * given).
 */
public final class ProcessDriver extends Driver {

    /** How actions run: working directory, extra environment, timeout per action (null: none), log directory (null: none). */
    public record Options(Path workdir, Map<String, String> environment, Double actionTimeout, Path logDir,
                          int tailLines) {
        public Options {
            environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
        }
    }

    private record Done(int component, int transition, int exit, long nanos) {
    }

    private final class Live {
        final ComponentState component;
        final int transition;
        final Process process;
        final long startNanos;
        final long deadlineNanos;
        final ArrayDeque<String> tail = new ArrayDeque<>();
        final Thread reader;
        final int result;

        Live(ComponentState component, int transition, Process process, long startNanos, int result) {
            this.component = component;
            this.transition = transition;
            this.process = process;
            this.startNanos = startNanos;
            this.deadlineNanos = options.actionTimeout() == null ? Long.MAX_VALUE
                    : startNanos + (long) (options.actionTimeout() * 1e9);
            this.result = result;
            this.reader = new Thread(this::read, "cadenza-action-" + component.name + "." + component.type.transitions[transition]);
            this.reader.setDaemon(true);
        }

        private void read() {
            Writer log = null;
            try {
                if (options.logDir() != null) {
                    Files.createDirectories(options.logDir());
                    log = Files.newBufferedWriter(options.logDir().resolve(component.name + "."
                            + component.type.transitions[transition] + ".log"), StandardCharsets.UTF_8);
                }
                try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = in.readLine()) != null) {
                        synchronized (tail) {
                            tail.addLast(line);
                            while (tail.size() > options.tailLines()) {
                                tail.removeFirst();
                            }
                        }
                        if (log != null) {
                            log.write(line);
                            log.write('\n');
                        }
                    }
                }
            } catch (IOException e) {
                synchronized (tail) {
                    tail.addLast("(output could not be read: " + e.getMessage() + ")");
                }
            } finally {
                if (log != null) {
                    try {
                        log.close();
                    } catch (IOException ignored) {
                        // the log is a convenience; the tail is kept anyway
                    }
                }
            }
        }

        String tail() {
            try {
                reader.join(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            synchronized (tail) {
                return String.join("\n", tail);
            }
        }
    }

    private final Options options;
    private final long startNanos = System.nanoTime();
    private final BlockingQueue<Done> done = new LinkedBlockingQueue<>();
    private final Map<Long, Live> live = new LinkedHashMap<>();
    private final List<ActionResult> results = new ArrayList<>();

    public ProcessDriver(Options options) {
        this.options = options;
    }

    /** What every action did, in the order they started. */
    public synchronized List<ActionResult> results() {
        return List.copyOf(results);
    }

    private long ticks(Execution x, long nanos) {
        long elapsed = nanos - startNanos;
        int digits = x.scale().digits();
        return digits <= 9 ? elapsed / pow10(9 - digits) : elapsed * pow10(digits - 9);
    }

    private static long pow10(int n) {
        long p = 1;
        for (int i = 0; i < n; i++) {
            p *= 10;
        }
        return p;
    }

    private double seconds(long nanos) {
        return (nanos - startNanos) / 1e9;
    }

    private long wallNow(Execution x) {
        return Math.max(x.now, ticks(x, System.nanoTime()));
    }

    private static long key(ComponentState c, int t) {
        return ((long) c.id << 32) | t;
    }

    @Override
    long start(Execution x, ComponentState c, int t) {
        String action = c.type.actions[t];
        if (action == null) {
            return x.now;
        }
        ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c", action).redirectErrorStream(true);
        if (options.workdir() != null) {
            pb.directory(options.workdir().toFile());
        }
        Map<String, String> env = pb.environment();
        env.putAll(options.environment());
        env.put("CADENZA_COMPONENT", c.name);
        env.put("CADENZA_TRANSITION", c.type.transitions[t]);
        env.put("CADENZA_TYPE", c.type.name);
        env.put("CADENZA_BEHAVIOR", c.type.behaviors[c.type.behaviorOf[t]]);
        long now = System.nanoTime();
        int index;
        synchronized (this) {
            index = results.size();
            results.add(new ActionResult(c.name, c.type.transitions[t], action, seconds(now), Double.NaN, null, false,
                    false, ""));
        }
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            c.abandoned[t] = true;
            fail(x, index, 127, "cannot start /bin/sh: " + e.getMessage(), now);
            return Long.MAX_VALUE;
        }
        Live l = new Live(c, t, p, now, index);
        live.put(key(c, t), l);
        l.reader.start();
        p.onExit().thenAccept(q -> done.add(new Done(c.id, t, q.exitValue(), System.nanoTime())));
        return Long.MAX_VALUE;
    }

    @Override
    long afterChange(Execution x) {
        drain(x, false);
        return wallNow(x);
    }

    @Override
    long whenQuiet(Execution x, long next) {
        while (!x.interrupted()) {
            if (drain(x, true) || live.isEmpty()) {
                return wallNow(x);
            }
            long deadline = Long.MAX_VALUE;
            for (Live l : live.values()) {
                deadline = Math.min(deadline, l.deadlineNanos);
            }
            long wait = Math.min(200_000_000L, Math.max(0, deadline - System.nanoTime()));
            try {
                Done d = done.poll(wait, TimeUnit.NANOSECONDS);
                if (d != null) {
                    done.add(d);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                x.interrupt();
            }
            timeouts(x);
        }
        return wallNow(x);
    }

    /** Takes in the actions that ended; true when one did. A failed one abandons its transition and stops the run. */
    private boolean drain(Execution x, boolean quiet) {
        boolean any = false;
        Done d;
        while ((d = done.poll()) != null) {
            Live l = live.remove(((long) d.component() << 32) | d.transition());
            if (l == null) {
                continue; // stopped earlier (timeout, interrupt): already accounted for
            }
            any = true;
            ComponentState c = l.component;
            int t = l.transition;
            synchronized (this) {
                ActionResult r = results.get(l.result);
                results.set(l.result, new ActionResult(r.instance(), r.transition(), r.command(), r.start(),
                        seconds(d.nanos()), d.exit(), false, false, d.exit() == 0 ? "" : l.tail()));
            }
            if (d.exit() == 0) {
                c.finishAt[t] = Math.min(ticks(x, d.nanos()), wallNow(x));
            } else {
                c.abandoned[t] = true;
                x.requestStop(new StopCause.ActionFailed(c.name, c.type.transitions[t], d.exit(), l.tail()));
            }
        }
        if (!quiet) {
            timeouts(x);
        }
        return any;
    }

    /** Stops the actions past their timeout (and their children); the first one stops the run. */
    private void timeouts(Execution x) {
        long now = System.nanoTime();
        for (var it = live.entrySet().iterator(); it.hasNext(); ) {
            Live l = it.next().getValue();
            if (now >= l.deadlineNanos) {
                it.remove();
                kill(l.process);
                l.component.abandoned[l.transition] = true;
                String tail = l.tail();
                synchronized (this) {
                    ActionResult r = results.get(l.result);
                    results.set(l.result, new ActionResult(r.instance(), r.transition(), r.command(), r.start(),
                            seconds(now), null, true, false, tail));
                }
                x.requestStop(new StopCause.ActionTimedOut(l.component.name, l.component.type.transitions[l.transition],
                        options.actionTimeout(), tail));
            }
        }
    }

    private void fail(Execution x, int index, int exit, String why, long nanos) {
        synchronized (this) {
            ActionResult r = results.get(index);
            results.set(index, new ActionResult(r.instance(), r.transition(), r.command(), r.start(), seconds(nanos), exit,
                    false, false, why));
            x.requestStop(new StopCause.ActionFailed(r.instance(), r.transition(), exit, why));
        }
    }

    /** The run is over (or interrupted): every action still running is stopped, with its children. */
    @Override
    void finish(Execution x) {
        drain(x, true);
        long now = System.nanoTime();
        for (Live l : live.values()) {
            kill(l.process);
            l.component.abandoned[l.transition] = true;
            String tail = l.tail();
            synchronized (this) {
                ActionResult r = results.get(l.result);
                results.set(l.result, new ActionResult(r.instance(), r.transition(), r.command(), r.start(), seconds(now),
                        null, false, true, tail));
            }
        }
        live.clear();
    }

    /** SIGTERM to the process and its descendants, SIGKILL to what is left after two seconds. */
    private static void kill(Process p) {
        List<ProcessHandle> all = new ArrayList<>(p.descendants().toList());
        all.add(p.toHandle());
        all.forEach(ProcessHandle::destroy);
        long until = System.nanoTime() + 2_000_000_000L;
        for (ProcessHandle h : all) {
            try {
                h.onExit().get(Math.max(1, until - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (Exception e) {
                h.destroyForcibly();
            }
        }
    }
}
