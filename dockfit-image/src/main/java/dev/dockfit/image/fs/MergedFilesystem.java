package dev.dockfit.image.fs;

import dev.dockfit.image.tar.EntryPaths;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The filesystem a container sees: the layers applied in order as the OCI image spec says. A whiteout removes
 * its path and everything below it; an opaque whiteout hides what the lower layers have in its directory (entries
 * of its own layer stay); a non-directory replacing a directory hides the directory's contents.
 */
public final class MergedFilesystem {
    /** An entry visible in the merged view, with the index of the layer it comes from. */
    public record Visible(FileEntry entry, int layer) {
    }

    /** Told about each entry that replaces a visible one, so analyses see the state before each layer. */
    public interface Listener {
        void replaced(Visible previous, FileEntry replacement, int layer);
    }

    private static final int MAX_SYMLINK_HOPS = 40;

    private final NavigableMap<String, Visible> entries = new TreeMap<>();

    private MergedFilesystem() {
    }

    public static MergedFilesystem merge(List<LayerFiles> layers) {
        return merge(layers, (previous, replacement, layer) -> { });
    }

    public static MergedFilesystem merge(List<LayerFiles> layers, Listener listener) {
        MergedFilesystem fs = new MergedFilesystem();
        for (int i = 0; i < layers.size(); i++) fs.apply(layers.get(i).entries(), i, listener);
        return fs;
    }

    private void apply(List<FileEntry> layer, int index, Listener listener) {
        // Deletions refer to the lower layers only, so they go first.
        for (FileEntry e : layer) {
            if (e.type() == EntryType.WHITEOUT) {
                entries.remove(e.path());
                descendants(e.path()).clear();
            } else if (e.type() == EntryType.OPAQUE_WHITEOUT) {
                descendants(e.path()).clear();
            }
        }
        for (FileEntry e : layer) {
            if (e.isWhiteout()) continue;
            Visible previous = entries.put(e.path(), new Visible(e, index));
            if (previous != null) {
                if (previous.entry().isDirectory() && !e.isDirectory()) descendants(e.path()).clear();
                listener.replaced(previous, e, index);
            }
        }
    }

    private NavigableMap<String, Visible> descendants(String dir) {
        String prefix = dir.equals("/") ? "/" : dir + "/";
        // '0' is the character after '/', so this range holds exactly the paths under prefix.
        return entries.subMap(prefix, true, prefix.substring(0, prefix.length() - 1) + "0", false);
    }

    /** The entry at exactly this path (symlinks in the path are not followed). */
    public Optional<Visible> get(String path) {
        return Optional.ofNullable(entries.get(path));
    }

    /** Every visible entry, sorted by path. */
    public Collection<Visible> all() {
        return Collections.unmodifiableCollection(entries.values());
    }

    /** Visible entries below a directory, sorted by path. */
    public Collection<Visible> under(String dir) {
        return Collections.unmodifiableCollection(descendants(dir).values());
    }

    public int size() {
        return entries.size();
    }

    /** Sum of the sizes of the visible regular files. */
    public long fileBytes() {
        long sum = 0;
        for (Visible v : entries.values()) if (v.entry().isFile()) sum += v.entry().size();
        return sum;
    }

    /**
     * Follows symlinks (in every path element) and hard links to a regular file; empty when the path does not
     * exist, loops, or escapes. Relative and absolute link targets are resolved inside the image, never the host.
     */
    public Optional<Visible> resolve(String path) {
        String current = EntryPaths.normalize(path, path);
        int[] budget = {MAX_SYMLINK_HOPS};
        while (budget[0]-- > 0) {
            String resolved = resolveParents(current, budget);
            if (resolved == null) return Optional.empty();
            Visible v = entries.get(resolved);
            if (v == null) return Optional.empty();
            FileEntry e = v.entry();
            if (e.type() == EntryType.SYMLINK) {
                current = linkTarget(resolved, e.linkTarget());
            } else if (e.type() == EntryType.HARDLINK) {
                current = e.linkTarget();
            } else {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    /** Resolves symlinks in the directory part of a path; null when the shared hop budget runs out (a loop). */
    private String resolveParents(String path, int[] budget) {
        if (path.equals("/")) return path;
        String[] parts = path.substring(1).split("/");
        String dir = "/";
        for (int i = 0; i < parts.length - 1; i++) {
            String next = EntryPaths.child(dir, parts[i]);
            Visible v = entries.get(next);
            while (v != null && v.entry().type() == EntryType.SYMLINK) {
                if (--budget[0] < 0) return null;
                next = linkTarget(next, v.entry().linkTarget());
                String again = resolveParents(next, budget);
                if (again == null) return null;
                next = again;
                v = entries.get(next);
            }
            dir = next;
        }
        return EntryPaths.child(dir, parts[parts.length - 1]);
    }

    private static String linkTarget(String linkPath, String target) {
        String base = target.startsWith("/") ? target : EntryPaths.child(EntryPaths.parent(linkPath), target);
        // ".." at the root stays at the root, as the kernel resolves it inside a container.
        StringBuilder clamped = new StringBuilder();
        java.util.ArrayDeque<String> parts = new java.util.ArrayDeque<>();
        for (String p : base.split("/")) {
            if (p.isEmpty() || p.equals(".")) continue;
            if (p.equals("..")) {
                if (!parts.isEmpty()) parts.removeLast();
            } else {
                parts.addLast(p);
            }
        }
        for (String p : parts) clamped.append('/').append(p);
        return clamped.length() == 0 ? "/" : clamped.toString();
    }

    /** The captured bytes of a file (after following links); empty when absent or not captured. */
    public Optional<byte[]> read(String path) {
        return resolve(path).map(v -> v.entry().content());
    }

    /** {@link #read} decoded as UTF-8. */
    public Optional<String> readText(String path) {
        return read(path).map(b -> new String(b, StandardCharsets.UTF_8));
    }
}
