package dev.dockfit.vuln.scan;

import dev.dockfit.image.Image;
import dev.dockfit.image.analysis.AnalysisOptions;
import dev.dockfit.image.analysis.ImageAnalyzer;
import dev.dockfit.image.analysis.ImageReport;
import dev.dockfit.image.fs.CaptureRule;
import dev.dockfit.image.fs.ContentVisitor;
import dev.dockfit.image.fs.FileEntry;
import dev.dockfit.image.fs.MergedFilesystem;
import dev.dockfit.image.packages.ApkDatabase;
import dev.dockfit.image.packages.DpkgDatabase;
import dev.dockfit.image.packages.OsDetector;
import dev.dockfit.image.packages.OsInfo;
import dev.dockfit.image.packages.Package;
import dev.dockfit.image.packages.PackageFiles;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Builds an {@link Inventory} in the image walk's single pass. OS files and package databases (small, and
 * parsed only once the OS is known, for the package URLs' distro qualifier) are captured per layer; jars,
 * language manifests and executables (possible Go binaries) are streamed to a visitor and parsed on the fly.
 *
 * <p>A dpkg/apk database is rewritten by every layer that installs a package, so a package is attributed to the
 * earliest layer from which every later copy of the database lists it unchanged (same package URL). A file-based
 * package (jar, manifest, distroless {@code status.d} entry) belongs to the layer whose copy of the file is the
 * one the final filesystem shows.
 */
public final class ImageInventory {

    /** Largest package database kept in memory (Debian's full desktop status is ~5 MB). */
    private static final long MAX_DATABASE_BYTES = 64L << 20;

    private ImageInventory() {
    }

    /** Walks the image once and returns its inventory; {@code base} supplies threads, Dockerfile and progress. */
    public static Inventory of(Image image, AnalysisOptions base) {
        Collector collector = new Collector();
        List<CaptureRule> rules = new ArrayList<>(base.captureRules());
        rules.add(CaptureRule.exact(1 << 16, OsDetector.FILES.stream().map(p -> "/" + p).toArray(String[]::new)));
        rules.add(new CaptureRule("package databases", p -> isDatabase(p), MAX_DATABASE_BYTES));
        List<ContentVisitor> visitors = new ArrayList<>();
        visitors.add(collector);
        visitors.addAll(base.visitors());
        AnalysisOptions options = new AnalysisOptions(rules, visitors, base.dockerfile(), base.diveCi(), base.threads(),
                base.progress());
        return fromReport(ImageAnalyzer.analyze(image, options), collector);
    }

    private static boolean isDatabase(String absolutePath) {
        String p = absolutePath.substring(1);
        return DpkgDatabase.isDatabase(p) || ApkDatabase.isDatabase(p);
    }

    private static Inventory fromReport(ImageReport report, Collector collector) {
        MergedFilesystem fs = report.filesystem();
        OsInfo os = OsDetector.detect(p -> fs.read("/" + p));
        List<Package> out = new ArrayList<>();
        out.addAll(databasePackages(report, "/" + DpkgDatabase.STATUS, os));
        out.addAll(databasePackages(report, "/" + ApkDatabase.INSTALLED, os));
        for (MergedFilesystem.Visible v : fs.under("/" + DpkgDatabase.STATUS_DIR.substring(0, DpkgDatabase.STATUS_DIR.length() - 1))) {
            FileEntry e = v.entry();
            if (!e.isFile() || e.content() == null || !DpkgDatabase.isDatabase(e.path().substring(1))) continue;
            for (Package p : DpkgDatabase.parse(e.content(), e.path().substring(1), os)) out.add(p.withLayerIndex(v.layer()));
        }
        collector.found.forEach((key, packages) -> {
            if (fs.get(key.path()).filter(v -> v.layer() == key.layer()).isPresent()) {
                for (Package p : packages) out.add(p.withLayerIndex(key.layer()));
            }
        });
        out.sort(Comparator.comparing((Package p) -> p.type().ordinal()).thenComparing(Package::name)
                .thenComparing(Package::path).thenComparing(Package::version));
        return new Inventory(os, out, report);
    }

    /** The packages of the final copy of a database file, each attributed to the layer that added it. */
    private static List<Package> databasePackages(ImageReport report, String path, OsInfo os) {
        Map<String, Integer> since = new HashMap<>();
        List<Package> current = List.of();
        String relative = path.substring(1);
        for (int layer = 0; layer < report.layerFiles().size(); layer++) {
            for (FileEntry e : report.layerFiles().get(layer).entries()) {
                boolean removed = e.isWhiteout() && (e.path().equals(path) || path.startsWith(e.path() + "/"));
                if (removed) {
                    since = new HashMap<>();
                    current = List.of();
                }
                if (!e.path().equals(path) || !e.isFile() || e.content() == null) continue;
                current = parse(e.content(), relative, os);
                Map<String, Integer> next = new HashMap<>();
                for (Package p : current) next.put(p.purl(), since.getOrDefault(p.purl(), layer));
                since = next;
            }
        }
        List<Package> out = new ArrayList<>(current.size());
        for (Package p : current) out.add(p.withLayerIndex(since.getOrDefault(p.purl(), -1)));
        return out;
    }

    private static List<Package> parse(byte[] content, String relative, OsInfo os) {
        return DpkgDatabase.isDatabase(relative) ? DpkgDatabase.parse(content, relative, os) : ApkDatabase.parse(content, relative, os);
    }

    private record Key(int layer, String path) {
    }

    /** Streams language packages and Go binaries; keyed by layer and path until the final filesystem is known. */
    private static final class Collector implements ContentVisitor {
        final Map<Key, List<Package>> found = new ConcurrentHashMap<>();

        @Override
        public boolean wants(String path, long size, int mode) {
            return !isDatabase(path) && PackageFiles.wants(path.substring(1), mode);
        }

        @Override
        public void visit(int layer, String path, long size, int mode, InputStream content) throws IOException {
            List<Package> packages = PackageFiles.parse(path.substring(1), content, OsInfo.UNKNOWN);
            if (!packages.isEmpty()) found.put(new Key(layer, path), packages);
        }
    }
}
