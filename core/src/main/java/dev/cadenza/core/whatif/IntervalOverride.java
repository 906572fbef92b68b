package dev.cadenza.core.whatif;

import dev.cadenza.core.model.Duration;
import dev.cadenza.core.model.SourcePosition;

/**
 * {@code --interval mariadb1.pull=[0,8]} (one instance) or {@code --interval MariaDB.pull=[0,8]}
 * (every instance of the type): {@code owner} is an instance or a component type name, told
 * apart once the model is known. {@code given} is the option's text, {@code at} where it stands.
 */
public record IntervalOverride(String owner, String transition, Duration duration, String given,
                               SourcePosition at) {

    public String target() {
        return owner + "." + transition;
    }
}
