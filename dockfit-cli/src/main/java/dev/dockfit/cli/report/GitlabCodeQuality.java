package dev.dockfit.cli.report;

import dev.dockfit.cli.Json;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockfit.finding.Finding;
import dev.dockfit.finding.Severity;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * GitLab's Code Quality report (a Code Climate subset). The fingerprint hashes the file, the rule and the
 * text of the line the finding is on (plus an occurrence number), not the line number, so a finding keeps its
 * identity when lines above it move and GitLab does not show it as fixed and new.
 */
public final class GitlabCodeQuality {
    private GitlabCodeQuality() {
    }

    public static ArrayNode toJson(List<CheckedSource> sources) {
        ArrayNode issues = Json.MAPPER.createArrayNode();
        for (CheckedSource s : sources) {
            Map<String, Integer> seen = new HashMap<>();
            for (Finding f : s.findings()) {
                int line = f.location().hasPosition() ? f.location().line() : 1;
                String key = s.path() + "\0" + f.rule() + "\0" + s.line(line).strip();
                int occurrence = seen.merge(key, 1, Integer::sum);
                ObjectNode i = issues.addObject();
                i.put("description", f.message());
                i.put("check_name", f.rule());
                i.put("fingerprint", sha256(key + "\0" + occurrence));
                i.put("severity", severity(f.severity()));
                i.putObject("location").put("path", s.path()).putObject("lines").put("begin", line);
            }
        }
        return issues;
    }

    /** Code Climate's scale: info, minor, major, critical, blocker. */
    static String severity(Severity s) {
        return switch (s) {
            case ERROR -> "critical";
            case WARNING -> "major";
            case INFO -> "minor";
            case STYLE -> "info";
        };
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
