package dev.dockfit.vuln.store;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * OSV {@code modified} times in one fixed-width UTC spelling, so that string order is time order
 * (feeds write {@code 2024-01-01T00:00:00Z} and {@code 2024-01-01T00:00:00.123456Z} alike).
 */
final class Timestamps {

    private static final DateTimeFormatter CANONICAL = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private Timestamps() {
    }

    /** The canonical spelling of an RFC 3339 time, or null when it is absent or unreadable. */
    static String canonical(String rfc3339) {
        if (rfc3339 == null || rfc3339.isBlank()) return null;
        try {
            return CANONICAL.format(OffsetDateTime.parse(rfc3339.strip()).toInstant());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static Instant parse(String canonical) {
        return canonical == null ? null : OffsetDateTime.parse(canonical).toInstant();
    }
}
