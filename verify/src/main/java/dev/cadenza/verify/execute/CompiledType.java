package dev.cadenza.verify.execute;

import dev.cadenza.core.model.Behavior;
import dev.cadenza.core.model.ComponentType;
import dev.cadenza.core.model.Distribution;
import dev.cadenza.core.model.Group;
import dev.cadenza.core.model.Join;
import dev.cadenza.core.model.Port;
import dev.cadenza.core.model.PortBinding;
import dev.cadenza.core.model.PortDirection;
import dev.cadenza.core.model.PortKind;
import dev.cadenza.core.model.TransitionDecl;
import dev.cadenza.verify.ResolutionException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A component type as the runtime sees it (concerto/component.py's structures after
 * {@code create()}), indexed once: places, transitions with their behavior and durations in
 * ticks, per behavior and place the output docks ({@code place.get_output_docks(behavior)}) and
 * the sets of input docks ({@code place.get_groups_of_input_docks(behavior)}, the idsets), the
 * groups with the places and transitions they hold, and the ports bound to each place, group and
 * transition ({@code place_dependencies}, {@code group_dependencies}, {@code trans_dependencies}).
 */
final class CompiledType {

    /** The pseudo behavior {@code _init} a component runs to enter its initial place (component.py:151, 662). */
    static final int INIT = -2;
    /** No behavior: the component is idle (component.py:712). */
    static final int NONE = -1;

    final ComponentType type;
    final String name;
    final String[] places;
    final int initial;
    final String[] transitions;
    final int[] source;
    final int[] destination;
    final int[] behaviorOf;
    final String[] behaviors;
    final long[] minTicks;
    /** -1: unbounded ({@code inf}). */
    final long[] maxTicks;
    final Distribution[] distributions;
    final String[] actions;
    /** [behavior][place]: the transitions whose output docks leaving the place activates. */
    final int[][][] out;
    /** [behavior][place]: the join sets of input docks (AND inside, OR between). */
    final int[][][][] idsets;
    final String[] groups;
    final boolean[][] groupHasPlace;
    final boolean[][] groupHasTransition;
    /** [place]: the groups holding it. */
    final int[][] placeGroups;
    final String[] ports;
    final PortRole[] roles;
    final int[][] placeDeps;
    final int[][] groupDeps;
    final int[][] transDeps;
    private final Map<String, Integer> portIndex = new HashMap<>();
    private final Map<String, Integer> behaviorIndex = new HashMap<>();
    private final Map<String, Integer> transitionIndex = new HashMap<>();

