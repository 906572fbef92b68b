package dev.cadenza.core.model;

/** {@code instance.port}. */
public record PortRef(String instance, String port, SourcePosition position) {
    @Override
    public String toString() {
        return instance + "." + port;
    }
}
