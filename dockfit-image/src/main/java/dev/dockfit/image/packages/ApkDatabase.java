package dev.dockfit.image.packages;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads apk's database {@code lib/apk/db/installed}: blank-line separated records of {@code X:value}
 * lines ({@code P} name, {@code V} version, {@code A} arch, {@code o} origin, the source package that
 * Alpine's advisories name). A record without {@code o} is its own origin.
 */
public final class ApkDatabase {

    public static final String INSTALLED = "lib/apk/db/installed";

    private ApkDatabase() {
    }

    public static boolean isDatabase(String path) {
        return PackagePaths.normalize(path).equals(INSTALLED);
    }

    public static List<Package> parse(byte[] content, String path, OsInfo os) {
        String where = PackagePaths.normalize(path);
        List<Package> out = new ArrayList<>();
        Map<Character, String> fields = new LinkedHashMap<>();
        for (String line : (new String(content, StandardCharsets.UTF_8) + "\n\n").split("\r?\n", -1)) {
            if (line.isBlank()) {
                add(fields, where, os, out);
                fields.clear();
            } else if (line.length() >= 2 && line.charAt(1) == ':') {
                fields.putIfAbsent(line.charAt(0), line.substring(2).strip());
            }
        }
        return out;
    }

    private static void add(Map<Character, String> f, String where, OsInfo os, List<Package> out) {
        String name = f.get('P');
        String version = f.get('V');
        if (name == null || name.isEmpty() || version == null || version.isEmpty()) return;
        String origin = f.getOrDefault('o', name);
        Map<String, String> q = new LinkedHashMap<>();
        q.put("arch", f.get('A'));
        q.put("distro", os.purlDistro());
        if (!origin.equals(name)) q.put("upstream", origin);
        String namespace = os.isKnown() ? os.id() : "alpine";
        out.add(new Package(name, version, PackageType.APK, origin, version, where,
                PackageUrl.of("apk", namespace, name, version, q), -1));
    }
}
