package dev.cadenza.verify.execute;

import dev.cadenza.core.model.Instruction;
import dev.cadenza.verify.ResolutionException;
import dev.cadenza.verify.trace.StopCause;
import dev.cadenza.verify.trace.WaitReason;
import dev.cadenza.verify.trace.Waiter;

import java.util.ArrayList;
import java.util.List;

/**
 * The program's instructions (concerto/internal_instruction.py:318-337 dispatching to
 * assembly.py's {@code _add}, {@code _del}, {@code _connect}, {@code _disconnect},
 * {@code _push_b}, {@code _wait}, {@code _wait_all}), one method per rule. Each applies the
 * instruction and says whether it finished; one that did not is retried at the next iteration
 * (assembly.py:407-420).
 */
final class ProgramRules {

    private final Execution x;

    ProgramRules(Execution x) {
        this.x = x;
    }

    /** Applies instruction {@code k}; true when it finished. */
    boolean apply(int k) {
        Instruction i = x.program.get(k);
        if (i instanceof Instruction.Add a) {
            return add(k, a);
        } else if (i instanceof Instruction.Del d) {
            return del(k, d);
        } else if (i instanceof Instruction.Con c) {
            return con(k, c);
        } else if (i instanceof Instruction.Dcon d) {
            return dcon(k, d);
        } else if (i instanceof Instruction.PushB p) {
            return pushB(k, p);
        } else if (i instanceof Instruction.Wait w) {
            return await(k, w);
        }
        return waitAll(k);
    }

    private int executed(int k, int cause) {
        int e = x.log.add(EventLog.INSTRUCTION, null, k, x.now, Math.max(cause, x.lastInstruction), null);
        x.lastInstruction = e;
        if (x.log.full) {
            x.log.proceeded(waiter(k), x.now);
        }
        return e;
    }

    private Waiter waiter(int k) {
        return new Waiter.Instruction(k, x.instructionText(k));
    }

    private void blocked(int k, List<WaitReason> why) {
        if (x.log.full) {
            x.log.waiting(waiter(k), why, x.now);
        }
    }

    /**
     * AddComponentInstance (assembly.py:180-198): a new instance, active with the internal
     * behavior {@code _init} that enters its initial place at its first sweeps.
     */
    private boolean add(int k, Instruction.Add a) {
        ComponentState c = x.newInstance(a.instance(), a.type(), a.position());
        int e = executed(k, -1);
        c.behaviorEvent = e;
        c.lastEvent = e;
        x.activate(c);
        return true;
    }

    /**
     * DeleteComponentInstance (assembly.py:203-210): waits until the instance is idle (not
     * active) and has no connection. Concerto-D does not wait: its del_component removes the
     * instance, and on an active or connected one the next loop iteration fails (HEAD
     * assembly.py:273-287: KeyError) — the run stops there.
     */
    private boolean del(int k, Instruction.Del d) {
        ComponentState c = x.instance(d.instance(), d.position());
        boolean active = x.isActive(c);
        boolean connected = c.hasConnections();
        if (active || connected) {
            if (x.concertoD) {
                x.stop(new StopCause.RuntimeFailure("del(" + c.name + ") on an instance that is "
                        + (active ? "active" : "still connected")
                        + ": Concerto-D's del_component removes it anyway and then fails (KeyError)"));
                return false;
            }
            if (x.log.full) {
                List<WaitReason> why = new ArrayList<>();
                if (active) {
                    why.add(new WaitReason.InstanceBusy(c.name, doing(c)));
                }
                for (List<Connection> l : c.connections) {
                    for (Connection con : l) {
                        why.add(new WaitReason.StillConnected(c.name, con.providerName(), con.userName()));
                    }
                }
                blocked(k, why);
            }
            return false;
        }
        c.deleted = true;
        x.remove(c);
        executed(k, c.idleEvent);
        return true;
    }

