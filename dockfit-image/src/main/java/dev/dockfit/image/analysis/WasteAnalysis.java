package dev.dockfit.image.analysis;

import dev.dockfit.image.analysis.ImageReport.MetadataRewrite;
import dev.dockfit.image.analysis.ImageReport.WastedFile;
import dev.dockfit.image.fs.FileEntry;
import dev.dockfit.image.fs.LayerFiles;
import dev.dockfit.image.fs.MergedFilesystem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * dockfit's waste model: every regular-file byte stored in a layer that the final filesystem does not show is
 * reclaimable (overwritten copies, deleted files, directories deleted or made opaque). Rewrites that only change
 * owner or mode are collected on their own, because the fix differs ({@code COPY --chown}, not a cleanup).
 */
record WasteAnalysis(long totalFileBytes, long finalFileBytes, long reclaimableBytes, double efficiency,
                     long[] wastedByLayer, List<WastedFile> wastedFiles, List<MetadataRewrite> rewrites) {

    static final int MAX_WASTED_FILES = 100;

    /** Collects files rewritten with identical content while the layers are merged. */
    static final class Collector implements MergedFilesystem.Listener {
        private final Map<Integer, List<FileEntry>> byLayer = new TreeMap<>();

        @Override
        public void replaced(MergedFilesystem.Visible previous, FileEntry replacement, int layer) {
            FileEntry p = previous.entry();
            if (p.isFile() && replacement.isFile() && p.size() == replacement.size() && p.size() > 0
                    && p.contentHash() == replacement.contentHash()) {
                byLayer.computeIfAbsent(layer, k -> new ArrayList<>()).add(replacement);
            }
        }
    }

    static WasteAnalysis compute(List<LayerFiles> layers, MergedFilesystem fs, Collector collector, LayerContext ctx) {
        long total = 0;
        long[] wastedByLayer = new long[layers.size()];
        Map<String, long[]> bytesByPath = new LinkedHashMap<>();
        Map<String, List<Integer>> layersByPath = new LinkedHashMap<>();
        for (int i = 0; i < layers.size(); i++) {
            for (FileEntry e : layers.get(i).entries()) {
                if (!e.isFile()) continue;
                total += e.size();
                MergedFilesystem.Visible v = fs.get(e.path()).orElse(null);
                if (v != null && v.entry() == e) continue;
                wastedByLayer[i] += e.size();
                bytesByPath.computeIfAbsent(e.path(), p -> new long[1])[0] += e.size();
                layersByPath.computeIfAbsent(e.path(), p -> new ArrayList<>()).add(i);
            }
        }
        long visible = fs.fileBytes();
        List<WastedFile> wasted = new ArrayList<>();
        bytesByPath.forEach((p, b) -> wasted.add(new WastedFile(p, b[0], List.copyOf(layersByPath.get(p)))));
        wasted.sort(Comparator.comparingLong(WastedFile::bytes).reversed().thenComparing(WastedFile::path));
        List<MetadataRewrite> rewrites = new ArrayList<>();
        collector.byLayer.forEach((layer, entries) -> {
            long bytes = entries.stream().mapToLong(FileEntry::size).sum();
            List<String> examples = entries.stream().map(FileEntry::path).limit(5).toList();
            rewrites.add(new MetadataRewrite(layer, ctx.createdBy(layer), ctx.dockerfileLine(layer), entries.size(),
                    bytes, examples));
        });
        double efficiency = total == 0 ? 1.0 : (double) visible / total;
        return new WasteAnalysis(total, visible, total - visible, efficiency, wastedByLayer,
                List.copyOf(wasted.subList(0, Math.min(MAX_WASTED_FILES, wasted.size()))), List.copyOf(rewrites));
    }
}
