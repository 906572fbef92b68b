package dev.cadenza.verify.translate;

import dev.cadenza.core.model.Port;
import dev.cadenza.core.model.PortBinding;
import dev.cadenza.core.model.PortDirection;
import dev.cadenza.core.model.PortKind;
import dev.cadenza.verify.ResolutionException;
import dev.cadenza.verify.translate.NetDraft.TransitionDraft;
import dev.cadenza.verify.translate.InstanceNet.ProvideNet;
import dev.cadenza.verify.translate.InstanceNet.UseNet;
import dev.cadenza.verify.translate.InstanceNet.Counter;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Ports: provide activity (a bound place or a counter), the "provided" flags of data ports, the
 * guards of use ports, and locking (with the optional refusing state).
 */
final class PortsAndLocks extends TranslationPart {

    PortsAndLocks(TranslationPart.State state) {
        super(state);
    }

    private Set<Integer> boundNetPlaces(InstanceNet c, PortBinding binding) {
        Set<Integer> out = new LinkedHashSet<>();
        if (binding instanceof PortBinding.By by) {
            for (String t : by.transitions()) {
                Integer r = c.run.get(t);
                if (r != null) {
                    out.add(r);
                }
            }
            return out;
        }
        if (binding instanceof PortBinding.From from) {
            out.add(placeOf(c, from.place()));
            return out;
        }
        // a port bound to a group is bound to the group, not to its places (group_dependencies):
        // its tokens are the group's activity flag (Groups)
        for (String n : ((PortBinding.At) binding).placesOrGroups()) {
            Integer g = c.groupActive.get(n);
            out.add(g != null ? g : placeOf(c, n));
        }
        return out;
    }

    private static int placeOf(InstanceNet c, String p) {
        Integer i = c.place.get(p);
        if (i == null) {
            throw new ResolutionException(c.type.position(), "port binding names unknown place or group '"
                    + p + "' in " + c.type.name());
        }
        return i;
    }

    void portPlaces(InstanceNet c) {
        for (Port p : c.type.ports()) {
            String key = c.name + "." + p.name();
            if (p.direction() == PortDirection.PROVIDE) {
                ProvideNet pn = new ProvideNet();
                pn.port = p;
                pn.set = boundNetPlaces(c, p.binding());
                pn.flag = p.kind() == PortKind.DATA || p.binding() instanceof PortBinding.From;
                if (pn.flag) {
                    pn.activity = d.place(key + ".provided", new Provenance.PortProvided(c.name, p.name()), 0);
                } else if (pn.set.size() == 1) {
                    pn.activity = pn.set.iterator().next();
                } else {
                    pn.activity = d.place(key + ".active", new Provenance.PortActivity(c.name, p.name()), 0);
                    counters.add(new Counter(pn.activity, pn.set));
                }
                if (concertoD ? refusable(c, p)
                        : !pn.flag && options.refusing() && usersOf.containsKey(key)) {
                    pn.refusing = d.place(key + ".refusing", new Provenance.PortRefusing(c.name, p.name()), 0);
                }
                c.provides.put(p.name(), pn);
            } else {
                UseNet un = new UseNet();
                un.port = p;
                un.set = boundNetPlaces(c, p.binding());
                if (un.set.size() == 1) {
                    un.using = un.set.iterator().next();
                } else {
                    un.using = d.place(key + ".using", new Provenance.PortUsing(c.name, p.name()), 0);
                    counters.add(new Counter(un.using, un.set));
                }
                c.uses.put(p.name(), un);
            }
        }
    }

    // ---- passes ---------------------------------------------------------------------------------

    private static long delta(TransitionDraft t, Set<Integer> set) {
        long sum = 0;
        for (int p : set) {
            sum += t.delta(p);
        }
        return sum;
    }

