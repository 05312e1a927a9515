package dev.dockfit.image.packages;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads installed Python distributions: {@code *.dist-info/METADATA} (wheels, pip) and
 * {@code *.egg-info/PKG-INFO} or a {@code *.egg-info} file (setuptools); both are RFC 822 style headers
 * with {@code Name} and {@code Version}.
 */
public final class PythonPackage {

    private PythonPackage() {
    }

    public static boolean isMetadata(String path) {
        String p = PackagePaths.normalize(path);
        String parent = p.contains("/") ? p.substring(0, p.lastIndexOf('/')) : "";
        if (p.endsWith("/METADATA")) return parent.endsWith(".dist-info");
        if (p.endsWith("/PKG-INFO")) return parent.endsWith(".egg-info");
        return p.endsWith(".egg-info");
    }

    public static Optional<Package> parse(byte[] content, String path) {
        String name = null;
        String version = null;
        for (String line : new String(content, StandardCharsets.UTF_8).split("\r?\n")) {
            if (line.isEmpty()) break; // the headers end at the first blank line; the description follows
            int colon = line.indexOf(':');
            if (colon <= 0 || Character.isWhitespace(line.charAt(0))) continue;
            String key = line.substring(0, colon).strip();
            String value = line.substring(colon + 1).strip();
            if (key.equalsIgnoreCase("Name") && name == null) name = value;
            if (key.equalsIgnoreCase("Version") && version == null) version = value;
        }
        if (name == null || name.isEmpty() || version == null || version.isEmpty()) return Optional.empty();
        String purlName = name.toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-");
        return Optional.of(new Package(name, version, PackageType.PYPI, null, null, PackagePaths.normalize(path),
                PackageUrl.of("pypi", null, purlName, version, null), -1));
    }
}
