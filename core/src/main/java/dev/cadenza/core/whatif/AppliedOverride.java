package dev.cadenza.core.whatif;

import java.util.List;

/**
 * One override as it was applied, for the output: the option and its text, what it changed
 * ({@code target}: {@code to_galera.n}, {@code MariaDB.pull}, {@code mariadb1.pull}), the value
 * it replaced and the new one, and where it applies ({@code appliesTo}: the programs of a
 * parameter, the instances of an interval, with their subject).
 */
public record AppliedOverride(String option, String given, String target, String was, String now,
                              List<String> appliesTo) {

    public AppliedOverride {
        appliesTo = List.copyOf(appliesTo);
    }

    /** {@code --interval MariaDB.pull=[0,8]: MariaDB.pull [1, 3] -> [0, 8] (mariadb1, mariadb2 in program p)}. */
    @Override
    public String toString() {
        return option + " " + given + ": " + target + " " + was + " -> " + now
                + (appliesTo.isEmpty() ? "" : " (" + String.join("; ", appliesTo) + ")");
    }
}
