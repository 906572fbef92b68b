package dev.cadenza.verify.translate;

import dev.cadenza.core.model.ComponentType;
import dev.cadenza.core.model.Port;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One instance's part of the net: the net places standing for its places, docks, queue and ports. */
final class InstanceNet {
    final String name;
    final ComponentType type;
    final List<String> pushes = new ArrayList<>();
    final Set<String> behaviors = new LinkedHashSet<>();
    final Map<String, Integer> place = new LinkedHashMap<>();
    final Map<String, Integer> run = new LinkedHashMap<>();
    final Map<String, Integer> od = new LinkedHashMap<>();
    final Map<String, Integer> id = new LinkedHashMap<>();
    final Map<String, Integer> beh = new LinkedHashMap<>();
    final List<Integer> idle = new ArrayList<>();
    final List<Integer> pushed = new ArrayList<>();
    final List<Integer> active = new ArrayList<>();
    final Map<String, ProvideNet> provides = new LinkedHashMap<>();
    final Map<String, UseNet> uses = new LinkedHashMap<>();
    /** Group name -> its activity flag, for the groups a port is bound to. */
    final Map<String, Integer> groupActive = new LinkedHashMap<>();
    /** Push index k (1-based) -> place on a cycle of that behavior -> "left in push k". */
    final Map<Integer, Map<String, Integer>> visited = new LinkedHashMap<>();
    /** "added, initial place not yet entered", when use ports guard the initial place; else -1. */
    int initializing = -1;
    int deleted = -1;
    /**
     * Something observes the instant between {@code add} and the initial place (Concerto-D: a del
     * of the instance, or the process ending with a program not ending in waitAll): then its
     * {@code _init} enter is a step of its own ({@link ComponentPlaces}).
     */
    boolean initObserved;
    boolean isDeleted;

    InstanceNet(String name, ComponentType type) {
        this.name = name;
        this.type = type;
    }


    /** A provide port in the net: its bound net places, its activity place, flag or refusing place. */
    static final class ProvideNet {
        Port port;
        Set<Integer> set;
        int activity;
        boolean flag;
        int refusing = -1;
    }

    /** A use port in the net: its bound net places and its "in use" count. */
    static final class UseNet {
        Port port;
        Set<Integer> set;
        int using;
    }

    /** A place kept equal to the number of tokens in a set of places. */
    record Counter(int place, Set<Integer> set) {
    }
}
