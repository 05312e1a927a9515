package dev.dockfit.vuln.scan;

import dev.dockfit.image.fs.FileEntry;
import dev.dockfit.image.fs.LayerFiles;
import dev.dockfit.image.hash.Digest;
import dev.dockfit.image.packages.Package;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What one layer contributes to an image's inventory, independent of the layers around it and of the OS (so
 * it can be cached by diffID): every entry (path, type, link target; content only for the OS files and package
 * databases the inventory reads), and the language packages and Go binaries found in its files, by path.
 *
 * @param digest            digest of the blob it was read from
 * @param compressedBytes   size of that blob
 * @param uncompressedBytes size of the tar stream
 * @param packages          packages per absolute path, sorted by path; their layer index is not set
 */
public record LayerInventory(Digest diffId, Digest digest, long compressedBytes, long uncompressedBytes,
                             List<FileEntry> entries, SortedMap<String, List<Package>> packages) {

    public LayerInventory {
        entries = List.copyOf(entries);
        SortedMap<String, List<Package>> copy = new TreeMap<>();
        packages.forEach((path, list) -> copy.put(path, List.copyOf(list)));
        packages = java.util.Collections.unmodifiableSortedMap(copy);
    }

    static LayerInventory of(LayerFiles walked, Map<String, List<Package>> packages) {
        return new LayerInventory(walked.diffId(), walked.digest(), walked.compressedBytes(), walked.uncompressedBytes(),
                walked.entries(), new TreeMap<>(packages));
    }

    /** The entries as a layer file list, for merging. */
    LayerFiles files() {
        return new LayerFiles(entries, compressedBytes, uncompressedBytes, digest, diffId);
    }
}
