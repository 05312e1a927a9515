package dev.dockfit.dockerfile.parser;

import dev.dockfit.dockerfile.model.Directive;
import dev.dockfit.dockerfile.model.Span;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parser directives as BuildKit reads them: only while every line so far has been a directive; a line
 * that is anything else (a blank line, another comment, an instruction) ends them for good. Names are
 * case-insensitive; each may appear once; an {@code escape} directive takes effect at once.
 */
final class DirectiveReader {
    private static final Pattern DIRECTIVE = Pattern.compile("^([a-zA-Z][a-zA-Z0-9]*)\\s*=\\s*(.+?)\\s*$");
    private static final Set<String> NAMES = Set.of("syntax", "escape", "check");

    private final Set<String> seen = new HashSet<>();
    private boolean done;
    private char escape = '\\';

    char escapeToken() {
        return escape;
    }

    /**
     * Looks at a line (newline trimmed, leading blanks trimmed); returns the directive it holds, or null.
     *
     * @param line the byte view of the whole source; the line is {@code [from, to)}
     */
    Directive offer(String line, int from, int to, int lineNumber) throws DockerfileParseException {
        if (done) return null;
        if (from >= to || line.charAt(from) != '#') {
            done = true;
            return null;
        }
        int body = GoText.skipSpaceForward(line, from + 1, to);
        Matcher m = DIRECTIVE.matcher(line.substring(body, to));
        if (!m.matches()) {
            done = true;
            return null;
        }
        String name = m.group(1).toLowerCase(Locale.ROOT);
        if (!NAMES.contains(name)) {
            done = true;
            return null;
        }
        if (!seen.add(name)) {
            throw new DockerfileParseException("only one " + name + " parser directive can be used", lineNumber, 1);
        }
        String value = GoText.decode(m.group(2));
        if (name.equals("escape")) {
            if (!value.equals("`") && !value.equals("\\")) {
                throw new DockerfileParseException("invalid escape token '" + value + "' does not match ` or \\",
                        lineNumber, 1);
            }
            escape = value.charAt(0);
        }
        return new Directive(name, value, new Span(from, to));
    }
}
