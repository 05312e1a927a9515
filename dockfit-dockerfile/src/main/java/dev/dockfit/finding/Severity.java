package dev.dockfit.finding;

import java.util.Locale;

/** How serious a finding is; ordered from most to least serious. */
public enum Severity {
    ERROR, WARNING, INFO, STYLE;

    /** Worked out once: every output format asks for it on every finding. */
    private final String id = name().toLowerCase(Locale.ROOT);

    /** The lower-case name used in configuration and every output format. */
    public String id() {
        return id;
    }

    /** True when this severity is at least as serious as {@code threshold}. */
    public boolean atLeast(Severity threshold) {
        return ordinal() <= threshold.ordinal();
    }

    public static Severity parse(String text) {
        for (Severity s : values()) {
            if (s.id().equalsIgnoreCase(text.trim())) return s;
        }
        throw new IllegalArgumentException("unknown severity '" + text + "' (expected error, warning, info or style)");
    }
}
