package dev.dockfit.image.packages;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Finds Maven artifacts in Java archives (.jar, .war, .ear), streaming: every
 * {@code META-INF/maven/<group>/<artifact>/pom.properties} (a shaded jar holds several), else the
 * manifest's {@code Implementation-Vendor-Id}/{@code Implementation-Title} (or {@code Bundle-SymbolicName})
 * and version; and recursively the archives nested inside (Spring Boot's {@code BOOT-INF/lib},
 * {@code WEB-INF/lib}), whose packages are found at {@code outer.jar!/inner.jar}.
 */
public final class JarPackages {

    private static final int MAX_DEPTH = 4;

    private JarPackages() {
    }

    public static boolean isArchive(String path) {
        String p = path.toLowerCase(Locale.ROOT);
        return p.endsWith(".jar") || p.endsWith(".war") || p.endsWith(".ear");
    }

    /** The packages of the archive read from {@code in} (not closed); a corrupt archive gives an IOException naming {@code path}. */
    public static List<Package> parse(InputStream in, String path) throws IOException {
        String where = PackagePaths.normalize(path);
        List<Package> out = new ArrayList<>();
        try {
            scan(zip(in), where, 0, out);
        } catch (IOException e) {
            throw new IOException(where + ": not a valid Java archive (" + e.getMessage() + ")", e);
        }
        return out;
    }

    /** A zip reader over {@code in}, after checking the zip signature (ZipInputStream reads garbage as an empty archive). */
    private static ZipInputStream zip(InputStream in) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in);
        buffered.mark(4);
        byte[] magic = buffered.readNBytes(4);
        buffered.reset();
        boolean zip = magic.length == 4 && magic[0] == 'P' && magic[1] == 'K'
                && ((magic[2] == 3 && magic[3] == 4) || (magic[2] == 5 && magic[3] == 6));
        if (!zip) throw new ZipException("no zip signature");
        return new ZipInputStream(buffered);
    }

    private static void scan(ZipInputStream zip, String where, int depth, List<Package> out) throws IOException {
        Map<String, Package> fromPoms = new LinkedHashMap<>();
        Manifest manifest = null;
        List<Package> nested = new ArrayList<>();
        ZipEntry entry;
        while ((entry = zip.getNextEntry()) != null) {
            String name = entry.getName();
            if (entry.isDirectory()) continue;
            if (name.startsWith("META-INF/maven/") && name.endsWith("/pom.properties")) {
                Properties props = new Properties();
                props.load(new InputStreamReader(new ByteArrayInputStream(zip.readAllBytes()), StandardCharsets.ISO_8859_1));
                Package p = maven(props.getProperty("groupId"), props.getProperty("artifactId"), props.getProperty("version"), where);
                if (p != null) fromPoms.putIfAbsent(p.purl(), p);
            } else if (name.equalsIgnoreCase("META-INF/MANIFEST.MF")) {
                manifest = new Manifest(new ByteArrayInputStream(zip.readAllBytes()));
            } else if (isArchive(name) && depth < MAX_DEPTH) {
                try {
                    scan(zip(new ByteArrayInputStream(zip.readAllBytes())), where + "!/" + name, depth + 1, nested);
                } catch (ZipException | EOFException e) {
                    // A nested file that merely ends in .jar but is not one (test resources) is not a package.
                }
            }
        }
        out.addAll(fromPoms.values());
        if (fromPoms.isEmpty() && manifest != null) {
            Package p = fromManifest(manifest.getMainAttributes(), where);
            if (p != null) out.add(p);
        }
        out.addAll(nested);
    }

    private static Package fromManifest(Attributes a, String where) {
        String group = a.getValue("Implementation-Vendor-Id");
        String artifact = a.getValue("Implementation-Title");
        String version = a.getValue("Implementation-Version");
        if (group == null) {
            // OSGi bundles: the symbolic name is usually group.artifact; split at the last dot.
            String symbolic = a.getValue("Bundle-SymbolicName");
            if (symbolic != null) {
                symbolic = symbolic.split(";")[0].strip();
                int dot = symbolic.lastIndexOf('.');
                if (dot > 0) {
                    group = symbolic.substring(0, dot);
                    artifact = symbolic.substring(dot + 1);
                }
            }
            if (version == null) version = a.getValue("Bundle-Version");
        }
        return maven(group, artifact, version, where);
    }

    private static Package maven(String group, String artifact, String version, String where) {
        if (group == null || artifact == null || version == null) return null;
        group = group.strip();
        artifact = artifact.strip();
        version = version.strip();
        if (group.isEmpty() || artifact.isEmpty() || version.isEmpty() || artifact.contains(" ")) return null;
        return new Package(group + ":" + artifact, version, PackageType.MAVEN, null, null, where,
                PackageUrl.of("maven", group, artifact, version, null), -1);
    }
}
