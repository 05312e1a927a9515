package dev.dockfit.image.packages;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Builds package URLs (github.com/package-url/purl-spec) with the spec's percent-encoding. */
public final class PackageUrl {

    private PackageUrl() {
    }

    /**
     * {@code pkg:type/namespace/name@version?qualifiers}; namespace may be null or contain
     * {@code /}-separated segments; qualifiers with null or empty values are left out and the rest sorted.
     */
    public static String of(String type, String namespace, String name, String version, Map<String, String> qualifiers) {
        StringBuilder sb = new StringBuilder("pkg:").append(type.toLowerCase(Locale.ROOT)).append('/');
        if (namespace != null && !namespace.isEmpty()) {
            for (String segment : namespace.split("/")) {
                if (!segment.isEmpty()) sb.append(encode(segment)).append('/');
            }
        }
        sb.append(encode(name));
        if (version != null && !version.isEmpty()) sb.append('@').append(encode(version));
        if (qualifiers != null) {
            Map<String, String> sorted = new TreeMap<>();
            qualifiers.forEach((k, v) -> {
                if (v != null && !v.isEmpty()) sorted.put(k.toLowerCase(Locale.ROOT), v);
            });
            char sep = '?';
            for (Map.Entry<String, String> e : sorted.entrySet()) {
                sb.append(sep).append(e.getKey()).append('=').append(encode(e.getValue()));
                sep = '&';
            }
        }
        return sb.toString();
    }

    /** Percent-encodes everything except ASCII letters, digits, {@code . - _ ~} and {@code :}. */
    static String encode(String s) {
        StringBuilder sb = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '-' || c == '_' || c == '~' || c == ':') {
                sb.append((char) c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return sb.toString();
    }
}
