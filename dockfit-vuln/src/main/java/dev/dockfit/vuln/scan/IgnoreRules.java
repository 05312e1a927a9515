package dev.dockfit.vuln.scan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.dockfit.vuln.match.VulnMatch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The ignore file of {@code dockfit scan --ignore-file}: accepted vulnerabilities, each by id (or alias, or the CVE
 * a distribution id such as {@code DEBIAN-CVE-2023-4911} embeds), optionally only for one package (binary or source
 * name), until an optional expiry date, with a reason.
 *
 * <pre>
 * ignore:
 *   - id: CVE-2023-4911
 *     package: libc6          # optional: binary or source package name
 *     expires: 2026-12-31     # optional: ignored up to and including this day
 *     reason: not reachable, no setuid binaries in the image
 * </pre>
 */
public record IgnoreRules(List<Rule> rules) {

    public static final IgnoreRules NONE = new IgnoreRules(List.of());

    public record Rule(String id, String pkg, LocalDate expires, String reason) {
        boolean covers(VulnMatch m, LocalDate today) {
            if (expires != null && today.isAfter(expires)) return false;
            if (pkg != null && !pkg.equals(m.pkg().name()) && !pkg.equals(m.pkg().sourceName())) return false;
            if (id.equalsIgnoreCase(m.id()) || m.aliases().stream().anyMatch(id::equalsIgnoreCase)) return true;
            // Distribution ids embed the CVE (DEBIAN-CVE-…, ALPINE-SECDB-v3.10-CVE-…, BELL-CVE-…) and often list no alias.
            String upper = id.toUpperCase(java.util.Locale.ROOT);
            return upper.startsWith("CVE-") && m.id().toUpperCase(java.util.Locale.ROOT).endsWith("-" + upper);
        }
    }

    public IgnoreRules {
        rules = List.copyOf(rules);
    }

    /** The rule that ignores this match today, if any. */
    public java.util.Optional<Rule> ruleFor(VulnMatch m, LocalDate today) {
        return rules.stream().filter(r -> r.covers(m, today)).findFirst();
    }

    /** Reads the YAML file; an IOException carries a one-line message naming the file and the bad entry. */
    public static IgnoreRules read(Path file) throws IOException {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new IOException(file + ": " + firstLine(e.getMessage()));
        }
        if (root == null || root.isMissingNode() || root.isNull()) return NONE;
        JsonNode list = root.path("ignore");
        if (!list.isArray()) throw new IOException(file + ": expected a top-level 'ignore:' list");
        List<Rule> rules = new ArrayList<>();
        int n = 0;
        for (JsonNode entry : list) {
            n++;
            String where = file + ": ignore entry " + n;
            if (entry.isTextual()) {
                rules.add(new Rule(entry.asText(), null, null, ""));
                continue;
            }
            String id = entry.path("id").asText("");
            if (id.isBlank()) throw new IOException(where + ": missing 'id'");
            LocalDate expires = null;
            if (entry.hasNonNull("expires")) {
                try {
                    expires = LocalDate.parse(entry.get("expires").asText());
                } catch (DateTimeParseException e) {
                    throw new IOException(where + ": 'expires' must be a date YYYY-MM-DD, got '" + entry.get("expires").asText() + "'");
                }
            }
            String pkg = entry.hasNonNull("package") ? entry.get("package").asText() : null;
            rules.add(new Rule(id, pkg, expires, entry.path("reason").asText("")));
        }
        return new IgnoreRules(rules);
    }

    private static String firstLine(String s) {
        if (s == null) return "malformed YAML";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
