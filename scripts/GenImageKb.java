/*
 * Regenerates dockfit's knowledge base of Docker Official Images.
 *
 *   java scripts/GenImageKb.java SHARED_DIR OUT.json [CURATED.json]
 *
 * Reads SHARED_DIR/official-images/library/* (docker-library's RFC 2822-like stanza files: Tags, SharedTags,
 * Architectures, ...), derives per image the maintained versions, the variants each version comes in and the line
 * depth, merges the hand-edited facts of CURATED.json (default: scripts/image-kb-curated.json next to this file)
 * and writes OUT.json. JDK only, so it carries a small JSON reader and writer. The output is deterministic: running
 * it twice on the same input gives the same bytes. docs/image-kb.md describes the format; the tag grammar below must
 * stay in step with dev.dockfit.lint.kb.TagName.
 */

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

public class GenImageKb {

    /** A token that continues a version after its first token: 8u502-b07, 3.15-rc, 28-ea-11, 6.0.0-beta-2, 3.5-dev5. */
    static final Pattern VERSION_CONTINUATION =
            Pattern.compile("\\d[\\w.]*|rc\\d*|ea|alpha[\\d.]*|beta[\\d.]*|preview[\\d.]*|dev\\d*|b\\d+");
    static final Pattern PRE_RELEASE = Pattern.compile("(?i)rc|alpha|beta|ea|dev|preview|snapshot");
    static final Pattern COMPONENT_SPLIT = Pattern.compile("[._-]|(?<=\\d)(?=[a-zA-Z])|(?<=[a-zA-Z])(?=\\d)");

