package dev.cadenza.cli;

import dev.cadenza.petri.classes.TimedTrace;
import dev.cadenza.verify.property.Counterexample;
import dev.cadenza.verify.trace.Run;
import dev.cadenza.verify.trace.RunEnd;
import dev.cadenza.verify.trace.RunEvent;
import dev.cadenza.verify.trace.StopCause;
import dev.cadenza.verify.trace.WaitReason;
import dev.cadenza.verify.trace.Waiter;
import dev.cadenza.verify.trace.Waiting;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A run as JSON (docs/json.md, "Runs"): one shape for a counterexample or witness of a model (the
 * model-level {@link Run}), a run of a net's schedule, and the runs {@code simulate} and {@code run}
 * print. {@code events}: each with {@code time}, {@code event} (its kind) and the fields of that
 * kind ({@code component}, {@code transition} or {@code instruction}…) and {@code text}, the words
 * the text output uses; {@code waits}: each step that was ready but had to wait, from when to when
 * ({@code to} null: still waiting where the run stops) and why; {@code end}: how it ends.
 */
final class RunJson {

    private RunJson() {
    }

    /** {@code {"summary": …, "run": …}}: a counterexample or a witness. */
    static Map<String, Object> counterexample(Counterexample c) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("summary", c.summary());
        o.put("run", c.run() == null ? null : of(c.run()));
        o.put("blocked", c.blocked());
        return o;
    }

    static Map<String, Object> of(Run run) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("subject", run.subject());
        o.put("initial", sorted(run.initial()));
        List<Object> events = new ArrayList<>();
        for (RunEvent e : run.events()) {
            events.add(event(e));
        }
        o.put("events", events);
        List<Object> waits = new ArrayList<>();
        for (Waiting w : run.waits()) {
            waits.add(waiting(w));
        }
        o.put("waits", waits);
        o.put("end", end(run.end()));
        return o;
    }

    /** A net's schedule: each step a transition fired; the end is where the schedule stops. */
    static Map<String, Object> of(TimedTrace trace, String why) {
        if (trace == null) {
            return null;
        }
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("subject", null);
        o.put("initial", Map.of());
        List<Object> events = new ArrayList<>();
        org.apache.commons.math3.fraction.BigFraction last = org.apache.commons.math3.fraction.BigFraction.ZERO;
        for (TimedTrace.Step s : trace.steps()) {
            Map<String, Object> e = new LinkedHashMap<>();
            JsonValues.time(e, "time", s.time());
            e.put("event", "fire");
            e.put("transition", s.transition());
            e.put("text", "fire " + s.transition());
            events.add(e);
            last = s.time();
        }
        o.put("events", events);
        o.put("waits", List.of());
        Map<String, Object> end = new LinkedHashMap<>();
        end.put("kind", "cut");
        JsonValues.time(end, "time", last);
        end.put("why", why);
        end.put("text", "cut at t=" + JsonValues.number(last) + " (" + why + ")");
        o.put("end", end);
        if (trace.limit()) {
            o.put("approached", true);
        }
        return o;
    }

    private static Map<String, Object> event(RunEvent e) {
        Map<String, Object> o = new LinkedHashMap<>();
        JsonValues.time(o, "time", e.time());
        if (e instanceof RunEvent.InstructionExecuted i) {
            o.put("event", "instruction");
            o.put("index", i.index());
            o.put("instruction", i.instruction());
        } else if (e instanceof RunEvent.BehaviorBegun b) {
            o.put("event", "behavior_begun");
            o.put("component", b.instance());
            o.put("behavior", b.behavior());
        } else if (e instanceof RunEvent.BehaviorCompleted b) {
            o.put("event", "behavior_completed");
            o.put("component", b.instance());
            o.put("behavior", b.behavior());
        } else if (e instanceof RunEvent.PlaceEntered p) {
            o.put("event", "place_entered");
            o.put("component", p.instance());
            o.put("place", p.place());
            o.put("via", p.via());
            o.put("uses", p.uses());
        } else if (e instanceof RunEvent.PlaceLeft p) {
            o.put("event", "place_left");
            o.put("component", p.instance());
            o.put("place", p.place());
        } else if (e instanceof RunEvent.WantsToLeave w) {
            o.put("event", "wants_to_leave");
            o.put("component", w.instance());
            o.put("place", w.place());
        } else if (e instanceof RunEvent.TransitionReady r) {
            o.put("event", "transition_ready");
            o.put("component", r.instance());
            o.put("transition", r.transition());
            o.put("source", r.source());
        } else if (e instanceof RunEvent.TransitionStarted s) {
            o.put("event", "transition_started");
            o.put("component", s.instance());
            o.put("transition", s.transition());
            o.put("uses", s.uses());
        } else if (e instanceof RunEvent.TransitionEnded t) {
            o.put("event", "transition_ended");
            o.put("component", t.instance());
            o.put("transition", t.transition());
            o.put("destination", t.destination());
        } else {
            o.put("event", "other");
        }
        o.put("cause", e.cause());
        o.put("shown", e.shown());
        o.put("text", e.describe());
        return o;
    }

    private static Map<String, Object> waiting(Waiting w) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("waiter", waiter(w.waiter()));
        JsonValues.time(o, "from", w.from());
        JsonValues.time(o, "to", w.to());
        List<Object> reasons = new ArrayList<>();
        for (WaitReason r : w.reasons()) {
            reasons.add(reason(r));
        }
        o.put("reasons", reasons);
        o.put("text", w.describe());
        return o;
    }

    private static Map<String, Object> waiter(Waiter w) {
        Map<String, Object> o = new LinkedHashMap<>();
        if (w instanceof Waiter.Start s) {
            o.put("kind", "start");
            o.put("component", s.instance());
            o.put("transition", s.transition());
        } else if (w instanceof Waiter.Leave l) {
            o.put("kind", "leave");
            o.put("component", l.instance());
            o.put("place", l.place());
            o.put("transitions", l.transitions());
        } else if (w instanceof Waiter.Enter e) {
            o.put("kind", "enter");
            o.put("component", e.instance());
            o.put("place", e.place());
        } else if (w instanceof Waiter.Instruction i) {
            o.put("kind", "instruction");
            o.put("index", i.index());
            o.put("instruction", i.instruction());
        }
        o.put("text", w.describe());
        return o;
    }

    private static Map<String, Object> reason(WaitReason r) {
        Map<String, Object> o = new LinkedHashMap<>();
        String kind;
        if (r instanceof WaitReason.NotServed n) {
            kind = "not_served";
            o.put("use_port", n.usePort());
            o.put("provider", n.provider());
            o.put("connected", n.connected());
            o.put("provider_state", n.providerState());
        } else if (r instanceof WaitReason.Locked l) {
            kind = "locked";
            o.put("provide_port", l.providePort());
            o.put("use_port", l.usePort());
            o.put("where", l.where());
        } else if (r instanceof WaitReason.Refusing f) {
            kind = "refusing";
            o.put("provide_port", f.providePort());
        } else if (r instanceof WaitReason.JoinIncomplete j) {
            kind = "join_incomplete";
            o.put("place", j.place());
            o.put("missing", j.missing());
        } else if (r instanceof WaitReason.PlaceMarked p) {
            kind = "place_marked";
            o.put("component", p.instance());
            o.put("place", p.place());
        } else if (r instanceof WaitReason.InstanceBusy b) {
            kind = "instance_busy";
            o.put("component", b.instance());
            o.put("doing", b.doing());
        } else if (r instanceof WaitReason.InUse u) {
            kind = "in_use";
            o.put("use_port", u.usePort());
            o.put("where", u.where());
        } else if (r instanceof WaitReason.StillConnected c) {
            kind = "still_connected";
            o.put("component", c.instance());
            o.put("provider", c.provider());
            o.put("user", c.user());
        } else {
            kind = "condition";
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("kind", kind);
        out.putAll(o);
        out.put("ports", r.ports());
        out.put("text", r.describe());
        return out;
    }

    private static Map<String, Object> end(RunEnd end) {
        Map<String, Object> o = new LinkedHashMap<>();
        if (end instanceof RunEnd.Finished) {
            o.put("kind", "finished");
        } else if (end instanceof RunEnd.Deadlock) {
            o.put("kind", "deadlock");
        } else if (end instanceof RunEnd.Stopped s) {
            o.put("kind", "stopped");
            o.put("cause", cause(s.cause()));
        } else if (end instanceof RunEnd.Cut c) {
            o.put("kind", "cut");
            o.put("why", c.why());
        }
        JsonValues.time(o, "time", end.time());
        o.put("text", end.describe());
        return o;
    }

    private static Map<String, Object> cause(StopCause c) {
        Map<String, Object> o = new LinkedHashMap<>();
        if (c instanceof StopCause.LimitReached l) {
            o.put("kind", "limit");
            o.put("limit", l.limit());
        } else if (c instanceof StopCause.ActionFailed f) {
            o.put("kind", "action_failed");
            o.put("component", f.instance());
            o.put("transition", f.transition());
            o.put("exit_status", f.exitStatus());
            o.put("output_tail", f.outputTail());
        } else if (c instanceof StopCause.ActionTimedOut t) {
            o.put("kind", "action_timed_out");
            o.put("component", t.instance());
            o.put("transition", t.transition());
            o.put("seconds", t.seconds());
            o.put("output_tail", t.outputTail());
        } else {
            o.put("kind", "interrupted");
        }
        o.put("text", c.describe());
        return o;
    }

    private static Map<String, Object> sorted(Map<String, ? extends java.util.Collection<String>> m) {
        Map<String, Object> o = new TreeMap<>();
        m.forEach((k, v) -> o.put(k, new ArrayList<>(v)));
        return o;
    }
}
