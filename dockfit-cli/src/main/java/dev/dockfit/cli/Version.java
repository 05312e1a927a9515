package dev.dockfit.cli;

import picocli.CommandLine;

/** Reads the version Maven wrote into the jar manifest. */
final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = Main.class.getPackage().getImplementationVersion();
        return new String[] {"dockfit " + (v == null ? "dev" : v)};
    }
}
