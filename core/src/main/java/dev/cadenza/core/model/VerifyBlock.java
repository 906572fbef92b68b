package dev.cadenza.core.model;

import java.util.List;

/** {@code verify SUBJECT { … }}: properties of the program or assembly named SUBJECT. */
public record VerifyBlock(String subject, List<PropertySpec> properties, SourcePosition position) {
    public VerifyBlock {
        properties = List.copyOf(properties);
    }
}
