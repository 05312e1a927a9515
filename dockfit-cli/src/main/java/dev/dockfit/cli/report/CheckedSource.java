package dev.dockfit.cli.report;

import dev.dockfit.finding.Finding;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One checked source and its findings, with the source text so that formats can quote lines (code frames,
 * stable fingerprints). Formats only render these; they never compute findings.
 *
 * <p>The text is decoded from the source's bytes when a format first asks for it: most formats (JSON, SARIF)
 * never do, and decoding every linted file a second time (the parser reads the bytes itself) was a measurable
 * part of a large lint.
 */
public final class CheckedSource {
    private final String path;
    private final List<Finding> findings;
    /** The undecoded source while {@link #text} is null (both null when the text is not kept); never modified. */
    private final byte[] bytes;
    private String text;

    /**
     * @param path as the user named it ({@code -} for standard input)
     * @param text the source (empty when it could not be read)
     */
    public CheckedSource(String path, String text, List<Finding> findings) {
        this(path, null, text, findings);
    }

    private CheckedSource(String path, byte[] bytes, String text, List<Finding> findings) {
        this.path = path;
        this.bytes = bytes;
        this.text = text;
        this.findings = List.copyOf(findings);
    }

    /** A source given as its UTF-8 bytes, which the caller must not change afterwards. */
    public static CheckedSource of(String path, byte[] bytes, List<Finding> findings) {
        return new CheckedSource(path, bytes, null, findings);
    }

    /**
     * A source whose text is not kept, for formats that never quote it (all but tty): a large run holds every
     * source until the report is written, and the texts were half of what the collector copied.
     * {@link #text} and {@link #line} fail on it.
     */
    public static CheckedSource withoutText(String path, List<Finding> findings) {
        return new CheckedSource(path, null, null, findings);
    }

    /** As the user named it ({@code -} for standard input). */
    public String path() {
        return path;
    }

    /** The source (empty when it could not be read). */
    public String text() {
        // a racy first decode is harmless: every thread decodes the same bytes to an equal, immutable String
        if (text == null) {
            if (bytes == null) throw new IllegalStateException("the text of " + path + " was not kept");
            text = new String(bytes, StandardCharsets.UTF_8);
        }
        return text;
    }

    public List<Finding> findings() {
        return findings;
    }

    /** The 1-based line without its line break, or "" past the end. */
    public String line(int n) {
        String text = text();
        int start = 0;
        for (int i = 1; i < n; i++) {
            int nl = text.indexOf('\n', start);
            if (nl < 0) return "";
            start = nl + 1;
        }
        int end = text.indexOf('\n', start);
        String line = end < 0 ? text.substring(start) : text.substring(start, end);
        if (line.endsWith("\r")) line = line.substring(0, line.length() - 1);
        if (n == 1 && line.startsWith("\uFEFF")) line = line.substring(1);
        return line;
    }

    public static List<Finding> allFindings(List<CheckedSource> sources) {
        int n = 0;
        for (int i = 0; i < sources.size(); i++) n += sources.get(i).findings().size();
        List<Finding> all = new ArrayList<>(n); // a loop: C1 ran the stream's buffer for as long as the rest of the report
        for (int i = 0; i < sources.size(); i++) all.addAll(sources.get(i).findings());
        return Collections.unmodifiableList(all);
    }
}
