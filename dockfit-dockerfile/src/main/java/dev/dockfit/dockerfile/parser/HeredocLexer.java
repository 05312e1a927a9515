package dev.dockfit.dockerfile.parser;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the here-documents an instruction line opens, with BuildKit's rules: the line is split into words
 * by its shell lexer (escape always {@code \}, quotes and escapes kept, unset variables kept, and
 * {@code <<} glued to the blanks after it); every word shaped like {@code [n]<<[-]WORD} opens one; a quote
 * anywhere in the delimiter turns expansion off. A line the lexer rejects (an open quote) opens none.
 */
final class HeredocLexer {
    private static final Pattern HEREDOC = Pattern.compile("^(\\d*)<<(-?)[\\t\\n\\f\\r ]*([^<]*)$");

    /** A heredoc opener; {@code name} is a byte string. */
    record Opener(String name, int fileDescriptor, boolean chomp, boolean expand) {
    }

    private final String s;
    private final boolean rawQuotes;
    private final boolean rawEscapes;
    private int pos;
    private final List<String> words = new ArrayList<>();
    private final StringBuilder buf = new StringBuilder();
    private boolean inWord;

    private HeredocLexer(String s, boolean rawQuotes, boolean rawEscapes) {
        this.s = s;
        this.rawQuotes = rawQuotes;
        this.rawEscapes = rawEscapes;
    }

    static List<Opener> openers(String line) throws DockerfileParseException {
        List<String> lineWords = new HeredocLexer(line, true, true).words();
        List<Opener> out = new ArrayList<>();
        if (lineWords == null) return out;
        for (String w : lineWords) {
            Matcher m = HEREDOC.matcher(w);
            if (!m.matches()) continue;
            Opener o = opener(m.group(1), m.group(2), m.group(3));
            if (o != null) out.add(o);
        }
        return out;
    }

    private static Opener opener(String fd, String dash, String rest) throws DockerfileParseException {
        if (rest.isEmpty()) return null;
        List<String> cooked = new HeredocLexer(rest, false, false).words();
        List<String> raw = new HeredocLexer(rest, true, false).words();
        if (cooked == null || raw == null) {
            throw new DockerfileParseException("failed to process heredoc delimiter " + GoText.quote(rest), 0, 0);
        }
        if (cooked.size() != 1) return null;
        if (raw.size() != 1) {
            throw new DockerfileParseException("internal lexing of heredoc produced inconsistent results: "
                    + GoText.decode(rest), 0, 0);
        }
        int n = 0;
        try {
            n = fd.isEmpty() ? 0 : Integer.parseInt(fd);
        } catch (NumberFormatException tooLarge) {
            n = Integer.MAX_VALUE;
        }
        String name = cooked.get(0);
        boolean expand = quotes(name) == quotes(raw.get(0));
        return new Opener(name, n, dash.equals("-"), expand);
    }

    private static int quotes(String w) {
        int n = 0;
        for (int i = 0; i < w.length(); i++) if (w.charAt(i) == '\'' || w.charAt(i) == '"') n++;
        return n;
    }

    /** The words of the text, or null when the lexer rejects it. */
    private List<String> words() {
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c == '$') {
                String v = dollar();
                if (v == null) return null;
                for (int i = 0; i < v.length(); i++) addChar(v.charAt(i));
            } else if (c == '<') {
                pos++;
                if (pos < s.length() && s.charAt(pos) == '<') {
                    int start = pos - 1;
                    pos++;
                    while (pos < s.length() && (s.charAt(pos) == ' ' || s.charAt(pos) == '\t')) pos++;
                    addRaw(s.substring(start, pos));
                } else {
                    addRaw("<");
                }
            } else if (c == '\'') {
                int close = s.indexOf('\'', pos + 1);
                if (close < 0) return null;
                addRaw(rawQuotes ? s.substring(pos, close + 1) : s.substring(pos + 1, close));
                pos = close + 1;
            } else if (c == '"') {
                String v = doubleQuoted();
                if (v == null) return null;
                addRaw(v);
            } else if (c == '\\') {
                pos++;
                if (rawEscapes) addRaw("\\");
                if (pos >= s.length()) break;
                addRaw(String.valueOf(s.charAt(pos++)));
            } else {
                addChar(c);
                pos++;
            }
        }
        if (inWord && buf.length() > 0) words.add(buf.toString());
        return words;
    }

    private String doubleQuoted() {
        StringBuilder out = new StringBuilder();
        pos++;
        if (rawQuotes) out.append('"');
        while (true) {
            if (pos >= s.length()) return null;
            char c = s.charAt(pos);
            if (c == '"') {
                pos++;
                if (rawQuotes) out.append('"');
                return out.toString();
            }
            if (c == '$') {
                String v = dollar();
                if (v == null) return null;
                out.append(v);
                continue;
            }
            pos++;
            if (c == '\\') {
                if (rawEscapes) out.append(c);
                if (pos >= s.length()) continue;
                char n = s.charAt(pos);
                if (n == '"' || n == '$' || n == '\\') {
                    c = n;
                    pos++;
                }
            }
            out.append(c);
        }
    }

    /** A {@code $} reference kept as written (no variable is set while looking for heredocs). */
    private String dollar() {
        int start = pos++;
        if (pos < s.length() && s.charAt(pos) == '{') {
            if (pos + 1 >= s.length()) return null;
            char first = s.charAt(pos + 1);
            if (first == '{' || first == '}' || first == ':') return null;
            int close = s.indexOf('}', pos + 1);
            if (close < 0) return null;
            pos = close + 1;
            return s.substring(start, pos);
        }
        if (pos < s.length() && "@*#?-$!0".indexOf(s.charAt(pos)) >= 0) {
            pos++;
        } else {
            while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) && s.charAt(pos) < 0x80
                    || s.charAt(pos) == '_')) {
                pos++;
            }
        }
        return s.substring(start, pos);
    }

    private void addChar(char c) {
        boolean space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x0B || c == '\f';
        if (space) {
            if (inWord && buf.length() > 0) {
                words.add(buf.toString());
                buf.setLength(0);
                inWord = false;
            }
        } else {
            buf.append(c);
            inWord = true;
        }
    }

    private void addRaw(String text) {
        buf.append(text);
        inWord = true;
    }
}
