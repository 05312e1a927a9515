package dev.dockfit.vuln.match;

import java.util.Locale;

/** Vulnerability severity as scanners report it, most serious first. */
public enum VulnSeverity {
    CRITICAL, HIGH, MEDIUM, LOW, UNKNOWN;

    /** The CVSS v3/v4 qualitative rating of a base score (0.0 rates LOW: a record exists, so it is reported). */
    public static VulnSeverity fromCvssScore(double score) {
        if (score >= 9.0) return CRITICAL;
        if (score >= 7.0) return HIGH;
        if (score >= 4.0) return MEDIUM;
        return LOW;
    }

    /** True when this severity is at least as serious as {@code threshold} (UNKNOWN is below LOW). */
    public boolean atLeast(VulnSeverity threshold) {
        return ordinal() <= threshold.ordinal();
    }

    public static VulnSeverity parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown severity '" + text + "' (expected critical, high, medium, low or unknown)");
        }
    }
}
