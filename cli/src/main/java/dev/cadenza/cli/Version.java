package dev.cadenza.cli;

import picocli.CommandLine;

/** Reads the version Maven wrote into the jar's manifest, so it is stated in one place only. */
final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = Cadenza.class.getPackage().getImplementationVersion();
        return new String[] {"cadenza " + (v == null ? "(development build)" : v)};
    }
}
