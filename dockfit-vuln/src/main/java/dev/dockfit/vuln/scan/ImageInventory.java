package dev.dockfit.vuln.scan;

import dev.dockfit.image.HistoryEntry;
import dev.dockfit.image.Image;
import dev.dockfit.image.Layer;
import dev.dockfit.image.analysis.AnalysisOptions;
import dev.dockfit.image.analysis.BaseImageDetector;
import dev.dockfit.image.analysis.ImageAnalyzer;
import dev.dockfit.image.analysis.LayerHistory;
import dev.dockfit.image.fs.CaptureRule;
import dev.dockfit.image.fs.ContentVisitor;
import dev.dockfit.image.fs.FileEntry;
import dev.dockfit.image.fs.LayerFiles;
import dev.dockfit.image.fs.MergedFilesystem;
import dev.dockfit.image.packages.ApkDatabase;
import dev.dockfit.image.packages.DpkgDatabase;
import dev.dockfit.image.packages.OsDetector;
import dev.dockfit.image.packages.OsInfo;
import dev.dockfit.image.packages.Package;
import dev.dockfit.image.packages.PackageFiles;
import dev.dockfit.image.tar.LayerWalker;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Builds an {@link Inventory}: one streaming pass over each layer not yet in the {@link LayerInventoryCache}
 * (digests verified as always), then the layers' contributions merged. OS files and package databases (small,
 * and parsed only once the OS is known, for the package URLs' distro qualifier) are captured per layer; jars,
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

    /** The files whose content the inventory reads: OS release files and package databases. */
    private static final List<CaptureRule> CAPTURED = List.of(
            CaptureRule.exact(1 << 16, OsDetector.FILES.stream().map(p -> "/" + p).toArray(String[]::new)),
            new CaptureRule("package databases", ImageInventory::isDatabase, MAX_DATABASE_BYTES));

    private ImageInventory() {
    }

    /**
     * Reads the image's inventory.
     *
     * @param cache    layers already read, by diffID (and where newly read ones are stored); null to read all
     * @param progress told after each layer read; may be null
     */
    public static Inventory of(Image image, int threads, LayerInventoryCache cache, AnalysisOptions.Progress progress) {
        List<Layer> layers = image.layers();
        LayerInventory[] byIndex = new LayerInventory[layers.size()];
        List<Layer> unread = new ArrayList<>();
        for (Layer l : layers) {
            if (cache != null && l.diffId() != null) cache.get(l.diffId()).ifPresent(c -> byIndex[l.index()] = c);
            if (byIndex[l.index()] == null) unread.add(l);
        }
        if (!unread.isEmpty()) {
            Collector collector = new Collector();
            List<LayerFiles> walked = ImageAnalyzer.readLayers(image, unread, new LayerWalker(CAPTURED, List.of(collector)),
                    threads, progress);
            for (int i = 0; i < unread.size(); i++) {
                int index = unread.get(i).index();
                byIndex[index] = LayerInventory.of(walked.get(i), collector.found(index));
                if (cache != null && unread.get(i).diffId() != null) cache.put(byIndex[index]);
            }
        }
        return assemble(image, List.of(byIndex));
    }

    private static boolean isDatabase(String absolutePath) {
        String p = absolutePath.substring(1);
        return DpkgDatabase.isDatabase(p) || ApkDatabase.isDatabase(p);
    }

    private static Inventory assemble(Image image, List<LayerInventory> layers) {
        List<LayerFiles> files = layers.stream().map(LayerInventory::files).toList();
        MergedFilesystem fs = MergedFilesystem.merge(files);
        OsInfo os = OsDetector.detect(p -> fs.read("/" + p));
        List<Package> out = new ArrayList<>();
        out.addAll(databasePackages(files, "/" + DpkgDatabase.STATUS, os));
        out.addAll(databasePackages(files, "/" + ApkDatabase.INSTALLED, os));
        for (MergedFilesystem.Visible v : fs.under("/" + DpkgDatabase.STATUS_DIR.substring(0, DpkgDatabase.STATUS_DIR.length() - 1))) {
            FileEntry e = v.entry();
            if (!e.isFile() || e.content() == null || !DpkgDatabase.isDatabase(e.path().substring(1))) continue;
            for (Package p : DpkgDatabase.parse(e.content(), e.path().substring(1), os)) out.add(p.withLayerIndex(v.layer()));
        }
        for (int layer = 0; layer < layers.size(); layer++) {
            int index = layer;
            layers.get(layer).packages().forEach((path, packages) -> {
                if (fs.get(path).filter(v -> v.layer() == index).isPresent()) {
                    for (Package p : packages) out.add(p.withLayerIndex(index));
                }
            });
        }
        out.sort(Comparator.comparing((Package p) -> p.type().ordinal()).thenComparing(Package::name)
                .thenComparing(Package::path).thenComparing(Package::version));

        List<HistoryEntry> history = image.config().history();
        List<Integer> stepOfLayer = LayerHistory.stepOfLayer(history, layers.size());
        List<Inventory.ImageLayer> described = new ArrayList<>();
        for (Layer l : image.layers()) {
            LayerInventory li = layers.get(l.index());
            described.add(new Inventory.ImageLayer(l.index(), blobDigest(l, li), String.valueOf(li.diffId()),
                    LayerHistory.createdBy(history, stepOfLayer, l.index())));
        }
        return new Inventory(os, out, image, BaseImageDetector.detect(image.annotations(), history), described);
    }

    /**
     * The manifest's digest of the layer blob; without one (docker-archive), the digest of the blob the cached
     * layer was read from when this blob has its size, or the diffID when this blob is the uncompressed tar.
     */
    private static String blobDigest(Layer l, LayerInventory li) {
        if (l.digest() != null) return l.digest().toString();
        long size = l.blob().size();
        if (li.digest() != null && size == li.compressedBytes()) return li.digest().toString();
        if (li.diffId() != null && size == li.uncompressedBytes()) return li.diffId().toString();
        return null;
    }

    /** The packages of the final copy of a database file, each attributed to the layer that added it. */
    private static List<Package> databasePackages(List<LayerFiles> layers, String path, OsInfo os) {
        Map<String, Integer> since = new HashMap<>();
        List<Package> current = List.of();
        String relative = path.substring(1);
        for (int layer = 0; layer < layers.size(); layer++) {
            for (FileEntry e : layers.get(layer).entries()) {
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

    /** Streams language packages and Go binaries, by layer and path, from the reading threads. */
    private static final class Collector implements ContentVisitor {
        private final Map<Integer, Map<String, List<Package>>> found = new ConcurrentHashMap<>();

        @Override
        public boolean wants(String path, long size, int mode) {
            return !isDatabase(path) && PackageFiles.wants(path.substring(1), mode);
        }

        @Override
        public void visit(int layer, String path, long size, int mode, InputStream content) throws IOException {
            List<Package> packages = PackageFiles.parse(path.substring(1), content, OsInfo.UNKNOWN);
            if (!packages.isEmpty()) found.computeIfAbsent(layer, l -> new ConcurrentHashMap<>()).put(path, packages);
        }

        Map<String, List<Package>> found(int layer) {
            return found.getOrDefault(layer, Map.of());
        }
    }
}
