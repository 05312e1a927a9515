package dev.dockfit.vuln.version;

import java.util.Optional;

/** Chooses the {@link VersionScheme} for an OSV ecosystem name such as {@code Debian:12} or {@code PyPI}. */
public final class VersionSchemes {

    public static final VersionScheme DPKG = new DpkgVersionScheme();
    public static final VersionScheme APK = new ApkVersionScheme();
    public static final VersionScheme MAVEN = new MavenVersionScheme();
    public static final VersionScheme SEMVER = SemVerScheme.semver();
    public static final VersionScheme GO = SemVerScheme.go();
    public static final VersionScheme PEP440 = new Pep440VersionScheme();

    private VersionSchemes() {
    }

    /**
     * The scheme of an OSV ecosystem; the release suffix after {@code :} is ignored
     * ({@code Alpine:v3.18} is apk). Empty for ecosystems dockfit does not order.
     */
    public static Optional<VersionScheme> forEcosystem(String ecosystem) {
        if (ecosystem == null) return Optional.empty();
        int colon = ecosystem.indexOf(':');
        String base = colon >= 0 ? ecosystem.substring(0, colon) : ecosystem;
        return Optional.ofNullable(switch (base) {
            case "Debian", "Ubuntu" -> DPKG;
            case "Alpine", "Alpaquita", "BellSoft Hardened Containers", "Wolfi", "Chainguard" -> APK;
            case "Maven" -> MAVEN;
            case "npm", "crates.io" -> SEMVER;
            case "Go" -> GO;
            case "PyPI" -> PEP440;
            default -> null;
        });
    }
}
