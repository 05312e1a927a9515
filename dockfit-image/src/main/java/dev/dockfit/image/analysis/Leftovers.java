package dev.dockfit.image.analysis;

import dev.dockfit.image.analysis.ImageReport.Leftover;
import dev.dockfit.image.fs.CaptureRule;
import dev.dockfit.image.fs.MergedFilesystem;
import dev.dockfit.image.fs.MergedFilesystem.Visible;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Build leftovers in the final filesystem: toolchains and SDKs, {@code -dev} packages, package-manager caches and
 * {@code .git} folders, each with its size and the layer that brought most of its bytes.
 */
final class Leftovers {
    static final String DPKG_STATUS = "/var/lib/dpkg/status";
    static final String APK_INSTALLED = "/lib/apk/db/installed";
    static final CaptureRule PACKAGE_DBS = CaptureRule.exact(64L << 20, DPKG_STATUS, APK_INSTALLED);

    /**
     * Toolchain marker file -> the directory whose size it stands for (null: the marker file alone). {@code hint}
     * is a literal every match contains: a plain {@code contains} spares the regular expression on almost every
     * path of the image.
     */
    private record Tool(String what, String hint, Pattern marker, int rootDepthFromMarker) {
    }

    private static final List<Tool> TOOLS = List.of(
            new Tool("gcc", "gcc", Pattern.compile("/usr/(local/)?bin/(x86_64-linux-gnu-|aarch64-linux-gnu-)?gcc(-[0-9.]+)?"), 0),
            new Tool("g++", "g++", Pattern.compile("/usr/(local/)?bin/(x86_64-linux-gnu-|aarch64-linux-gnu-)?g\\+\\+(-[0-9.]+)?"), 0),
            new Tool("gcc backend (cc1)", "/cc1", Pattern.compile("/usr/lib/gcc/[^/]+/[^/]+/cc1"), 0),
            new Tool("cc", "/usr/bin/cc", Pattern.compile("/usr/bin/cc"), 0),
            new Tool("clang", "/bin/clang", Pattern.compile("/usr/(local/)?bin/clang(-[0-9.]+)?"), 0),
            new Tool("make", "/bin/make", Pattern.compile("/usr/(local/)?bin/make"), 0),
            new Tool("Go SDK", "/bin/go", Pattern.compile("(/usr/local/go|/usr/lib/go-[0-9.]+)/bin/go"), 2),
            new Tool("JDK (javac; a JRE would do)", "/bin/javac", Pattern.compile("(/usr/lib/jvm/[^/]+|/opt/java/openjdk|/usr/local/openjdk-[^/]+)/bin/javac"), 2),
            new Tool("rustc", "/bin/rustc", Pattern.compile("(/usr/local/cargo|/root/\\.cargo|/usr/local/rustup/toolchains/[^/]+)/bin/rustc|/usr/bin/rustc"), 0),
            new Tool("node-gyp", "/node_modules/node-gyp/package.json", Pattern.compile(".*/node_modules/node-gyp/package\\.json"), 1));

    private static final Pattern CACHE = Pattern.compile(
            "/var/lib/apt/lists|/var/cache/apt|/var/cache/apk|/(root|home/[^/]+)/(\\.npm|\\.cache/pip|\\.m2|\\.gradle|\\.cache/go-build|\\.cache/yarn)");
    private static final String DPKG_INFO = "/var/lib/dpkg/info/";
    private static final Pattern DPKG_DEV = Pattern.compile(DPKG_INFO + "([a-z0-9][a-z0-9+.-]*-dev)(:[a-z0-9]+)?\\.list");

    private Leftovers() {
    }

    static List<Leftover> find(MergedFilesystem fs, LayerContext ctx) {
        List<Leftover> out = new ArrayList<>();
        Map<String, Long> devSizes = dpkgInstalledSizes(fs);
        for (Visible v : fs.all()) {
            String path = v.entry().path();
            for (Tool t : TOOLS) {
                if (!path.contains(t.hint()) || !t.marker().matcher(path).matches()) continue;
                String root = path;
                for (int i = 0; i < t.rootDepthFromMarker(); i++) root = root.substring(0, root.lastIndexOf('/'));
                out.add(t.rootDepthFromMarker() == 0
                        ? leftover("toolchain", t.what(), path, fs.resolve(path).map(r -> r.entry().size()).orElse(0L),
                        v.layer(), ctx)
                        : dir("toolchain", t.what(), root, fs, ctx));
            }
            Matcher dev = path.startsWith(DPKG_INFO) ? DPKG_DEV.matcher(path) : null;
            if (dev != null && dev.matches()) {
                String pkg = dev.group(1);
                out.add(leftover("dev-package", pkg, path, devSizes.getOrDefault(pkg, 0L), v.layer(), ctx));
            }
            if (v.entry().isDirectory() && CACHE.matcher(path).matches()) {
                Leftover l = dir("cache", path.substring(path.lastIndexOf('/') + 1), path, fs, ctx);
                if (l.bytes() > 0) out.add(l);
            }
            if (v.entry().isDirectory() && v.entry().name().equals(".git")) out.add(dir("git", ".git", path, fs, ctx));
        }
        apkDevPackages(fs, ctx, out);
        return out;
    }

    private static Leftover dir(String kind, String what, String root, MergedFilesystem fs, LayerContext ctx) {
        long bytes = 0;
        Map<Integer, Long> byLayer = new HashMap<>();
        for (Visible v : fs.under(root)) {
            if (!v.entry().isFile()) continue;
            bytes += v.entry().size();
            byLayer.merge(v.layer(), v.entry().size(), Long::sum);
        }
        int layer = byLayer.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                .orElse(fs.get(root).map(Visible::layer).orElse(-1));
        return leftover(kind, what, root, bytes, layer, ctx);
    }

    private static Leftover leftover(String kind, String what, String path, long bytes, int layer, LayerContext ctx) {
        return new Leftover(kind, what, path, bytes, layer, ctx.createdBy(layer), ctx.dockerfileLine(layer));
    }

    /** Installed-Size (KiB) per package from dpkg's status file, when the walk captured it. */
    private static Map<String, Long> dpkgInstalledSizes(MergedFilesystem fs) {
        Map<String, Long> sizes = new HashMap<>();
        String status = fs.read(DPKG_STATUS).map(b -> new String(b, StandardCharsets.UTF_8)).orElse("");
        String pkg = null;
        for (String line : status.split("\n")) {
            if (line.startsWith("Package: ")) pkg = line.substring(9).strip();
            else if (line.startsWith("Installed-Size: ") && pkg != null) {
                try {
                    sizes.put(pkg, Long.parseLong(line.substring(16).strip()) * 1024);
                } catch (NumberFormatException ignored) {
                    // a malformed size leaves the package without one
                }
            }
        }
        return sizes;
    }

    private static void apkDevPackages(MergedFilesystem fs, LayerContext ctx, List<Leftover> out) {
        fs.resolve(APK_INSTALLED).ifPresent(v -> {
            if (v.entry().content() == null) return;
            String name = null;
            for (String line : new String(v.entry().content(), StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("P:")) name = line.substring(2).strip();
                if (line.startsWith("I:") && name != null && name.endsWith("-dev")) {
                    long size = 0;
                    try {
                        size = Long.parseLong(line.substring(2).strip());
                    } catch (NumberFormatException ignored) {
                        // size unknown
                    }
                    out.add(leftover("dev-package", name, APK_INSTALLED, size, v.layer(), ctx));
                }
            }
        });
    }
}
