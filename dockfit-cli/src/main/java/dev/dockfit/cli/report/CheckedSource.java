package dev.dockfit.cli.report;

import dev.dockfit.finding.Finding;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One checked source and its findings, with the source text so that formats can quote lines (code frames,
 * stable fingerprints). Formats only render these; they never compute findings.
 *
 * @param path as the user named it ({@code -} for standard input)
 * @param text the source (empty when it could not be read)
 */
public record CheckedSource(String path, String text, List<Finding> findings) {
    public CheckedSource {
        findings = List.copyOf(findings);
    }

    public static CheckedSource of(String path, byte[] bytes, List<Finding> findings) {
        return new CheckedSource(path, new String(bytes, StandardCharsets.UTF_8), findings);
    }

    /** The 1-based line without its line break, or "" past the end. */
    public String line(int n) {
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
        return sources.stream().flatMap(s -> s.findings().stream()).toList();
    }
}
