package dev.cadenza.verify.translate;

import dev.cadenza.core.lang.ModelPrinter;
import dev.cadenza.core.model.Instruction;
import dev.cadenza.core.model.PortRef;
import dev.cadenza.verify.translate.NetDraft.TransitionDraft;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The program: a counter place per position, one transition per instruction (or per fused run). */
final class ProgramInstructions extends TranslationPart {

    ProgramInstructions(TranslationPart.State state) {
        super(state);
    }

    // ---- the program ----------------------------------------------------------------------------

    int programTransitions(List<Instruction> program) {
        int n = program.size();
        List<Integer> pc = new ArrayList<>();
        for (int k = 0; k <= n; k++) {
            pc.add(d.place("pc." + k, new Provenance.ProgramCounter(k,
                    k < n ? ModelPrinter.instruction(program.get(k)) : null), k == 0 ? 1 : 0));
        }
        Map<String, Integer> pushesSoFar = new HashMap<>();
        Set<String> alive = new LinkedHashSet<>();
        int k = 0;
        while (k < n) {
            if (options.fuse() && nonBlocking(program.get(k))) {
                k = nonBlockingStep(program, k, pc, pushesSoFar, alive);
                continue;
            }
            Instruction i = program.get(k);
            String text = ModelPrinter.instruction(i);
            // a blocking instruction is retried at the start of each loop iteration: up to one step
            // after it could go; add, con and pushB go in the same program phase
            TransitionDraft t = d.transition("pc." + k + "." + kind(i), new Provenance.Execute(k, text),
                            nonBlocking(i) ? zero() : moves(1))
                    .consume(pc.get(k)).produce(pc.get(k + 1));
            if (i instanceof Instruction.Add || i instanceof Instruction.PushB || i instanceof Instruction.Con) {
                Map<Integer, Long> delta = new LinkedHashMap<>();
                effect(i, delta, pushesSoFar, alive);
                apply(t, delta);
                if (i instanceof Instruction.Add a) {
                    t.adds.add(a.instance());
                }
            } else if (i instanceof Instruction.Dcon dc) {
                int con = connection(dc.provider().toString(), dc.user().toString());
                t.consume(con);
                // dcon waits until the user side no longer uses the connection
                t.inhibit(usingPlace(dc.user()));
                if (concertoD) {
                    // Concerto-D does not wait: a connection in use stays and the program goes on
                    // (HEAD assembly.py:375-389: disconnect returns False, nobody retries)
                    d.transition("pc." + k + ".dcon.ignored", new Provenance.Execute(k, text), moves(1))
                            .consume(pc.get(k)).produce(pc.get(k + 1)).read(con).read(usingPlace(dc.user()));
                }
            } else if (i instanceof Instruction.Wait w) {
                InstanceNet c = instances.get(w.instance());
                t.read(c.idle.get(pushesSoFar.getOrDefault(c.name, 0)));
            } else if (i instanceof Instruction.WaitAll) {
                for (String name : alive) {
                    t.read(instances.get(name).idle.get(pushesSoFar.getOrDefault(name, 0)));
                }
            } else if (i instanceof Instruction.Del del) {
                InstanceNet c = instances.get(del.instance());
                int idle = c.idle.get(pushesSoFar.getOrDefault(c.name, 0));
                // del waits until c is idle and disconnected
                t.consume(idle);
                String fails = "del(" + c.name + ") on an instance that is %s: Concerto-D's del_component removes it"
                        + " anyway and then fails (KeyError)";
                if (concertoD) {
                    // Concerto-D does not wait: on an active instance the next loop iteration fails
                    // (HEAD assembly.py:273-287): the runtime stops (ExecutorRulesTest reads it so)
                    d.transition("pc." + k + ".del.fails", new Provenance.Stop(k, String.format(fails, "active"), false),
                                    moves(1))
                            .consume(pc.get(k)).inhibit(idle).produce(stopped());
                }
                for (var e : connections.entrySet()) {
                    String[] ends = e.getKey().split("->");
                    if (ends[0].startsWith(c.name + ".") || ends[1].startsWith(c.name + ".")) {
                        t.inhibit(e.getValue());
                        if (concertoD) {
                            // and on a connected one, at its second pass (:279-281)
                            d.transition("pc." + k + ".del.fails." + e.getKey(), new Provenance.Stop(k,
                                            String.format(fails, "still connected"), false), moves(1))
                                    .consume(pc.get(k)).read(e.getValue()).produce(stopped());
                        }
                    }
                }
                c.deleted = d.place(c.name + ".deleted", new Provenance.Deleted(c.name), 0);
                c.isDeleted = true;
                t.produce(c.deleted);
                alive.remove(c.name);
            }
            k++;
        }
        if (concertoD && state.processEnds && n > 0 && !(program.get(n - 1) instanceof Instruction.WaitAll)) {
            processEnds(n, pc.get(n), pushesSoFar, alive);
        }
        return pc.get(n);
    }

