package dev.dockfit.image.packages;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads dpkg's database: {@code var/lib/dpkg/status}, and the one-file-per-package
 * {@code var/lib/dpkg/status.d/*} of distroless images. Packages whose state is not
 * {@code installed} (removed with config files left, unpacked, half-installed) are skipped; a stanza
 * without {@code Status} (as distroless writes them) counts as installed. {@code Source: name} and
 * {@code Source: name (version)} are kept as the source package.
 */
public final class DpkgDatabase {

    public static final String STATUS = "var/lib/dpkg/status";
    public static final String STATUS_DIR = "var/lib/dpkg/status.d/";

    private DpkgDatabase() {
    }

    /** True for the paths this parser reads (the status file, and status.d entries except their md5sums). */
    public static boolean isDatabase(String path) {
        String p = PackagePaths.normalize(path);
        if (p.equals(STATUS)) return true;
        return p.startsWith(STATUS_DIR) && p.indexOf('/', STATUS_DIR.length()) < 0
                && p.length() > STATUS_DIR.length() && !p.endsWith(".md5sums");
    }

    /** The installed packages of one status (or status.d) file. */
    public static List<Package> parse(byte[] content, String path, OsInfo os) {
        String where = PackagePaths.normalize(path);
        List<Package> out = new ArrayList<>();
        for (Map<String, String> stanza : ControlStanzas.parse(new String(content, StandardCharsets.UTF_8))) {
            String name = stanza.get("Package");
            String version = stanza.get("Version");
            if (name == null || name.isEmpty() || version == null || version.isEmpty()) continue;
            String status = stanza.get("Status");
            if (status != null) {
                String[] words = status.trim().split("\\s+");
                if (words.length < 3 || !words[2].equals("installed")) continue;
            }
            String sourceName = name;
            String sourceVersion = version;
            String source = stanza.get("Source");
            if (source != null && !source.isBlank()) {
                int paren = source.indexOf('(');
                if (paren >= 0) {
                    sourceName = source.substring(0, paren).strip();
                    int close = source.indexOf(')', paren);
                    sourceVersion = source.substring(paren + 1, close > paren ? close : source.length()).strip();
                } else {
                    sourceName = source.strip();
                }
            }
            String arch = stanza.getOrDefault("Architecture", "");
            Map<String, String> qualifiers = new LinkedHashMap<>();
            qualifiers.put("arch", arch);
            qualifiers.put("distro", os.purlDistro());
            if (!sourceName.equals(name) || !sourceVersion.equals(version)) {
                qualifiers.put("upstream", sourceVersion.equals(version) ? sourceName : sourceName + "@" + sourceVersion);
            }
            String namespace = os.isKnown() ? os.id() : "debian";
            String purl = PackageUrl.of("deb", namespace, name, version, qualifiers);
            out.add(new Package(name, version, PackageType.DEB, sourceName, sourceVersion, where, purl, -1));
        }
        return out;
    }
}