    public static void main(String[] args) throws IOException {
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: java scripts/GenImageKb.java SHARED_DIR OUT.json [CURATED.json]");
            System.exit(2);
        }
        Path library = Path.of(args[0], "official-images", "library");
        Path curatedFile = args.length == 3 ? Path.of(args[2]) : Path.of("scripts", "image-kb-curated.json");
        if (!Files.isDirectory(library)) fail("not a directory: " + library);
        if (!Files.isRegularFile(curatedFile)) fail("curated facts not found: " + curatedFile);
        Map<String, Object> curated;
        try {
            curated = asMap(new JsonReader(Files.readString(curatedFile)).read(), "the curated file");
            validate(curated);
        } catch (IllegalArgumentException e) {
            System.err.println("GenImageKb: " + curatedFile + ": " + e.getMessage());
            System.exit(1);
            return;
        }
        Files.writeString(Path.of(args[1]), Json.write(generate(library, curated)) + "\n", StandardCharsets.UTF_8);
    }

    static void fail(String message) {
        System.err.println("GenImageKb: " + message);
        System.exit(3);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object o, String what) {
        if (!(o instanceof Map)) throw new IllegalArgumentException(what + " must be a JSON object");
        return (Map<String, Object>) o;
    }

    /** Every regular expression of the curated file must compile once its {placeholders} are expanded. */
    @SuppressWarnings("unchecked")
    static void validate(Map<String, Object> curated) {
        Map<String, Object> placeholders = asMap(curated.getOrDefault("placeholders", Map.of()), "placeholders");
        List<Object> families = new ArrayList<>((List<Object>) curated.getOrDefault("families", List.of()));
        for (var e : asMap(curated.getOrDefault("images", Map.of()), "images").entrySet()) {
            Map<String, Object> image = asMap(e.getValue(), "images." + e.getKey());
            families.addAll((List<Object>) image.getOrDefault("families", List.of()));
            for (Object rule : (List<Object>) image.getOrDefault("smaller", List.of())) {
                compile(asMap(rule, e.getKey() + " smaller rule").get("from"), placeholders, e.getKey());
            }
            if (image.get("sdk") instanceof Map<?, ?> sdk && sdk.get("tags") != null) {
                compile(sdk.get("tags"), placeholders, e.getKey());
            }
        }
        for (Object f : families) compile(asMap(f, "family rule").get("match"), placeholders, "families");
    }

    static void compile(Object regex, Map<String, Object> placeholders, String where) {
        if (!(regex instanceof String s)) throw new IllegalArgumentException(where + ": pattern missing");
        for (var p : placeholders.entrySet()) {
            s = s.replace("{" + p.getKey() + "}", "(?<" + p.getKey() + ">" + p.getValue() + ")");
        }
        try {
            Pattern.compile(s);
        } catch (java.util.regex.PatternSyntaxException e) {
            throw new IllegalArgumentException(where + ": bad pattern " + regex + ": " + e.getDescription());
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> generate(Path library, Map<String, Object> curated) throws IOException {
        Map<String, Object> curatedImages = (Map<String, Object>) curated.getOrDefault("images", Map.of());
        Map<String, Object> images = new TreeMap<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(library)) {
            files = s.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
        }
        for (Path file : files) {
            String name = file.getFileName().toString();
            Map<String, Object> image = describe(parse(Files.readString(file)));
            Map<String, Object> extra = (Map<String, Object>) curatedImages.get(name);
            if (extra != null) merge(image, extra);
            images.put(name, image);
        }
        for (var e : curatedImages.entrySet()) {
            if (images.containsKey(e.getKey())) continue;
            Map<String, Object> image = new LinkedHashMap<>();
            image.put("inLibrary", false);
            merge(image, (Map<String, Object>) e.getValue());
            images.put(e.getKey(), image);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("schema", 1);
        out.put("source", "docker-library/official-images library/ (see ../shared/official-images/README.md), "
                + "regenerated by scripts/GenImageKb.java with scripts/image-kb-curated.json");
        for (var e : curated.entrySet()) {
            if (!e.getKey().equals("images")) out.put(e.getKey(), e.getValue());
        }
        out.put("images", images);
        return out;
    }

    /** Curated keys win, except lineDepth which may only raise the derived depth. */
    static void merge(Map<String, Object> image, Map<String, Object> extra) {
        for (var e : extra.entrySet()) {
            if (e.getKey().equals("lineDepth") && image.get("lineDepth") instanceof Integer derived) {
                image.put("lineDepth", Math.max(derived, ((Number) e.getValue()).intValue()));
            } else {
                image.put(e.getKey(), e.getValue());
            }
        }
    }

    /** One stanza of a library file: its fields, continuation lines folded. The first stanza is the header. */
    static List<Map<String, String>> parse(String text) {
        List<Map<String, String>> stanzas = new ArrayList<>();
        Map<String, String> current = new LinkedHashMap<>();
        String lastKey = null;
        for (String line : text.split("\r?\n", -1)) {
            if (line.startsWith("#")) continue;
            if (line.isBlank()) {
                if (!current.isEmpty()) stanzas.add(current);
                current = new LinkedHashMap<>();
                lastKey = null;
            } else if (Character.isWhitespace(line.charAt(0)) && lastKey != null) {
                current.merge(lastKey, " " + line.strip(), String::concat);
            } else {
                int colon = line.indexOf(':');
                if (colon <= 0) continue;
                lastKey = line.substring(0, colon).strip();
                current.put(lastKey, line.substring(colon + 1).strip());
            }
        }
        if (!current.isEmpty()) stanzas.add(current);
        return stanzas;
    }

    static List<String> list(String value) {
        if (value == null || value.isBlank()) return List.of();
        return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toList());
    }

    static Map<String, Object> describe(List<Map<String, String>> stanzas) {
        Map<String, String> header = stanzas.isEmpty() || stanzas.get(0).containsKey("Tags") ? Map.of() : stanzas.get(0);
        // bashbrew's default when neither the header nor the entry names architectures
        String defaultArchitectures = header.getOrDefault("Architectures", "amd64");
        List<Map<String, Object>> builds = new ArrayList<>();
        for (Map<String, String> stanza : stanzas) {
            if (!stanza.containsKey("Tags") && !stanza.containsKey("SharedTags")) continue;
            List<String> tags = new ArrayList<>(new LinkedHashSet<>(concat(list(stanza.get("Tags")),
                    list(stanza.get("SharedTags")))));
            List<String> architectures = list(stanza.getOrDefault("Architectures", defaultArchitectures));
            boolean windows = !architectures.isEmpty() && architectures.stream().allMatch(a -> a.startsWith("windows-"));
            Map<String, Object> build = new LinkedHashMap<>();
            build.put("tags", tags);
            build.put("os", windows ? "windows" : "linux");
            build.put("architectures", architectures);
            builds.add(build);
        }
        Set<String> variantNames = new TreeSet<>();
        for (Map<String, Object> b : builds) {
            for (String tag : tags(b)) {
                String[] vv = splitVersioned(tag);
                if (vv != null && !vv[1].isEmpty()) variantNames.add(vv[1]);
            }
        }
        Map<String, Set<String>> versions = new TreeMap<>(GenImageKb::compareVersionsDescending);
        Map<String, Set<String>> designators = new TreeMap<>();
        Set<String> windowsVariants = new TreeSet<>();
        Set<String> linuxVariants = new TreeSet<>();
        Set<List<String>> fullVersions = new LinkedHashSet<>();
        for (Map<String, Object> b : builds) {
            boolean windows = "windows".equals(b.get("os"));
            List<String> longest = null;
            for (String tag : tags(b)) {
                String[] dv = split(tag, variantNames);
                (windows ? windowsVariants : linuxVariants).add(dv[1]);
                if (isVersion(dv[0])) {
                    versions.computeIfAbsent(dv[0], k -> new TreeSet<>()).add(dv[1]);
                    List<String> c = components(dv[0]);
                    if (longest == null || c.size() > longest.size()
                            || (c.size() == longest.size() && String.join(".", c).compareTo(String.join(".", longest)) > 0)) {
                        longest = c;
                    }
                } else {
                    designators.computeIfAbsent(dv[0], k -> new TreeSet<>()).add(dv[1]);
                }
            }
            if (longest != null) fullVersions.add(longest);
        }
        windowsVariants.removeAll(linuxVariants);
        Map<String, Object> image = new LinkedHashMap<>();
        image.put("inLibrary", true);
        image.put("lineDepth", lineDepth(fullVersions));
        image.put("versions", versions);
        image.put("aliases", designators);
        image.put("windowsOnlyVariants", windowsVariants);
        image.put("builds", builds);
        return image;
    }

    @SuppressWarnings("unchecked")
    static List<String> tags(Map<String, Object> build) {
        return (List<String>) build.get("tags");
    }

    static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /**
     * The smallest number of leading components that tells every listed release line apart. Pre-releases
     * (3.15.0rc1, 8.4.25RC1) and versions that only extend another listed one (13.0.1 next to 13.0.1-rc,
     * 8.0.2 next to the packaging revision 8.0.2-1) do not count as lines of their own.
     */
    static int lineDepth(Set<List<String>> listed) {
        Set<List<String>> fullVersions = new LinkedHashSet<>();
        for (List<String> v : listed) {
            if (v.stream().anyMatch(c -> PRE_RELEASE.matcher(c).matches())) continue;
            boolean extended = listed.stream().anyMatch(o -> o.size() > v.size() && o.subList(0, v.size()).equals(v)
                    && o.stream().noneMatch(c -> PRE_RELEASE.matcher(c).matches()));
            if (!extended) fullVersions.add(v);
        }
        int max = fullVersions.stream().mapToInt(List::size).max().orElse(1);
        for (int depth = 1; depth < max; depth++) {
            Set<List<String>> prefixes = new LinkedHashSet<>();
            boolean distinct = true;
            for (List<String> v : fullVersions) {
                distinct &= prefixes.add(v.subList(0, Math.min(depth, v.size())));
            }
            if (distinct) return depth;
        }
        return Math.max(1, max);
    }

    static boolean isVersion(String designator) {
        return !designator.isEmpty() && Character.isDigit(designator.charAt(0));
    }

    /** {version, variant} when the tag starts with a version, else null. */
    static String[] splitVersioned(String tag) {
        String[] tokens = tag.split("-", -1);
        if (tokens[0].isEmpty() || !Character.isDigit(tokens[0].charAt(0))) return null;
        int i = 1;
        while (i < tokens.length && VERSION_CONTINUATION.matcher(tokens[i]).matches()) i++;
        return new String[] {String.join("-", Arrays.copyOfRange(tokens, 0, i)),
                String.join("-", Arrays.copyOfRange(tokens, i, tokens.length))};
    }

    /** {designator, variant}: the version (or alias such as lts, bookworm, latest) and the variant after it. */
    static String[] split(String tag, Set<String> variantNames) {
        String[] versioned = splitVersioned(tag);
        if (versioned != null) return versioned;
        if (variantNames.contains(tag)) return new String[] {"", tag};
        String best = null;
        for (String v : variantNames) {
            if (tag.endsWith("-" + v) && (best == null || v.length() > best.length())) best = v;
        }
        if (best == null) return new String[] {tag, ""};
        return new String[] {tag.substring(0, tag.length() - best.length() - 1), best};
    }

    static List<String> components(String version) {
        return Arrays.stream(COMPONENT_SPLIT.split(version)).filter(s -> !s.isEmpty()).collect(Collectors.toList());
    }

    /** Newest first: numeric components compare as numbers, then text; a shorter prefix sorts first. */
    static int compareVersionsDescending(String a, String b) {
        List<String> x = components(a), y = components(b);
        for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
            String p = x.get(i), q = y.get(i);
            boolean pn = p.chars().allMatch(Character::isDigit), qn = q.chars().allMatch(Character::isDigit);
            int c;
            if (pn && qn) {
                c = Comparator.comparing((String s) -> s.replaceFirst("^0+(?=.)", "").length())
                        .thenComparing(s -> s.replaceFirst("^0+(?=.)", "")).compare(p, q);
            } else {
                c = p.compareTo(q);
            }
            if (c != 0) return -c;
        }
        int c = Integer.compare(x.size(), y.size());
        return c != 0 ? c : a.compareTo(b);
    }

    /** A small JSON writer: objects one key a line, arrays of scalars on one line; keys keep map order. */
    static final class Json {
        static String write(Object value) {
            StringBuilder sb = new StringBuilder();
            write(sb, value, "");
            return sb.toString();
        }

        static void write(StringBuilder sb, Object value, String indent) {
            if (value instanceof Map<?, ?> map) {
                if (map.isEmpty()) {
                    sb.append("{}");
                    return;
                }
                sb.append("{\n");
                String inner = indent + "  ";
                int i = 0;
                for (var e : map.entrySet()) {
                    sb.append(inner);
                    string(sb, e.getKey().toString());
                    sb.append(": ");
                    write(sb, e.getValue(), inner);
                    sb.append(++i < map.size() ? ",\n" : "\n");
                }
                sb.append(indent).append('}');
            } else if (value instanceof Iterable<?> items) {
                List<Object> all = new ArrayList<>();
                items.forEach(all::add);
                boolean flat = all.stream().noneMatch(o -> o instanceof Map || o instanceof Iterable);
                if (flat) {
                    sb.append('[');
                    for (int i = 0; i < all.size(); i++) {
                        if (i > 0) sb.append(", ");
                        write(sb, all.get(i), indent);
                    }
                    sb.append(']');
                    return;
                }
                sb.append("[\n");
                String inner = indent + "  ";
                for (int i = 0; i < all.size(); i++) {
                    sb.append(inner);
                    write(sb, all.get(i), inner);
                    sb.append(i + 1 < all.size() ? ",\n" : "\n");
                }
                sb.append(indent).append(']');
            } else if (value instanceof String s) {
                string(sb, s);
            } else {
                sb.append(value); // numbers, booleans, null
            }
        }

        static void string(StringBuilder sb, String s) {
            sb.append('"');
            for (char c : s.toCharArray()) {
                switch (c) {
                    case '"' -> sb.append("\\\"");
                    case '\\' -> sb.append("\\\\");
                    case '\n' -> sb.append("\\n");
                    case '\t' -> sb.append("\\t");
                    case '\r' -> sb.append("\\r");
                    default -> {
                        if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
                        else sb.append(c);
                    }
                }
            }
            sb.append('"');
        }
    }

    /** A small JSON reader for the curated file: objects keep their key order, integers stay integers. */
    static final class JsonReader {
        private final String s;
        private int pos;

        JsonReader(String s) {
            this.s = s;
        }

        Object read() {
            Object v = value();
            skip();
            if (pos != s.length()) throw error("trailing text");
            return v;
        }

        private Object value() {
            skip();
            if (pos >= s.length()) throw error("unexpected end");
            char c = s.charAt(pos);
            if (c == '{') return object();
            if (c == '[') return array();
            if (c == '"') return string();
            if (s.startsWith("true", pos)) return literal("true", Boolean.TRUE);
            if (s.startsWith("false", pos)) return literal("false", Boolean.FALSE);
            if (s.startsWith("null", pos)) return literal("null", null);
            return number();
        }

        private Object literal(String word, Object v) {
            pos += word.length();
            return v;
        }

        private Map<String, Object> object() {
            Map<String, Object> m = new LinkedHashMap<>();
            pos++;
            skip();
            if (peek() == '}') {
                pos++;
                return m;
            }
            while (true) {
                skip();
                String key = string();
                if (m.containsKey(key)) throw error("duplicate key \"" + key + "\"");
                skip();
                expect(':');
                m.put(key, value());
                skip();
                if (peek() == ',') {
                    pos++;
                } else {
                    expect('}');
                    return m;
                }
            }
        }

        private List<Object> array() {
            List<Object> l = new ArrayList<>();
            pos++;
            skip();
            if (peek() == ']') {
                pos++;
                return l;
            }
            while (true) {
                l.add(value());
                skip();
                if (peek() == ',') {
                    pos++;
                } else {
                    expect(']');
                    return l;
                }
            }
        }

        private String string() {
            expect('"');
            StringBuilder sb = new StringBuilder();
            while (pos < s.length()) {
                char c = s.charAt(pos++);
                if (c == '"') return sb.toString();
                if (c == '\\') {
                    char e = s.charAt(pos++);
                    switch (e) {
                        case 'n' -> sb.append('\n');
                        case 't' -> sb.append('\t');
                        case 'r' -> sb.append('\r');
                        case 'b' -> sb.append('\b');
                        case 'f' -> sb.append('\f');
                        case 'u' -> {
                            sb.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
                            pos += 4;
                        }
                        default -> sb.append(e);
                    }
                } else {
                    sb.append(c);
                }
            }
            throw error("unterminated string");
        }

        private Object number() {
            int start = pos;
            while (pos < s.length() && "+-0123456789.eE".indexOf(s.charAt(pos)) >= 0) pos++;
            String n = s.substring(start, pos);
            if (n.isEmpty()) throw error("unexpected character '" + s.charAt(pos) + "'");
            if (n.matches("-?\\d+")) return Integer.valueOf(n);
            return Double.valueOf(n);
        }

        private char peek() {
            if (pos >= s.length()) throw error("unexpected end");
            return s.charAt(pos);
        }

        private void expect(char c) {
            if (peek() != c) throw error("expected '" + c + "'");
            pos++;
        }

        private void skip() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) pos++;
        }

        private IllegalArgumentException error(String message) {
            int line = 1;
            for (int i = 0; i < Math.min(pos, s.length()); i++) if (s.charAt(i) == '\n') line++;
            return new IllegalArgumentException("curated JSON line " + line + ": " + message);
        }
    }
}