    CompiledType(ComponentType type, TimeScale scale) {
        this.type = type;
        this.name = type.name();
        places = type.places().stream().map(p -> p.name()).toArray(String[]::new);
        Map<String, Integer> placeIndex = new HashMap<>();
        for (int i = 0; i < places.length; i++) {
            placeIndex.put(places[i], i);
        }
        Integer init = placeIndex.get(type.initialPlace());
        if (init == null) {
            throw new ResolutionException(type.position(), "component type " + name + " has no initial place");
        }
        initial = init;
        behaviors = type.behaviors().stream().map(Behavior::name).toArray(String[]::new);
        for (int b = 0; b < behaviors.length; b++) {
            behaviorIndex.put(behaviors[b], b);
        }
        List<TransitionDecl> all = new ArrayList<>();
        List<Integer> beh = new ArrayList<>();
        for (int b = 0; b < behaviors.length; b++) {
            for (TransitionDecl t : type.behaviors().get(b).transitions()) {
                all.add(t);
                beh.add(b);
            }
        }
        int n = all.size();
        transitions = new String[n];
        source = new int[n];
        destination = new int[n];
        behaviorOf = new int[n];
        minTicks = new long[n];
        maxTicks = new long[n];
        distributions = new Distribution[n];
        actions = new String[n];
        for (int t = 0; t < n; t++) {
            TransitionDecl d = all.get(t);
            transitions[t] = d.name();
            transitionIndex.put(d.name(), t);
            source[t] = place(placeIndex, d.source(), d);
            destination[t] = place(placeIndex, d.destination(), d);
            behaviorOf[t] = beh.get(t);
            minTicks[t] = scale.ticks(d.duration().min());
            maxTicks[t] = d.duration().isUnbounded() ? -1 : scale.ticks(d.duration().max());
            distributions[t] = d.duration().distribution();
            actions[t] = d.action();
        }
        out = new int[behaviors.length][places.length][];
        idsets = new int[behaviors.length][places.length][][];
        for (int b = 0; b < behaviors.length; b++) {
            for (int p = 0; p < places.length; p++) {
                List<Integer> o = new ArrayList<>();
                List<Integer> in = new ArrayList<>();
                for (int t = 0; t < n; t++) {
                    if (behaviorOf[t] == b && source[t] == p) {
                        o.add(t);
                    }
                    if (behaviorOf[t] == b && destination[t] == p) {
                        in.add(t);
                    }
                }
                out[b][p] = o.stream().mapToInt(Integer::intValue).toArray();
                idsets[b][p] = joinSets(places[p], in);
            }
        }
        groups = type.groups().stream().map(Group::name).toArray(String[]::new);
        groupHasPlace = new boolean[groups.length][places.length];
        groupHasTransition = new boolean[groups.length][n];
        List<List<Integer>> pg = new ArrayList<>();
        for (int p = 0; p < places.length; p++) {
            pg.add(new ArrayList<>());
        }
        for (int g = 0; g < groups.length; g++) {
            for (String p : type.groups().get(g).places()) {
                int pi = place(placeIndex, p, null);
                groupHasPlace[g][pi] = true;
                pg.get(pi).add(g);
            }
            // a group holds every transition whose two ends are in it (component.py:310-312)
            for (int t = 0; t < n; t++) {
                groupHasTransition[g][t] = groupHasPlace[g][source[t]] && groupHasPlace[g][destination[t]];
            }
        }
        placeGroups = pg.stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
        ports = type.ports().stream().map(Port::name).toArray(String[]::new);
        roles = new PortRole[ports.length];
        List<List<Integer>> pd = lists(places.length);
        List<List<Integer>> gd = lists(groups.length);
        List<List<Integer>> td = lists(n);
        for (int i = 0; i < ports.length; i++) {
            Port port = type.ports().get(i);
            portIndex.put(port.name(), i);
            boolean data = port.kind() == PortKind.DATA;
            if (port.direction() == PortDirection.USE) {
                roles[i] = data ? PortRole.DATA_USE : PortRole.USE;
            } else if (port.binding() instanceof PortBinding.From) {
                roles[i] = PortRole.FROM_PROVIDE;
            } else {
                roles[i] = data ? PortRole.DATA_PROVIDE : PortRole.PROVIDE;
            }
            if (port.binding() instanceof PortBinding.At at) {
                for (String target : at.placesOrGroups()) {
                    int g = indexOf(groups, target);
                    if (g >= 0) {
                        gd.get(g).add(i);
                    } else {
                        pd.get(place(placeIndex, target, null)).add(i);
                    }
                }
            } else if (port.binding() instanceof PortBinding.From from) {
                pd.get(place(placeIndex, from.place(), null)).add(i);
            } else if (port.binding() instanceof PortBinding.By by) {
                for (String t : by.transitions()) {
                    Integer ti = transitionIndex.get(t);
                    if (ti == null) {
                        throw new ResolutionException(port.position(), "port " + port.name() + " of " + name
                                + " is bound by unknown transition '" + t + "'");
                    }
                    td.get(ti).add(i);
                }
            }
        }
        placeDeps = arrays(pd);
        groupDeps = arrays(gd);
        transDeps = arrays(td);
    }

    /**
     * The idsets of a place in one behavior: a join's sets restricted to the behavior's incoming
     * transitions (an incoming transition no set names never enters, as in the translation), or
     * one set of all of them.
     */
    private int[][] joinSets(String place, List<Integer> incoming) {
        if (incoming.isEmpty()) {
            return new int[0][];
        }
        for (Join j : type.joins()) {
            if (j.place().equals(place)) {
                List<int[]> sets = new ArrayList<>();
                for (List<String> set : j.transitionSets()) {
                    int[] s = incoming.stream().filter(t -> set.contains(transitions[t])).mapToInt(Integer::intValue)
                            .toArray();
                    if (s.length > 0) {
                        sets.add(s);
                    }
                }
                return sets.toArray(int[][]::new);
            }
        }
        return new int[][] {incoming.stream().mapToInt(Integer::intValue).toArray()};
    }

    private int place(Map<String, Integer> index, String place, TransitionDecl where) {
        Integer i = index.get(place);
        if (i == null) {
            throw new ResolutionException(where != null ? where.position() : type.position(),
                    "unknown place '" + place + "' in component type " + name);
        }
        return i;
    }

    private static int indexOf(String[] names, String n) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(n)) {
                return i;
            }
        }
        return -1;
    }

    private static List<List<Integer>> lists(int n) {
        List<List<Integer>> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new ArrayList<>());
        }
        return out;
    }

    private static int[][] arrays(List<List<Integer>> l) {
        return l.stream().map(x -> x.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
    }

    int port(String name) {
        Integer i = portIndex.get(name);
        return i == null ? -1 : i;
    }

    int behavior(String name) {
        Integer i = behaviorIndex.get(name);
        return i == null ? -1 : i;
    }

    int transition(String name) {
        Integer i = transitionIndex.get(name);
        return i == null ? -1 : i;
    }

    String behaviorName(int b) {
        return b == INIT ? "_init" : b == NONE ? null : behaviors[b];
    }

    /** The output docks of {@code place} in behavior {@code b} ({@code _init} and none have none). */
    int[] out(int b, int place) {
        return b < 0 ? EMPTY : out[b][place];
    }

    static final int[] EMPTY = new int[0];
}
