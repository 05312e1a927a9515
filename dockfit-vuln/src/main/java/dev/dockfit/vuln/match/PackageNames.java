package dev.dockfit.vuln.match;

import java.util.Locale;

/** How package names are compared per ecosystem: PyPI names normalized as PEP 503 says, others exact. */
public final class PackageNames {

    private PackageNames() {
    }

    /** The ecosystem without its release or repository suffix: {@code Debian:12} gives {@code Debian}. */
    public static String family(String ecosystem) {
        int colon = ecosystem.indexOf(':');
        return colon >= 0 ? ecosystem.substring(0, colon) : ecosystem;
    }

    /** The lookup form of {@code name} in {@code ecosystem}. */
    public static String normalize(String ecosystem, String name) {
        if (family(ecosystem).equals("PyPI")) return name.toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-");
        return name;
    }

    /**
     * The form records are indexed under: OS ecosystems keep their release ({@code Debian:12}); Maven's
     * optional repository URL suffix is dropped, since dockfit cannot tell which repository a jar came from.
     */
    public static String indexEcosystem(String ecosystem) {
        String family = family(ecosystem);
        return family.equals("Maven") || family.equals("npm") || family.equals("PyPI") || family.equals("Go") ? family : ecosystem;
    }
}
