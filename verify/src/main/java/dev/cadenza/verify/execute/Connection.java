package dev.cadenza.verify.execute;

/**
 * A connection between a provide port and a use port (concerto/connection.py): active when its
 * provider is in use by its component (provider {@code nb_users > 0}), locked when its user is
 * ({@code nb_users > 0}). {@code event}: the {@code con} that made it, for causes.
 */
final class Connection {

    final ComponentState provider;
    final int providePort;
    final ComponentState user;
    final int usePort;
    final int event;

    Connection(ComponentState provider, int providePort, ComponentState user, int usePort, int event) {
        this.provider = provider;
        this.providePort = providePort;
        this.user = user;
        this.usePort = usePort;
        this.event = event;
    }

    /** connection.py:206-207. */
    boolean active() {
        return provider.nbUsers[providePort] > 0;
    }

    /** connection.py:209-210. */
    boolean locked() {
        return user.nbUsers[usePort] > 0;
    }

    String providerName() {
        return provider.name + "." + provider.type.ports[providePort];
    }

    String userName() {
        return user.name + "." + user.type.ports[usePort];
    }
}
