package dev.dockfit.vuln.osv;

import java.util.List;

/**
 * One OSV vulnerability record (https://ossf.github.io/osv-schema/), reduced to what scanning uses.
 *
 * @param modified                 RFC 3339 timestamp as written
 * @param withdrawn                timestamp or null; withdrawn records are ignored by matching
 * @param severity                 record-level severity scores
 * @param databaseSeverity         {@code database_specific.severity} (GHSA: LOW/MODERATE/HIGH/CRITICAL) or null
 */
public record OsvRecord(String id, String modified, String published, String withdrawn, List<String> aliases,
                        String summary, List<OsvSeverity> severity, String databaseSeverity,
                        List<OsvAffected> affected) {

    public OsvRecord {
        aliases = List.copyOf(aliases);
        severity = List.copyOf(severity);
        affected = List.copyOf(affected);
    }

    public boolean isWithdrawn() {
        return withdrawn != null && !withdrawn.isEmpty();
    }
}
