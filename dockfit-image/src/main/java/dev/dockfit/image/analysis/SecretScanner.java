package dev.dockfit.image.analysis;

import dev.dockfit.image.fs.ContentVisitor;
import dev.dockfit.image.fs.MergedFilesystem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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

    private static final Pattern TEXT_FILE = Pattern.compile(
            "(?i).*\\.(env|json|ya?ml|properties|conf|cfg|ini|toml|sh|txt|xml|js|mjs|cjs|ts|py|rb|php|go|java|kt|cs|tf|tfvars)$");
    private static final Pattern SKIPPED = Pattern.compile(
            "^/(usr|lib|lib32|lib64|bin|sbin|boot|proc|sys|dev|var/lib|var/cache|etc/ssl|opt/java)/.*"
                    + "|.*/(node_modules|site-packages|dist-packages|vendor|\\.git|test|tests|testdata|__tests__|examples?)/.*");
    /** The placeholder keys that documentation everywhere uses. */
    private static final Pattern EXAMPLE = Pattern.compile("AKIAIOSFODNN7EXAMPLE|EXAMPLEKEY|xxxxxxxx", Pattern.CASE_INSENSITIVE);

    private final ConcurrentLinkedQueue<Hit> hits = new ConcurrentLinkedQueue<>();

    @Override
    public boolean wants(String path, long size, int mode) {
        return size > 0 && size <= Secrets.MAX_SCANNED && !Secrets.CANDIDATES.wants(path, size)
                && TEXT_FILE.matcher(path).matches() && !SKIPPED.matcher(path).matches();
    }

    @Override
    public void visit(int layer, String path, long size, int mode, InputStream content) throws IOException {
        String text = new String(content.readNBytes((int) Secrets.MAX_SCANNED), StandardCharsets.UTF_8);
        if (EXAMPLE.matcher(text).find()) return;
        Optional<String> kind = Secrets.token(text);
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