    /**
     * Guards the transitions that enter a use port's bound set (for {@code by}: the starts of its
     * transitions): connected, provider active, provider not refusing. One copy per provider the
     * program ever connects to the port.
     */
    void useGuards(InstanceNet c) {
        for (UseNet u : c.uses.values()) {
            String userKey = c.name + "." + u.port.name();
            List<String> providers = new ArrayList<>(candidates.getOrDefault(userKey, Set.of()));
            Predicate<TransitionDraft> entering = t -> delta(t, u.set) > 0
                    && !(t.provenance instanceof Provenance.Execute);
            List<TransitionDraft> guarded = d.transitions.stream().filter(entering).toList();
            for (TransitionDraft t : guarded) {
                if (providers.isEmpty()) {
                    int never = d.placeIndex("con.none." + userKey) >= 0 ? d.placeIndex("con.none." + userKey)
                            : d.place("con.none." + userKey, new Provenance.Connected("no provider", userKey), 0);
                    t.read(never);
                    continue;
                }
                int at = d.transitions.indexOf(t);
                d.transitions.remove(at);
                for (String provider : providers) {
                    TransitionDraft copy = providers.size() == 1 ? t
                            : t.copy(t.name + ".via." + provider);
                    copy.read(connection(provider, userKey));
                    ProvideNet p = provideNet(provider);
                    copy.read(p.activity);
                    // Concerto-D: is_allowed is checked by place- and group-bound users only (HEAD
                    // component.py:964, 978), not by a transition's start (:860-866)
                    if (p.refusing >= 0 && !(concertoD && u.port.binding() instanceof PortBinding.By)) {
                        copy.inhibit(p.refusing);
                    }
                    d.transitions.add(at++, copy);
                }
            }
        }
    }

    private ProvideNet provideNet(String ref) {
        int dot = ref.indexOf('.');
        return instances.get(ref.substring(0, dot)).provides.get(ref.substring(dot + 1));
    }

    /** Keeps a counter place equal to the number of tokens in its set, on every transition. */
    void maintainCounter(Counter k) {
        for (TransitionDraft t : d.transitions) {
            long delta = delta(t, k.set());
            if (delta > 0) {
                t.produce.merge(k.place(), delta, Long::sum);
            } else if (delta < 0) {
                t.consume.merge(k.place(), -delta, Long::sum);
            }
        }
    }

    /**
     * A "provided once" flag: entering transitions split into one that sets it and one that reads
     * it. The program step that adds instance {@code c} gets the first copy only: the flag starts
     * unset and is set only by a transition entering c's places, and none of c's places has held a
     * token before that step (c's moves all consume a token of c's places, an instance is added
     * once), so its "again" copy could never fire. Keeping it would double a fused step's copies
     * for each such instance it adds: 2^24 transitions for galera.cdz at n = 20.
     */
    void splitForFlag(InstanceNet c, ProvideNet p) {
        List<TransitionDraft> result = new ArrayList<>();
        for (TransitionDraft t : d.transitions) {
            if (delta(t, p.set) > 0 && t.adds.contains(c.name)) {
                result.add(t.copy(t.name + ".first").inhibit(p.activity).produce(p.activity));
            } else if (delta(t, p.set) > 0) {
                result.add(t.copy(t.name + ".first").inhibit(p.activity).produce(p.activity));
                result.add(t.copy(t.name + ".again").read(p.activity));
            } else {
                result.add(t);
            }
        }
        d.transitions.clear();
        d.transitions.addAll(result);
    }

    /**
     * Locking (component.py:733-741, 745-754; dependency.py:151-157): a transition that takes a
     * token from a service port's bound places or groups (leaving a bound place, even while
     * another keeps the port active; deactivating a bound group) waits while a currently
     * connected user is using the port. "u using and connected to p" is a conjunction; the
     * transition waits while it holds: when the program only ever connects u to p, u using
     * implies the connection (u's guards read it, dcon waits until u does not use it), so the
     * inhibitor on u's using count is exact; otherwise one copy for "not connected" and one for
     * "connected and u not using". With refusing on (not the centralized runtime's rule), the
     * transition first needs the provider's "wants to leave" step, which bars new users.
     */
    void lockAndRefuse(InstanceNet c, ProvideNet p) {
        String key = c.name + "." + p.port.name();
        Set<String> users = usersOf.getOrDefault(key, Set.of());
        if (users.isEmpty()) {
            return;
        }
        List<TransitionDraft> result = new ArrayList<>();
        List<TransitionDraft> wants = new ArrayList<>();
        for (TransitionDraft t : d.transitions) {
            long w = -delta(t, p.set);
            if (w <= 0 || t.provenance instanceof Provenance.Execute) {
                result.add(t);
                continue;
            }
            if (p.refusing >= 0 && !concertoD) {
                TransitionDraft want = new TransitionDraft(t.name + ".want." + p.port.name(),
                        wantProvenance(t), zero());
                t.consume.forEach((place, weight) -> want.read(place, weight));
                t.read.forEach(want::read);
                want.inhibit(p.refusing).produce(p.refusing);
                wants.add(want);
                t.consume(p.refusing);
            }
            List<TransitionDraft> variants = new ArrayList<>(List.of(t));
            for (String u : users) {
                int dot = u.indexOf('.');
                int using = instances.get(u.substring(0, dot)).uses.get(u.substring(dot + 1)).using;
                if (candidates.getOrDefault(u, Set.of()).size() <= 1) {
                    variants.forEach(v -> v.inhibit(using));
                    continue;
                }
                int con = connection(key, u);
                List<TransitionDraft> next = new ArrayList<>();
                for (TransitionDraft v : variants) {
                    next.add(v.copy(v.name + ".apart." + u).inhibit(con));
                    next.add(v.copy(v.name + ".free." + u).read(con).inhibit(using));
                }
                variants = next;
            }
            result.addAll(variants);
        }
        d.transitions.clear();
        d.transitions.addAll(result);
        d.transitions.addAll(wants);
    }