    /** ConnectPorts (assembly.py:215-254): the connection exists from now on. */
    private boolean con(int k, Instruction.Con con) {
        ComponentState p = x.instance(con.provider().instance(), con.position());
        ComponentState u = x.instance(con.user().instance(), con.position());
        int pp = port(p, con.provider().port(), con);
        int up = port(u, con.user().port(), con);
        int e = executed(k, -1);
        Connection c = new Connection(p, pp, u, up, e);
        p.connections.get(pp).add(c);
        u.connections.get(up).add(c);
        return true;
    }

    /**
     * DisconnectPorts (assembly.py:259-295): waits until the use port is no longer in use
     * ({@code can_remove}), then removes the connection. Concerto-D does not wait: a connection
     * in use is left in place and the program goes on (HEAD assembly.py:357-389).
     */
    private boolean dcon(int k, Instruction.Dcon d) {
        ComponentState p = x.instance(d.provider().instance(), d.position());
        ComponentState u = x.instance(d.user().instance(), d.position());
        int pp = port(p, d.provider().port(), d);
        int up = port(u, d.user().port(), d);
        Connection c = null;
        for (Connection k2 : u.connections.get(up)) {
            if (k2.provider == p && k2.providePort == pp) {
                c = k2;
            }
        }
        if (c == null) {
            throw new ResolutionException(d.position(), d.provider() + " and " + d.user() + " are not connected here");
        }
        if (c.locked()) {
            if (x.concertoD) {
                int e = executed(k, -1);
                x.log.ignored(e);
                return true;
            }
            blocked(k, List.of(new WaitReason.InUse(c.userName(), Where.using(u, up))));
            return false;
        }
        p.connections.get(pp).remove(c);
        u.connections.get(up).remove(c);
        executed(k, u.portEvent[up]);
        return true;
    }

    /**
     * PushingBehavior (assembly.py:300-305, component.py:615-625): an idle instance takes the
     * behavior at once; an active one queues it. Either way it is active.
     */
    private boolean pushB(int k, Instruction.PushB p) {
        ComponentState c = x.instance(p.instance(), p.position());
        int b = c.type.behavior(p.behavior());
        if (b < 0) {
            throw new ResolutionException(p.position(), "unknown behavior '" + p.behavior() + "' of " + c.type.name);
        }
        int e = executed(k, -1);
        if (c.behavior == CompiledType.NONE) {
            x.setBehavior(c, b, e);
        } else {
            c.queue.add(b);
        }
        x.activate(c);
        return true;
    }

    /** Waiting (assembly.py:310-311, 339-340): until the instance is not active. */
    private boolean await(int k, Instruction.Wait w) {
        ComponentState c = x.instance(w.instance(), w.position());
        if (x.isActive(c)) {
            blocked(k, List.of(new WaitReason.InstanceBusy(c.name, doing(c))));
            return false;
        }
        executed(k, c.idleEvent);
        return true;
    }

    /** WaitAll (assembly.py:316-317): until no instance is active. */
    private boolean waitAll(int k) {
        if (!x.active.isEmpty()) {
            if (x.log.full) {
                List<WaitReason> why = new ArrayList<>();
                for (ComponentState c : x.active) {
                    why.add(new WaitReason.InstanceBusy(c.name, doing(c)));
                }
                blocked(k, why);
            }
            return false;
        }
        int cause = -1;
        for (ComponentState c : x.instances()) {
            cause = Math.max(cause, c.idleEvent);
        }
        executed(k, cause);
        return true;
    }

    private static String doing(ComponentState c) {
        if (c.behavior >= 0) {
            return c.name + " runs behavior " + c.type.behaviors[c.behavior];
        }
        return c.behavior == CompiledType.INIT ? c.name + " is entering its initial place" : null;
    }

    private static int port(ComponentState c, String name, Instruction where) {
        int p = c.type.port(name);
        if (p < 0) {
            throw new ResolutionException(where instanceof Instruction.Con con ? con.position()
                    : ((Instruction.Dcon) where).position(), "unknown port '" + name + "' of " + c.name);
        }
        return p;
    }
}