    /**
     * Concerto-D's process ends with its program (HEAD assembly.py: the program is a sequence of
     * calls, each returning when done; after the last, the process exits): an instance still active
     * then is stopped with it, the deployment unfinished (the executor's StopCause.ProgramEnded).
     * Not needed after a final waitAll (every instance is idle then).
     *
     * <p>[0,0] steps at the instant the last instruction is done, one per way an instance c is
     * active and cannot complete its behavior at once: still entering its initial place (a step of
     * its own when that instant can be seen here: ProgramScan's {@code initObserved}); a pushed behavior not begun ({@code
     * c.idle.j}, j below its pushes); or its active behavior k with something to do — a token in
     * one of the places that keep {@code c.complete.k} from firing (a run, a dock, a source place of
     * its transitions not left in this activation). Not when c's behavior could complete at once:
     * in the runtime a component completes in the idle check that ends the very sweep of its last
     * move (component.py:721-742), so it is never found active with nothing to do, except just after
     * its behavior was set (pushB on an idle instance, or the idle check setting the next queued
     * one) and before its next sweep — and the net reaches the stop there before {@code c.begin.k}
     * (enabled then, [0, b], free to wait until the last instruction is done within the same step).
     * So every runtime stop is a net stop, and the net does not stop an instance whose last moves
     * and the program's end share an instant (server-client's {@code deploy}: s enters running and
     * completes in one sweep, before c can enter running and the program's wait(c) return).
     */
    private void processEnds(int n, int end, Map<String, Integer> pushesSoFar, Set<String> alive) {
        for (String name : alive) {
            InstanceNet c = instances.get(name);
            int pushes = pushesSoFar.getOrDefault(name, 0);
            Provenance why = new Provenance.Stop(n, "the program ended while " + name
                    + " was still active (Concerto-D stops with its program)", true);
            List<int[]> ways = new ArrayList<>(); // {read..., -1, inhibit...}
            if (c.initializing >= 0) {
                ways.add(new int[] {c.initializing});
            }
            for (int j = 0; j < pushes; j++) {
                ways.add(new int[] {c.idle.get(j)});
            }
            for (int k = 1; k <= pushes; k++) {
                int act = c.active.get(k - 1);
                Map<String, Integer> visited = c.visited.getOrDefault(k, Map.of());
                Set<Integer> busy = new LinkedHashSet<>();
                Set<String> sources = new LinkedHashSet<>();
                for (var t : transitionsOf(c, c.pushes.get(k - 1))) {
                    busy.add(c.run.get(t.name()));
                    if (c.od.containsKey(t.name())) {
                        busy.add(c.od.get(t.name()));
                    }
                    if (c.id.containsKey(t.name())) {
                        busy.add(c.id.get(t.name()));
                    }
                    sources.add(t.source());
                }
                for (int x : busy) {
                    ways.add(new int[] {act, x});
                }
                for (String p : sources) {
                    Integer v = visited.get(p);
                    ways.add(v == null ? new int[] {act, c.place.get(p)} : new int[] {act, c.place.get(p), -1, v});
                }
            }
            for (int w = 0; w < ways.size(); w++) {
                TransitionDraft t = d.transition("end.stops." + name + "." + (w + 1), why, zero())
                        .consume(end).produce(stopped());
                boolean inhibit = false;
                for (int x : ways.get(w)) {
                    if (x < 0) {
                        inhibit = true;
                    } else if (inhibit) {
                        t.inhibit(x);
                    } else {
                        t.read(x);
                    }
                }
            }
        }
    }