    /**
     * Concerto-D's refusing state (HEAD component.py:765-783, 800-801, 995-1007), as the executor
     * reads it. A provide port's flag {@code c.p.refusing} is raised by every attempt to leave a
     * place bound to it (or a place whose leave deactivates a group bound to it), made whether or not
     * a lock then keeps the provider there, and stays raised after the leave; it is cleared only by
     * entering a bound place (or activating a bound group) again.
     *
     * <p>Raising: for each move that takes a token from the port's bound places or group flags (a
     * leave, a fused leave-and-start, a group's {@code .off} copy) a step {@code ….want.p} that is
     * enabled exactly when that move is, locks aside (it reads what the move consumes and reads, and
     * is inhibited by what it is inhibited by: at this point no lock arc is there yet), and by the
     * flag being down; it raises it. The move itself then reads the flag: in the runtime the raise
     * comes in the same sweep just before the leave, so every runtime run is a net run (the want, then
     * at once the leave); the net also lets other moves come between, and under a step cost the two
     * take up to one step each: more runs, none lost. A leave that raises several ports' flags has a
     * want per port (the runtime raises them together; the net may interleave).
     *
     * <p>Clearing: a move that adds a token to the port's bound places or group flags is split into a
     * copy that lowers the flag ({@code .clears.p}) and one that finds it down ({@code .keeps.p}).
     * Such moves are zero-time steps (an enter, a group's {@code .on} copy, {@code _init}'s enter:
     * ComponentPlaces fuses no end with an enter into such a place), so no clock is lost when the
     * flag changes under them. Program steps are not split: the only ones adding a token to an
     * instance's places add the instance, whose flags are down.
     *
     * <p>Users: the enters guarded by a place- or group-bound use port are inhibited by the flag
     * ({@link #useGuards}).
     */
    void concertoDRefusing() {
        List<ProvideNet> ports = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (InstanceNet c : instances.values()) {
            for (ProvideNet p : c.provides.values()) {
                if (p.refusing >= 0) {
                    ports.add(p);
                    names.add(p.port.name());
                }
            }
        }
        if (ports.isEmpty()) {
            return;
        }
        List<TransitionDraft> result = new ArrayList<>();
        List<TransitionDraft> wants = new ArrayList<>();
        for (TransitionDraft t : d.transitions) {
            if (t.provenance instanceof Provenance.Execute) {
                result.add(t);
                continue;
            }
            List<TransitionDraft> variants = new ArrayList<>(List.of(t));
            List<Integer> reads = new ArrayList<>();
            for (int i = 0; i < ports.size(); i++) {
                ProvideNet p = ports.get(i);
                long delta = delta(t, p.set);
                if (delta < 0) {
                    TransitionDraft want = new TransitionDraft(t.name + ".want." + names.get(i), wantProvenance(t),
                            moves(1));
                    t.consume.forEach((place, weight) -> want.read(place, weight));
                    t.read.forEach(want::read);
                    t.inhibit.forEach(want::inhibit);
                    want.inhibit(p.refusing).produce(p.refusing);
                    wants.add(want);
                    reads.add(p.refusing);
                } else if (delta > 0) {
                    List<TransitionDraft> next = new ArrayList<>();
                    for (TransitionDraft v : variants) {
                        next.add(v.copy(v.name + ".clears." + names.get(i)).consume(p.refusing));
                        next.add(v.copy(v.name + ".keeps." + names.get(i)).inhibit(p.refusing));
                    }
                    variants = next;
                }
            }
            for (TransitionDraft v : variants) {
                reads.forEach(v::read);
            }
            result.addAll(variants);
        }
        d.transitions.clear();
        d.transitions.addAll(result);
        d.transitions.addAll(wants);
    }

    private static Provenance wantProvenance(TransitionDraft t) {
        if (t.provenance instanceof Provenance.Leave l) {
            return new Provenance.WantLeave(l.instance(), l.place(), l.behavior());
        }
        return new Provenance.Observer("wants to: " + t.provenance.describe());
    }
}
