package dev.dockfit.image.packages;

import java.util.Locale;
import java.util.Optional;

/**
 * The operating system of an image root.
 *
 * @param id         {@code ID} from os-release ({@code debian}, {@code alpine}, {@code ubuntu}), lower case
 * @param versionId  {@code VERSION_ID} ({@code 12}, {@code 3.18.4}); for Debian without one, the number
 *                   from {@code /etc/debian_version} when it has one; may be empty
 * @param codename   {@code VERSION_CODENAME} or empty
 * @param prettyName {@code PRETTY_NAME}, or a name made from id and version
 * @param version    {@code VERSION} (e.g. {@code 22.04.3 LTS (Jammy Jellyfish)}) or empty
 */
public record OsInfo(String id, String versionId, String codename, String prettyName, String version) {

    public static final OsInfo UNKNOWN = new OsInfo("", "", "", "unknown", "");

    public boolean isKnown() {
        return !id.isEmpty();
    }

    /**
     * The OSV ecosystem of this system's OS packages: {@code Debian:12}, {@code Alpine:v3.18},
     * {@code Ubuntu:22.04:LTS}; empty when the distribution or its release is unknown.
     */
    public Optional<String> osvEcosystem() {
        String[] parts = versionId.split("\\.");
        switch (id) {
            case "debian":
                return versionId.isEmpty() ? Optional.empty() : Optional.of("Debian:" + parts[0]);
            case "alpine":
                return parts.length < 2 ? Optional.empty() : Optional.of("Alpine:v" + parts[0] + "." + parts[1]);
            case "ubuntu":
                if (versionId.isEmpty()) return Optional.empty();
                return Optional.of("Ubuntu:" + versionId + (version.toUpperCase(Locale.ROOT).contains("LTS") ? ":LTS" : ""));
            case "alpaquita":
                return versionId.isEmpty() ? Optional.empty() : Optional.of("Alpaquita:" + parts[0]);
            case "wolfi":
                return Optional.of("Wolfi");
            case "chainguard":
                return Optional.of("Chainguard");
            default:
                return Optional.empty();
        }
    }

    /** The {@code distro} qualifier of OS package URLs, e.g. {@code debian-12}, {@code alpine-3.18.4}. */
    public String purlDistro() {
        if (!isKnown()) return "";
        return versionId.isEmpty() ? id : id + "-" + versionId;
    }
}
