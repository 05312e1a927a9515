package dev.dockfit.dockerfile.model;

/**
 * A {@code --flag} word before an instruction's arguments, as BuildKit's parser returns it (quotes removed).
 *
 * @param raw the whole word, e.g. {@code --mount=type=cache,target=/root/.npm}
 */
public record Flag(String raw, Span span) {

    /** The name without dashes: {@code mount}. */
    public String name() {
        String body = raw.startsWith("--") ? raw.substring(2) : raw;
        int eq = body.indexOf('=');
        return eq < 0 ? body : body.substring(0, eq);
    }

    /** True when {@link #name()} equals {@code name}; hot: compares in place, without cutting the name out. */
    public boolean hasName(String name) {
        int start = raw.startsWith("--") ? 2 : 0;
        int eq = raw.indexOf('=', start);
        int end = eq < 0 ? raw.length() : eq;
        return end - start == name.length() && raw.startsWith(name, start);
    }

    /** The text after the first {@code =}, or null for a bare flag such as {@code --link}. */
    public String value() {
        int eq = raw.indexOf('=');
        return eq < 0 ? null : raw.substring(eq + 1);
    }
}
