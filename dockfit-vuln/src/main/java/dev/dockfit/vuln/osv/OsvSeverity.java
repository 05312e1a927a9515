package dev.dockfit.vuln.osv;

/** A {@code severity[]} entry: {@code type} CVSS_V2, CVSS_V3, CVSS_V4, Ubuntu, ...; {@code score} the vector or value. */
public record OsvSeverity(String type, String score) {
}
