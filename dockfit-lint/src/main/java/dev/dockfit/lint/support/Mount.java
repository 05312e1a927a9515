package dev.dockfit.lint.support;

import java.util.Map;

/**
 * One {@code RUN --mount=...} value, split into its comma-separated options.
 *
 * @param type    bind (default), cache, tmpfs, secret or ssh
 * @param target  where it is mounted (also written {@code dst} or {@code destination}), or null
 * @param options every option as written, keys lower-case
 */
public record Mount(String type, String target, Map<String, String> options) {

    public static Mount parse(String value) {
        Map<String, String> opts = new java.util.LinkedHashMap<>();
        for (String part : value.split(",")) {
            if (part.isBlank()) continue;
            int eq = part.indexOf('=');
            String k = (eq < 0 ? part : part.substring(0, eq)).strip().toLowerCase(java.util.Locale.ROOT);
            opts.put(k, eq < 0 ? "true" : part.substring(eq + 1).strip());
        }
        String target = opts.getOrDefault("target", opts.getOrDefault("dst", opts.get("destination")));
        return new Mount(opts.getOrDefault("type", "bind"), target, Map.copyOf(opts));
    }

    /** True for a cache or tmpfs mount whose target is {@code dir} or contains it. */
    public boolean covers(String dir) {
        if (target == null || !(type.equals("cache") || type.equals("tmpfs"))) return false;
        String t = strip(target);
        String d = strip(dir);
        return d.equals(t) || d.startsWith(t + "/") || t.isEmpty();
    }

    private static String strip(String p) {
        String s = p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
        return s;
    }
}
