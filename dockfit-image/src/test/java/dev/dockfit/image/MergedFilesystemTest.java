package dev.dockfit.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockfit.image.fs.EntryType;
import dev.dockfit.image.fs.FileEntry;
import dev.dockfit.image.fs.LayerFiles;
import dev.dockfit.image.fs.MergedFilesystem;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Whiteout semantics of the OCI image spec, entry by entry. */
class MergedFilesystemTest {
    private static FileEntry file(String path, long size) {
        return new FileEntry(path, EntryType.FILE, size, 0644, 0, 0, null, size, null);
    }

    private static FileEntry dir(String path) {
        return new FileEntry(path, EntryType.DIRECTORY, 0, 0755, 0, 0, null, 0, null);
    }

    private static FileEntry whiteout(String path) {
        return new FileEntry(path, EntryType.WHITEOUT, 0, 0, 0, 0, null, 0, null);
    }

    private static FileEntry opaque(String dir) {
        return new FileEntry(dir, EntryType.OPAQUE_WHITEOUT, 0, 0, 0, 0, null, 0, null);
    }

    private static MergedFilesystem merge(List<List<FileEntry>> layers) {
        List<LayerFiles> files = new ArrayList<>();
        for (List<FileEntry> l : layers) files.add(new LayerFiles(l, 0, 0, null, null));
        return MergedFilesystem.merge(files);
    }

    private static List<String> paths(MergedFilesystem fs) {
        return fs.all().stream().map(v -> v.entry().path()).toList();
    }

    @Test
    void whiteoutRemovesThePathAndEverythingBelow() {
        MergedFilesystem fs = merge(List.of(
                List.of(dir("/a"), file("/a/x", 1), dir("/a/b"), file("/a/b/y", 2), file("/ab", 3)),
                List.of(whiteout("/a"))));
        assertThat(paths(fs)).containsExactly("/ab"); // "/ab" shares the prefix but is not below /a
    }

    @Test
    void opaqueHidesLowerLayersButKeepsItsOwnEntries() {
        MergedFilesystem fs = merge(List.of(
                List.of(dir("/d"), file("/d/old", 1), dir("/d/sub"), file("/d/sub/older", 1)),
                List.of(dir("/d"), file("/d/new", 1), opaque("/d"))));
        assertThat(paths(fs)).containsExactly("/d", "/d/new");
        assertThat(fs.get("/d").orElseThrow().layer()).isEqualTo(1);
    }

    @Test
    void fileReplacingADirectoryHidesItsContent() {
        MergedFilesystem fs = merge(List.of(
                List.of(dir("/x"), file("/x/inner", 5)),
                List.of(file("/x", 7))));
        assertThat(paths(fs)).containsExactly("/x");
        assertThat(fs.fileBytes()).isEqualTo(7);
    }

    @Test
    void directoriesMergeAndLaterLayersWin() {
        MergedFilesystem fs = merge(List.of(
                List.of(dir("/etc"), file("/etc/a", 1), file("/etc/b", 2)),
                List.of(dir("/etc"), file("/etc/b", 20), whiteout("/etc/a")),
                List.of(file("/etc/a", 100))));
        assertThat(paths(fs)).containsExactly("/etc", "/etc/a", "/etc/b");
        assertThat(fs.fileBytes()).isEqualTo(120);
        assertThat(fs.get("/etc/a").orElseThrow().layer()).isEqualTo(2);
    }

    @Test
    void rootOpaqueWhiteoutEmptiesTheLowerImage() {
        MergedFilesystem fs = merge(List.of(List.of(file("/a", 1), file("/b", 1)), List.of(opaque("/"), file("/c", 1))));
        assertThat(paths(fs)).containsExactly("/c");
    }
}
