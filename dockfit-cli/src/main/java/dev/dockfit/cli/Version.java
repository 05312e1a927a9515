package dev.dockfit.cli;

import picocli.CommandLine;

/** Reads the version Maven wrote into the jar manifest. */
public final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"dockfit " + number()};
    }

    /** The version of this build, {@code dev} when run from classes rather than the jar. */
    public static String number() {
        String v = Main.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
