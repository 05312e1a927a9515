package dev.dockfit.dockerfile.parser;

import java.util.ArrayList;
import java.util.List;

/**
 * Decides, as Go's encoding/json does, whether text is exactly one JSON array, and if so returns its
 * elements with their offsets. Strings are returned as UTF-8 byte strings (invalid UTF-8 and lone
 * surrogates become U+FFFD, as in Go).
 */
final class JsonArray {

    /** One element: {@code value} is null for a non-string element; [start, end) covers it in the input. */
    record Element(String value, int start, int end) {
    }

    /** Thrown for text that is not valid JSON: the caller falls back to the shell form. */
    static final class SyntaxError extends Exception {
        private static final long serialVersionUID = 1L;

        SyntaxError(String message) {
            super(message, null, false, false);
        }
    }

    private final String s;
    private final int end;
    private int pos;

    private JsonArray(String s, int from, int end) {
        this.s = s;
        this.pos = from;
        this.end = end;
    }

    /** Parses {@code s[from, end)}, which starts with '['. */
    static List<Element> parse(String s, int from, int end) throws SyntaxError {
        JsonArray p = new JsonArray(s, from, end);
        p.skipWs();
        List<Element> elements = p.array(0);
        p.skipWs();
        if (p.pos != end) throw new SyntaxError("invalid character after top-level value");
        return elements;
    }

    private List<Element> array(int depth) throws SyntaxError {
        if (depth > 10000) throw new SyntaxError("exceeded max depth");
        expect('[');
        List<Element> out = new ArrayList<>();
        skipWs();
        if (peek() == ']') {
            pos++;
            return out;
        }
        while (true) {
            skipWs();
            int start = pos;
            String str = value(depth);
            out.add(new Element(str, start, pos));
            skipWs();
            int c = next();
            if (c == ']') return out;
            if (c != ',') throw new SyntaxError("expected , or ]");
        }
    }

    /** Parses any value; returns its string bytes for a string, else null. */
    private String value(int depth) throws SyntaxError {
        int c = peek();
        switch (c) {
            case '"':
                return string();
            case '[':
                array(depth + 1);
                return null;
            case '{':
                object(depth + 1);
                return null;
            case 't':
                literal("true");
                return null;
            case 'f':
                literal("false");
                return null;
            case 'n':
                literal("null");
                return null;
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    number();
                    return null;
                }
                throw new SyntaxError("invalid character looking for beginning of value");
        }
    }

    private void object(int depth) throws SyntaxError {
        if (depth > 10000) throw new SyntaxError("exceeded max depth");
        expect('{');
        skipWs();
        if (peek() == '}') {
            pos++;
            return;
        }
        while (true) {
            skipWs();
            if (peek() != '"') throw new SyntaxError("expected string key");
            string();
            skipWs();
            expect(':');
            skipWs();
            value(depth);
            skipWs();
            int c = next();
            if (c == '}') return;
            if (c != ',') throw new SyntaxError("expected , or }");
        }
    }

    private void literal(String word) throws SyntaxError {
        if (!s.startsWith(word, pos) || pos + word.length() > end) throw new SyntaxError("invalid literal");
        pos += word.length();
    }

    private void number() throws SyntaxError {
        if (peek() == '-') pos++;
        if (peek() == '0') {
            pos++;
        } else if (isDigit(peek())) {
            while (isDigit(peek())) pos++;
        } else {
            throw new SyntaxError("invalid number");
        }
        if (peek() == '.') {
            pos++;
            if (!isDigit(peek())) throw new SyntaxError("invalid number");
            while (isDigit(peek())) pos++;
        }
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            if (peek() == '+' || peek() == '-') pos++;
            if (!isDigit(peek())) throw new SyntaxError("invalid number");
            while (isDigit(peek())) pos++;
        }
    }

    private String string() throws SyntaxError {
        expect('"');
        StringBuilder out = new StringBuilder();
        while (true) {
            if (pos >= end) throw new SyntaxError("unexpected end of JSON input");
            int c = s.charAt(pos) & 0xFF;
            if (c == '"') {
                pos++;
                return out.toString();
            }
            if (c < 0x20) throw new SyntaxError("invalid character in string literal");
            if (c == '\\') {
                pos++;
                int e = next();
                switch (e) {
                    case '"', '\\', '/' -> out.append((char) e);
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'u' -> appendUtf8(out, unicodeEscape());
                    default -> throw new SyntaxError("invalid escape");
                }
                continue;
            }
            if (c < 0x80) {
                out.append((char) c);
                pos++;
                continue;
            }
            int cp = GoText.runeAt(s, pos);
            int w = GoText.width(cp);
            if (cp < 0 || pos + w > end) {
                out.append(GoText.RUNE_ERROR);
                pos++;
            } else {
                out.append(s, pos, pos + w);
                pos += w;
            }
        }
    }

    private int unicodeEscape() throws SyntaxError {
        int cp = hex4();
        if (cp >= 0xD800 && cp < 0xDC00) {
            // A high surrogate pairs only with an immediately following \\u low surrogate.
            if (pos + 6 <= end && s.charAt(pos) == '\\' && s.charAt(pos + 1) == 'u') {
                int save = pos;
                pos += 2;
                int low = hex4();
                if (low >= 0xDC00 && low < 0xE000) return 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                pos = save;
            }
            return 0xFFFD;
        }
        if (cp >= 0xDC00 && cp < 0xE000) return 0xFFFD;
        return cp;
    }

    private int hex4() throws SyntaxError {
        if (pos + 4 > end) throw new SyntaxError("invalid \\u escape");
        int v = 0;
        for (int i = 0; i < 4; i++) {
            int d = Character.digit(s.charAt(pos + i), 16);
            if (d < 0 || s.charAt(pos + i) > 0x7F) throw new SyntaxError("invalid \\u escape");
            v = v * 16 + d;
        }
        pos += 4;
        return v;
    }

    private static void appendUtf8(StringBuilder out, int cp) {
        byte[] b = new String(Character.toChars(cp)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (byte x : b) out.append((char) (x & 0xFF));
    }

    private void skipWs() {
        while (pos < end) {
            char c = s.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') break;
            pos++;
        }
    }

    private int peek() {
        return pos < end ? s.charAt(pos) & 0xFF : -1;
    }

    private int next() throws SyntaxError {
        if (pos >= end) throw new SyntaxError("unexpected end of JSON input");
        return s.charAt(pos++) & 0xFF;
    }

    private void expect(char c) throws SyntaxError {
        if (next() != c) throw new SyntaxError("expected " + c);
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }
}
