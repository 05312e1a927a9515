package dev.dockfit.image.tar;

import dev.dockfit.image.ImageException;
import java.util.ArrayDeque;
import java.util.Deque;

/** Turns tar entry names into absolute, normalised paths; names that climb above the root are refused. */
public final class EntryPaths {
    private EntryPaths() {
    }

    /**
     * {@code ./a//b/./c}, {@code a/b/c} and {@code /a/b/c} all become {@code /a/b/c}; the root is {@code /}.
     *
     * @throws ImageException when a {@code ..} would leave the root (a path-traversal attempt)
     */
    public static String normalize(String name, String where) {
        String clean = alreadyClean(name);
        if (clean != null) return clean;
        Deque<String> parts = new ArrayDeque<>();
        for (String part : name.split("/")) {
            if (part.isEmpty() || part.equals(".")) continue;
            if (part.equals("..")) {
                if (parts.isEmpty()) {
                    throw new ImageException(where + ": entry '" + name + "' climbs out of the image root");
                }
                parts.removeLast();
            } else {
                parts.addLast(part);
            }
        }
        return parts.isEmpty() ? "/" : "/" + String.join("/", parts);
    }

    /**
     * The absolute form of a name with no empty, {@code .} or {@code ..} segment (a trailing {@code /} aside), as
     * almost every tar entry name is, without splitting and joining it (this runs for every entry); null otherwise.
     */
    private static String alreadyClean(String name) {
        int start = name.startsWith("/") ? 1 : 0;
        int end = name.endsWith("/") ? name.length() - 1 : name.length();
        if (start >= end) return null;
        int segment = start;
        for (int i = start; i <= end; i++) {
            if (i < end && name.charAt(i) != '/') continue;
            int length = i - segment;
            if (length == 0) return null;
            if (name.charAt(segment) == '.' && (length == 1 || (length == 2 && name.charAt(segment + 1) == '.'))) {
                return null;
            }
            segment = i + 1;
        }
        if (start == 1 && end == name.length()) return name;
        return "/" + name.substring(start, end);
    }

    /** The directory holding {@code path} ({@code /} for top-level entries). */
    public static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? "/" : path.substring(0, slash);
    }

    public static String child(String dir, String name) {
        return dir.equals("/") ? "/" + name : dir + "/" + name;
    }
}