    /** add, con and pushB never wait. */
    private static boolean nonBlocking(Instruction i) {
        return i instanceof Instruction.Add || i instanceof Instruction.Con || i instanceof Instruction.PushB;
    }

    /**
     * Fusion (3): a maximal run of non-blocking instructions (add, con, pushB) is one [0,0] step.
     * They take no time and cannot wait, so the program would run them all at this instant
     * anyway; fusing only removes the interleavings of components' zero-time moves with the
     * rest of the run (components see their connections and behaviors all at once). Fusion (4):
     * the first pushB of an instance begins its behavior in the same step: begin 1 needs idle 0
     * (given by add, taken only by begin 1 or del) and push 1, so it is enabled as soon as the
     * push is done and nothing else can take its tokens.
     */
    private int nonBlockingStep(List<Instruction> program, int from, List<Integer> pc,
                                Map<String, Integer> pushesSoFar, Set<String> alive) {
        int to = from;
        List<String> texts = new ArrayList<>();
        Map<Integer, Long> delta = new LinkedHashMap<>();
        while (to < program.size() && nonBlocking(program.get(to))) {
            texts.add(ModelPrinter.instruction(program.get(to)));
            effect(program.get(to), delta, pushesSoFar, alive);
            to++;
        }
        TransitionDraft t = d.transition("pc." + from + (to - from > 1 ? "-" + (to - 1) : "") + ".run",
                new Provenance.Execute(from, String.join("; ", texts)), zero())
                .consume(pc.get(from)).produce(pc.get(to));
        apply(t, delta);
        for (int k = from; k < to; k++) {
            if (program.get(k) instanceof Instruction.Add a) {
                t.adds.add(a.instance());
            }
        }
        return to;
    }

    private void effect(Instruction i, Map<Integer, Long> delta, Map<String, Integer> pushesSoFar, Set<String> alive) {
        if (i instanceof Instruction.Add a) {
            InstanceNet c = instances.get(a.instance());
            if (c.initializing >= 0) {
                // use ports guard the initial place: entered by ComponentMoves' _init enter
                delta.merge(c.initializing, 1L, Long::sum);
            } else {
                // unguarded, _init's enter cannot wait and nothing observes the instant before it
                delta.merge(c.place.get(c.type.initialPlace()), 1L, Long::sum);
                delta.merge(c.idle.get(0), 1L, Long::sum);
            }
            alive.add(c.name);
        } else if (i instanceof Instruction.PushB p) {
            InstanceNet c = instances.get(p.instance());
            int j = pushesSoFar.merge(p.instance(), 1, Integer::sum);
            if (j == 1 && options.fuse() && c.initializing < 0) {
                delta.merge(c.idle.get(0), -1L, Long::sum);
                delta.merge(c.active.get(0), 1L, Long::sum);
                delta.merge(c.beh.get(p.behavior()), 1L, Long::sum);
            } else {
                delta.merge(c.pushed.get(j - 1), 1L, Long::sum);
            }
        } else if (i instanceof Instruction.Con con) {
            delta.merge(connection(con.provider().toString(), con.user().toString()), 1L, Long::sum);
        }
    }

    private static void apply(TransitionDraft t, Map<Integer, Long> delta) {
        delta.forEach((place, w) -> {
            if (w > 0) {
                t.produce.merge(place, w, Long::sum);
            } else if (w < 0) {
                t.consume.merge(place, -w, Long::sum);
            }
        });
    }

    private int usingPlace(PortRef user) {
        return instances.get(user.instance()).uses.get(user.port()).using;
    }

    private static String kind(Instruction i) {
        String s = i.getClass().getSimpleName();
        return Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
