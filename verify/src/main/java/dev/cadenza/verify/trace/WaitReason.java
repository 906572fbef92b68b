package dev.cadenza.verify.trace;

import java.util.List;

/**
 * Why a step waits, in model terms. Each reason names the ports it involves ({@link #ports()}),
 * so that a picture can mark them.
 */
public sealed interface WaitReason {

    /** {@code waits for use port's provider s.service to be active (s is in allocated)}. */
    String describe();

    /** The ports ({@code instance.port}) this reason is about, to highlight. */
    List<String> ports();

    /**
     * Use port {@code usePort} is not served: its provider {@code provider} is not active
     * ({@code connected}), or the two are not connected (provider null: none at all).
     * {@code providerState} says where the provider is ("s is in allocated"), or is null.
     */
    record NotServed(String usePort, String provider, boolean connected, String providerState) implements WaitReason {
        public String describe() {
            if (provider == null) {
                return "waits for a provider connected to " + usePort;
            }
            if (!connected) {
                return "waits for " + provider + " connected to " + usePort;
            }
            return "waits for use port's provider " + provider + " to be active"
                    + (providerState == null ? "" : " (" + providerState + ")");
        }

        public List<String> ports() {
            if (provider == null) {
                return usePort == null ? List.of() : List.of(usePort);
            }
            return connected || usePort == null ? List.of(provider) : List.of(provider, usePort);
        }
    }

    /**
     * Provide port {@code providePort} cannot stop being provided: its connected user
     * {@code usePort} is using it, {@code where} ({@code c.running}: the place or transition the
     * use port is bound to, or {@code c.server in use}).
     */
    record Locked(String providePort, String usePort, String where) implements WaitReason {
        public String describe() {
            return "locked: use port " + usePort + " is using it" + (where == null ? "" : " (" + where + ")");
        }

        public List<String> ports() {
            return List.of(usePort);
        }
    }

    /** Provide port {@code providePort} refuses new users: its component wants to leave what provides it. */
    record Refusing(String providePort) implements WaitReason {
        public String describe() {
            return "blocked while " + providePort + " refuses new users";
        }

        public List<String> ports() {
            return List.of(providePort);
        }
    }

    /** The place's join waits for the transitions {@code missing} (of the closest join set) to end. */
    record JoinIncomplete(String place, List<String> missing) implements WaitReason {
        public JoinIncomplete {
            missing = List.copyOf(missing);
        }

        public String describe() {
            return "waits for the join: " + String.join(", ", missing) + (missing.size() == 1 ? " has" : " have")
                    + " not ended";
        }

        public List<String> ports() {
            return List.of();
        }
    }

    /** A place holds one token: {@code instance} is still in {@code place}, so the dock into it waits. */
    record PlaceMarked(String instance, String place) implements WaitReason {
        public String describe() {
            return "waits until " + instance + " leaves " + place + " (a place holds one token)";
        }

        public List<String> ports() {
            return List.of();
        }
    }

    /** {@code wait}, {@code waitAll}, {@code del}: {@code instance} is still active ({@code doing}: what, or null). */
    record InstanceBusy(String instance, String doing) implements WaitReason {
        public String describe() {
            return "waits for " + instance + " to be idle" + (doing == null ? "" : " (" + doing + ")");
        }

        public List<String> ports() {
            return List.of();
        }
    }

    /** {@code dcon}: use port {@code usePort} is in use ({@code where}, or null). */
    record InUse(String usePort, String where) implements WaitReason {
        public String describe() {
            return "waits until " + usePort + " is no longer in use" + (where == null ? "" : " (" + where + ")");
        }

        public List<String> ports() {
            return List.of(usePort);
        }
    }

    /** {@code del}: {@code instance} still has the connection {@code provider -> user}. */
    record StillConnected(String instance, String provider, String user) implements WaitReason {
        public String describe() {
            return "waits until " + provider + " and " + user + " are disconnected";
        }

        public List<String> ports() {
            return List.of(provider, user);
        }
    }

    /**
     * A condition of the translated net with no reading in model terms (kept so that nothing
     * blocked goes unsaid): {@code blocked while …}.
     */
    record Condition(String text, List<String> ports) implements WaitReason {
        public Condition {
            ports = List.copyOf(ports);
        }

        public String describe() {
            return text;
        }
    }
}
