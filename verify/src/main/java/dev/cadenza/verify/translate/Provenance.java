package dev.cadenza.verify.translate;

/**
 * The model element a net place or transition stands for, so that verdicts and traces are told
 * in the user's words ({@code c.configure starts}) and never in net names. Every node of a
 * translated net has exactly one.
 */
public sealed interface Provenance {

    /** How a trace or a blocked-transition report names this element. */
    String describe();

    // ---- places ------------------------------------------------------------------------------

    /** Instance {@code instance} is in its component place {@code place}. */
    record InPlace(String instance, String place) implements Provenance {
        public String describe() {
            return instance + "." + place;
        }
    }

    /** The output dock of {@code transition} on its source place: it may start. */
    record OutputDock(String instance, String transition) implements Provenance {
        public String describe() {
            return instance + "." + transition + " ready to start";
        }
    }

    /** The input dock of {@code transition} on its destination place: it has ended, the join waits. */
    record InputDock(String instance, String transition) implements Provenance {
        public String describe() {
            return instance + "." + transition + " ended, waiting to enter its destination";
        }
    }

    /** {@code transition} of {@code instance} is running. */
    record Running(String instance, String transition) implements Provenance {
        public String describe() {
            return instance + "." + transition + " running";
        }
    }

    /** How many of the places/groups a provide port is bound to are marked (0 = inactive). */
    record PortActivity(String instance, String port) implements Provenance {
        public String describe() {
            return instance + "." + port + " active";
        }
    }

    /** A data or {@code from} provide port has been provided once (never withdrawn). */
    record PortProvided(String instance, String port) implements Provenance {
        public String describe() {
            return instance + "." + port + " provided";
        }
    }

    /** The provider wants to leave what makes {@code port} active: new users are refused. */
    record PortRefusing(String instance, String port) implements Provenance {
        public String describe() {
            return instance + "." + port + " refusing new users";
        }
    }

    /** How many tokens a use port's bound places/groups/transitions hold (0 = not in use). */
    record PortUsing(String instance, String port) implements Provenance {
        public String describe() {
            return instance + "." + port + " in use";
        }
    }

    /**
     * Group {@code group} is active. The runtime counts a group's tokens only on activation and
     * deactivation (component.py:891-900, 745-754), so the count is 0 or 1: a flag.
     */
    record GroupActive(String instance, String group) implements Provenance {
        public String describe() {
            return instance + "." + group + " active";
        }
    }

    /** {@code place} has been left in the {@code index}-th pushed behavior (Concerto's {@code visited_places}). */
    record Visited(String instance, String place, int index) implements Provenance {
        public String describe() {
            return instance + " has left " + place + " in push " + index;
        }
    }

    /** {@code instance} is added and waits to enter its initial place (Concerto's {@code _init} behavior). */
    record Initializing(String instance) implements Provenance {
        public String describe() {
            return instance + " entering its initial place";
        }
    }

    /** The connection {@code provider -> user} exists. */
    record Connected(String provider, String user) implements Provenance {
        public String describe() {
            return provider + " connected to " + user;
        }
    }

    /** The program is at instruction {@code index} (0-based; {@code index == count} is the end). */
    record ProgramCounter(int index, String instruction) implements Provenance {
        public String describe() {
            return instruction == null ? "program finished" : "program at " + instruction;
        }
    }

    /** The {@code index}-th pushB of {@code instance} (1-based) has been executed. */
    record Pushed(String instance, int index, String behavior) implements Provenance {
        public String describe() {
            return instance + " has " + behavior + " queued (push " + index + ")";
        }
    }

    /** The {@code index}-th pushed behavior of {@code instance} is the active one. */
    record QueueActive(String instance, int index, String behavior) implements Provenance {
        public String describe() {
            return instance + " runs behavior " + behavior + " (push " + index + ")";
        }
    }

    /** Instance {@code instance} runs behavior {@code behavior} (whatever push it came from). */
    record BehaviorActive(String instance, String behavior) implements Provenance {
        public String describe() {
            return instance + " behavior " + behavior + " active";
        }
    }

    /** Instance {@code instance} is idle with its first {@code done} pushed behaviors completed. */
    record Idle(String instance, int done) implements Provenance {
        public String describe() {
            return instance + " idle after " + done + " behavior(s)";
        }
    }

    /** Instance {@code instance} has been deleted. */
    record Deleted(String instance) implements Provenance {
        public String describe() {
            return instance + " deleted";
        }
    }

    /**
     * Concerto-D's runtime has stopped: a {@code del} failed, or the process ended with its program
     * while instances were still active. Every transition is inhibited by it.
     */
    record Stopped() implements Provenance {
        public String describe() {
            return "the runtime stopped";
        }
    }

    /** An observer place added for a property (e.g. "t has ended at least once"). */
    record Observer(String what) implements Provenance {
        public String describe() {
            return what;
        }
    }

    // ---- transitions -------------------------------------------------------------------------

    /** Leaving {@code place} under {@code behavior}: tokens to the output docks of all its outgoing transitions. */
    record Leave(String instance, String place, String behavior) implements Provenance {
        public String describe() {
            return instance + " leaves " + place;
        }
    }

    /** The provider declares it wants to leave {@code place}: its ports start refusing. */
    record WantLeave(String instance, String place, String behavior) implements Provenance {
        public String describe() {
            return instance + " wants to leave " + place;
        }
    }

    /**
     * {@code transition} starts. {@code fusedLeave}: the leave of its source place is fused in
     * (the place had one outgoing transition and nothing guards the start).
     */
    record Start(String instance, String transition, boolean fusedLeave) implements Provenance {
        public String describe() {
            return instance + "." + transition + " starts";
        }
    }

    /** {@code transition} ends. {@code fusedJoin}: entering its destination is fused in. */
    record End(String instance, String transition, boolean fusedJoin) implements Provenance {
        public String describe() {
            return instance + "." + transition + " ends";
        }
    }

    /** {@code place} is entered: one input dock set of the active behavior is full. */
    record Enter(String instance, String place, String behavior) implements Provenance {
        public String describe() {
            return instance + " enters " + place;
        }
    }

    /** The {@code index}-th pushed behavior of {@code instance} becomes active. */
    record BeginBehavior(String instance, int index, String behavior) implements Provenance {
        public String describe() {
            return instance + " begins behavior " + behavior;
        }
    }

    /** The {@code index}-th pushed behavior of {@code instance} is complete: nothing of it can move. */
    record CompleteBehavior(String instance, int index, String behavior) implements Provenance {
        public String describe() {
            return instance + " completes behavior " + behavior;
        }
    }

    /** The program executes instruction {@code index}. */
    record Execute(int index, String instruction) implements Provenance {
        public String describe() {
            return "program: " + instruction;
        }
    }

    /**
     * Concerto-D's runtime stops here: instruction {@code index} ({@code del} of an instance still
     * active or connected fails; or, {@code index} = the program's length, the process ends with its
     * program while instances are active). {@code why} says which, in the runtime's terms.
     */
    record Stop(int index, String why, boolean programEnded) implements Provenance {
        public String describe() {
            return why;
        }
    }
}
