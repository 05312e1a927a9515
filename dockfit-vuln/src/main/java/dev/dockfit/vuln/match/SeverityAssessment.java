package dev.dockfit.vuln.match;

import dev.dockfit.vuln.osv.OsvAffected;
import dev.dockfit.vuln.osv.OsvRecord;
import dev.dockfit.vuln.osv.OsvSeverity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * The severity of one vulnerability for one package, and where it came from.
 *
 * @param score  the CVSS base score it was rated from, or null
 * @param source {@code CVSS_V3}, {@code CVSS_V4}, {@code CVSS_V2}, {@code database_specific}, {@code urgency} or {@code none}
 * @param note   why a better source was not used (a malformed vector), or null
 */
public record SeverityAssessment(VulnSeverity severity, Double score, String source, String note) {

    /**
     * Rates the affected entry of {@code record}: its CVSS vector (package-level scores first, then the
     * record's; v3, then v4.0, then v2), else {@code database_specific.severity}, else the ecosystem's urgency, else UNKNOWN.
     */
    public static SeverityAssessment of(OsvRecord record, OsvAffected affected) {
        List<OsvSeverity> scores = new ArrayList<>(affected.severity());
        scores.addAll(record.severity());
        String note = null;
        for (String type : List.of("CVSS_V3", "CVSS_V4", "CVSS_V2")) {
            for (OsvSeverity s : scores) {
                if (!s.type().equals(type)) continue;
                OptionalDouble score = switch (type) {
                    case "CVSS_V3" -> Cvss.v3BaseScore(s.score());
                    case "CVSS_V4" -> Cvss40.score(s.score());
                    default -> Cvss.v2BaseScore(s.score());
                };
                if (score.isEmpty()) {
                    note = "malformed " + type + " vector " + s.score();
                    continue;
                }
                double v = score.getAsDouble();
                VulnSeverity rating = type.equals("CVSS_V2") ? v2Rating(v) : VulnSeverity.fromCvssScore(v);
                return new SeverityAssessment(rating, v, type, null);
            }
        }
        for (String text : new String[] {affected.databaseSeverity(), record.databaseSeverity()}) {
            VulnSeverity named = named(text);
            if (named != null) return new SeverityAssessment(named, null, "database_specific", note);
        }
        VulnSeverity urgency = urgency(affected.urgency());
        if (urgency != null) return new SeverityAssessment(urgency, null, "urgency", note);
        return new SeverityAssessment(VulnSeverity.UNKNOWN, null, "none", note);
    }

    private static VulnSeverity v2Rating(double score) {
        if (score >= 7.0) return VulnSeverity.HIGH;
        if (score >= 4.0) return VulnSeverity.MEDIUM;
        return VulnSeverity.LOW;
    }

    private static VulnSeverity named(String text) {
        if (text == null) return null;
        return switch (text.trim().toUpperCase(Locale.ROOT)) {
            case "CRITICAL" -> VulnSeverity.CRITICAL;
            case "HIGH", "IMPORTANT" -> VulnSeverity.HIGH;
            case "MODERATE", "MEDIUM" -> VulnSeverity.MEDIUM;
            case "LOW", "NEGLIGIBLE" -> VulnSeverity.LOW;
            default -> null;
        };
    }

    /** Debian's changelog/tracker urgency; {@code low*} marks a guessed value and rates the same. */
    private static VulnSeverity urgency(String text) {
        if (text == null) return null;
        String u = text.trim().toLowerCase(Locale.ROOT).replace("*", "");
        return switch (u) {
            case "unimportant", "low" -> VulnSeverity.LOW;
            case "medium" -> VulnSeverity.MEDIUM;
            case "high", "emergency" -> VulnSeverity.HIGH;
            case "critical" -> VulnSeverity.CRITICAL;
            default -> null;
        };
    }
}
