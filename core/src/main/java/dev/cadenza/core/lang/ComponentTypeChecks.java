package dev.cadenza.core.lang;

import dev.cadenza.core.model.Behavior;
import dev.cadenza.core.model.ComponentType;
import dev.cadenza.core.model.Group;
import dev.cadenza.core.model.Join;
import dev.cadenza.core.model.PlaceDecl;
import dev.cadenza.core.model.Port;
import dev.cadenza.core.model.PortBinding;
import dev.cadenza.core.model.PortDirection;
import dev.cadenza.core.model.SourcePosition;
import dev.cadenza.core.model.TransitionDecl;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/** The checks that need one component type only: its names, its transitions, bindings and joins. */
final class ComponentTypeChecks {

    private final ComponentType type;
    private final Consumer<Problem> report;

    private ComponentTypeChecks(ComponentType type, Consumer<Problem> report) {
        this.type = type;
        this.report = report;
    }

    static void check(ComponentType type, Consumer<Problem> report) {
        new ComponentTypeChecks(type, report).run();
    }

    private void run() {
        Names.duplicates(type.places(), PlaceDecl::name, PlaceDecl::position,
                "place", " in component " + type.name(), report);
        Names.duplicates(type.behaviors(), Behavior::name, Behavior::position,
                "behavior", " in component " + type.name(), report);
        Names.duplicates(transitions(), TransitionDecl::name, TransitionDecl::position,
                "transition", " in component " + type.name() + " (transition names are unique across behaviors)", report);
        Names.duplicates(type.groups(), Group::name, Group::position,
                "group", " in component " + type.name(), report);
        Names.duplicates(type.ports(), Port::name, Port::position,
                "port", " in component " + type.name(), report);
        initial();
        for (TransitionDecl t : transitions()) {
            place(t.source(), t.position());
            place(t.destination(), t.position());
        }
        for (Group g : type.groups()) {
            if (type.place(g.name()).isPresent()) {
                report.accept(Problem.error(g.position(), "group '" + g.name() + "' in component " + type.name()
                        + " has the name of a place; give it a name of its own"));
            }
            for (String p : g.places()) {
                place(p, g.position());
            }
        }
        joins();
        for (Port p : type.ports()) {
            binding(p);
        }
        reachability();
    }

    private List<TransitionDecl> transitions() {
        return type.behaviors().stream().flatMap(b -> b.transitions().stream()).toList();
    }

    private void initial() {
        if (type.initialPlace() == null) {
            report.accept(Problem.error(type.position(), "component " + type.name()
                    + " has no initial place; add 'initial PLACE' ("
                    + Names.listing("places", type.places().stream().map(PlaceDecl::name).toList()) + ")"));
        } else {
            place(type.initialPlace(), type.initialAt());
        }
    }

    private boolean place(String name, SourcePosition at) {
        if (type.place(name).isPresent()) {
            return true;
        }
        report.accept(Problem.error(at, Names.unknown("place", name, "component " + type.name(),
                "places", type.places().stream().map(PlaceDecl::name).toList())));
        return false;
    }

    private void joins() {
        Set<String> joined = new HashSet<>();
        for (Join j : type.joins()) {
            if (!place(j.place(), j.position())) {
                continue;
            }
            if (!joined.add(j.place())) {
                report.accept(Problem.error(j.position(), "place '" + j.place() + "' of component " + type.name()
                        + " has two joins; write one 'join " + j.place() + " { … } or { … }'"));
            }
            List<String> into = transitions().stream()
                    .filter(t -> t.destination().equals(j.place())).map(TransitionDecl::name).toList();
            for (List<String> set : j.transitionSets()) {
                for (String name : set) {
                    if (!into.contains(name)) {
                        String what = type.transition(name).isPresent()
                                ? "transition '" + name + "' of component " + type.name() + " does not enter place '"
                                        + j.place() + "'"
                                : "unknown transition '" + name + "' in component " + type.name();
                        report.accept(Problem.error(j.position(), what + "; " + (into.isEmpty()
                                ? "no transition enters " + j.place()
                                : "the transitions into " + j.place() + " are " + String.join(", ", into))));
                    }
                }
            }
        }
    }

    private void binding(Port p) {
        String portName = p.direction().keyword() + " port " + p.name() + " of component " + type.name();
        if (p.binding() instanceof PortBinding.At at) {
            for (String name : at.placesOrGroups()) {
                if (type.place(name).isEmpty() && type.group(name).isEmpty()) {
                    report.accept(Problem.error(p.position(), "unknown place or group '" + name + "' binding "
                            + portName + "; " + Names.listing("places", type.places().stream().map(PlaceDecl::name).toList())
                            + (type.groups().isEmpty() ? "" : "; "
                                    + Names.listing("groups", type.groups().stream().map(Group::name).toList()))));
                }
            }
        } else if (p.binding() instanceof PortBinding.From from) {
            if (p.direction() != PortDirection.PROVIDE) {
                report.accept(Problem.error(p.position(), "'from' binds provide ports only; bind " + portName
                        + " 'at' places or groups, or 'by' transitions"));
            }
            place(from.place(), p.position());
        } else if (p.binding() instanceof PortBinding.By by) {
            if (p.direction() != PortDirection.USE) {
                report.accept(Problem.error(p.position(), "'by' binds use ports only; bind " + portName
                        + " 'at' places or groups, or 'from' a place"));
            }
            for (String t : by.transitions()) {
                if (type.transition(t).isEmpty()) {
                    report.accept(Problem.error(p.position(), Names.unknown("transition", t, "component " + type.name(),
                            "transitions", transitions().stream().map(TransitionDecl::name).toList())));
                }
            }
        }
    }

    /** Places no transition of any behavior leads to from the initial place: a warning. */
    private void reachability() {
        if (type.initialPlace() == null || type.place(type.initialPlace()).isEmpty()) {
            return;
        }
        Map<String, List<String>> next = new HashMap<>();
        for (TransitionDecl t : transitions()) {
            next.computeIfAbsent(t.source(), k -> new java.util.ArrayList<>()).add(t.destination());
        }
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        seen.add(type.initialPlace());
        todo.add(type.initialPlace());
        while (!todo.isEmpty()) {
            for (String n : next.getOrDefault(todo.poll(), List.of())) {
                if (seen.add(n)) {
                    todo.add(n);
                }
            }
        }
        Set<String> warned = new HashSet<>();
        for (PlaceDecl p : type.places()) {
            if (!seen.contains(p.name()) && warned.add(p.name())) {
                report.accept(Problem.warning(p.position(), "place '" + p.name() + "' of component " + type.name()
                        + " cannot be reached from initial place '" + type.initialPlace() + "' by any transition"));
            }
        }
    }
}
