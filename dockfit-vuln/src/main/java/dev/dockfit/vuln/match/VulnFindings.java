package dev.dockfit.vuln.match;

import dev.dockfit.finding.Finding;
import dev.dockfit.finding.Location;
import dev.dockfit.finding.Practice;
import dev.dockfit.finding.Severity;
import java.util.LinkedHashMap;
import java.util.Map;

/** Turns vulnerability matches into the {@link Finding}s every output format renders. */
public final class VulnFindings {

    /** The rule id of every vulnerability finding; the vulnerability id is in the properties. */
    public static final String RULE = "VULN";

    private VulnFindings() {
    }

    /**
     * One finding for one match. Properties: {@code id}, {@code aliases}, {@code package} (installed binary
     * package), {@code installedVersion}, {@code sourcePackage}, {@code sourceVersion}, {@code fixedVersion}
     * (absent when unfixed), {@code severity} (CRITICAL..UNKNOWN), {@code cvssScore}, {@code severitySource},
     * {@code ecosystem}, {@code purl}, {@code path}, {@code layerIndex}.
     *
     * @param source the scanned image, as the Location's source
     */
    public static Finding toFinding(VulnMatch m, String source) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", m.id());
        p.put("aliases", m.aliases());
        p.put("package", m.pkg().name());
        p.put("installedVersion", m.pkg().version());
        p.put("sourcePackage", m.pkg().sourceName());
        p.put("sourceVersion", m.pkg().sourceVersion());
        if (m.fixedVersion() != null) p.put("fixedVersion", m.fixedVersion());
        p.put("severity", m.severity().severity().name());
        if (m.severity().score() != null) p.put("cvssScore", m.severity().score());
        p.put("severitySource", m.severity().source());
        p.put("ecosystem", m.ecosystem());
        p.put("purl", m.pkg().purl());
        p.put("path", m.pkg().path());
        p.put("layerIndex", m.pkg().layerIndex());
        String message = m.pkg().name() + " " + m.pkg().version() + ": " + m.id() + " (" + m.severity().severity().name() + ")"
                + (m.fixedVersion() != null ? ", fixed in " + m.fixedVersion() : ", no fix available");
        return new Finding(RULE, severity(m.severity().severity()), Practice.VULNERABILITY, message, Location.whole(source),
                m.fixedVersion() != null, p);
    }

    /** CRITICAL and HIGH are errors, MEDIUM a warning, LOW and UNKNOWN information. */
    public static Severity severity(VulnSeverity s) {
        return switch (s) {
            case CRITICAL, HIGH -> Severity.ERROR;
            case MEDIUM -> Severity.WARNING;
            case LOW, UNKNOWN -> Severity.INFO;
        };
    }
}
