package dev.dockfit.image.analysis;

import dev.dockfit.image.fs.ContentVisitor;
import dev.dockfit.image.fs.MergedFilesystem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Pattern;

/**
 * Looks for well-known token formats in small text files during the walk (the files are not kept). System and
 * dependency trees are skipped: their test fixtures and documentation carry example keys.
 */
final class SecretScanner implements ContentVisitor {
    /** A token found in a file of a layer. */
    record Hit(int layer, String path, String kind) {
    }

    /** Extensions of configuration and source files, scanned whatever their name. */
    private static final Set<String> TEXT_EXTENSIONS = Set.of("env", "json", "yaml", "yml", "properties", "conf",
            "cfg", "ini", "toml", "sh", "js", "mjs", "cjs", "ts", "py", "rb", "php", "go", "java", "kt", "cs", "tf",
            "tfvars");
    /** Plain text ({@code .txt}) is scanned when its name holds one of these. */
    private static final List<String> CREDENTIAL_WORDS = List.of("secret", "token", "key", "cred", "passw", "auth");
    private static final Pattern SKIPPED = Pattern.compile(
            "^/(usr|lib|lib32|lib64|bin|sbin|boot|proc|sys|dev|var/lib|var/cache|etc/ssl|opt/java)/.*"
                    + "|.*/(node_modules|site-packages|dist-packages|vendor|\\.git|test|tests|testdata|__tests__|examples?)/.*");
    /** AWS's documentation keys, copied into READMEs and samples everywhere. */
    private static final List<String> PLACEHOLDERS = List.of("AKIAIOSFODNN7EXAMPLE", "EXAMPLEKEY");

    private final ConcurrentLinkedQueue<Hit> hits = new ConcurrentLinkedQueue<>();

    @Override
    public boolean wants(String path, long size, int mode) {
        return size > 0 && size <= Secrets.MAX_SCANNED && !Secrets.CANDIDATES.wants(path, size)
                && isTextFile(path) && !SKIPPED.matcher(path).matches();
    }

    /**
     * Configuration and source files by extension, plain text only when its name suggests a credential; letters
     * compared in any ASCII case. String tests, not a regular expression: this runs for every small file of every
     * layer. They accept exactly what the former {@code (?i).*\.(EXTENSION|...)$} or {@code (?i).*}, a slash,
     * {@code [^/]*(WORD|...)[^/]*\.txt$} matched, line terminators included (a {@code .} does not match them).
     */
    static boolean isTextFile(String path) {
        int slash = path.lastIndexOf('/');
        if (hasLineTerminator(path, 0, slash + 1)) return false;
        String name = asciiLowerCase(path.substring(slash + 1));
        int dot = name.lastIndexOf('.');
        if (dot >= 0 && TEXT_EXTENSIONS.contains(name.substring(dot + 1)) && !hasLineTerminator(name, 0, name.length())) {
            return true;
        }
        if (slash < 0 || !name.endsWith(".txt")) return false;
        String stem = name.substring(0, name.length() - 4);
        for (String word : CREDENTIAL_WORDS) if (stem.contains(word)) return true;
        return false;
    }

    private static boolean hasLineTerminator(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') return true;
        }
        return false;
    }

    /** {@code (?i)} without UNICODE_CASE folds ASCII letters only. */
    private static String asciiLowerCase(String s) {
        char[] c = null;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch >= 'A' && ch <= 'Z') {
                if (c == null) c = s.toCharArray();
                c[i] = (char) (ch + ('a' - 'A'));
            }
        }
        return c == null ? s : new String(c);
    }

    @Override
    public void visit(int layer, String path, long size, int mode, InputStream content) throws IOException {
        // ISO-8859-1 maps bytes to chars one to one: cheaper than UTF-8 decoding, and the token formats are ASCII.
        String text = new String(content.readNBytes((int) Secrets.MAX_SCANNED), StandardCharsets.ISO_8859_1);
        for (String placeholder : PLACEHOLDERS) if (text.contains(placeholder)) return;
        Optional<String> kind = Secrets.token(text, true);
        kind.ifPresent(k -> hits.add(new Hit(layer, path, k)));
    }

    /** Hits in files still visible at the end (a secret added then deleted is a different problem: it is in a layer). */
    List<Hit> hits(MergedFilesystem fs, boolean includeDeleted) {
        List<Hit> out = new ArrayList<>();
        for (Hit h : hits) {
            boolean visible = fs.get(h.path()).map(v -> v.layer() == h.layer()).orElse(false);
            if (visible || includeDeleted) out.add(h);
        }
        out.sort(java.util.Comparator.comparing(Hit::path).thenComparingInt(Hit::layer));
        return out;
    }
}
