package dev.dockfit.image.fs;

import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Asks the layer walk to keep the content of matching regular files of at most {@code maxBytes}, so analyses
 * (users, OS release, package databases, secrets) read them from the merged filesystem without a second pass.
 */
public record CaptureRule(String description, Predicate<String> paths, long maxBytes) {

    /** Exact absolute paths, e.g. {@code /etc/passwd}. */
    public static CaptureRule exact(long maxBytes, String... absolutePaths) {
        java.util.Set<String> set = java.util.Set.of(absolutePaths);
        return new CaptureRule(String.join(",", absolutePaths), set::contains, maxBytes);
    }

    /** A regular expression matched against the whole absolute path. */
    public static CaptureRule regex(long maxBytes, String regex) {
        Pattern p = Pattern.compile(regex);
        return new CaptureRule(regex, path -> p.matcher(path).matches(), maxBytes);
    }

    public boolean wants(String path, long size) {
        return size <= maxBytes && paths.test(path);
    }
}
