package dev.dockfit.dockerfile.parser;

import java.nio.charset.StandardCharsets;

/**
 * Byte-string helpers that reproduce Go's text semantics, which BuildKit's parser inherits.
 * A "byte string" is a Java String holding one char per source byte (ISO-8859-1), so offsets are byte
 * offsets and invalid UTF-8 survives untouched.
 */
final class GoText {
    /** UTF-8 of U+FFFD as a byte string: what Go writes when it decodes an invalid byte. */
    static final String RUNE_ERROR = new String(new byte[] {(byte) 0xEF, (byte) 0xBF, (byte) 0xBD},
            StandardCharsets.ISO_8859_1);

    private GoText() {
    }

    static String bytes(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    /** Decodes a byte string as UTF-8 (invalid bytes become U+FFFD). */
    static String decode(String byteString) {
        byte[] bytes = byteString.getBytes(StandardCharsets.ISO_8859_1);
        for (byte b : bytes) {
            if (b < 0) return new String(bytes, StandardCharsets.UTF_8);
        }
        return byteString; // ASCII decodes to itself: no second copy
    }

    /**
     * The code point at {@code pos}, or -1 for an invalid byte; see {@link #width}. Hot: per byte of every
     * instruction, so the ASCII case is small enough for C1 to inline.
     */
    static int runeAt(String s, int pos) {
        int b0 = s.charAt(pos) & 0xFF;
        return b0 < 0x80 ? b0 : multiByteRune(s, pos, b0);
    }

    /** The code point of the sequence led by byte {@code b0 >= 0x80} at {@code pos}, or -1 when invalid. */
    private static int multiByteRune(String s, int pos, int b0) {
        int n;
        int cp;
        if (b0 >= 0xC2 && b0 <= 0xDF) {
            n = 1;
            cp = b0 & 0x1F;
        } else if (b0 >= 0xE0 && b0 <= 0xEF) {
            n = 2;
            cp = b0 & 0x0F;
        } else if (b0 >= 0xF0 && b0 <= 0xF4) {
            n = 3;
            cp = b0 & 0x07;
        } else {
            return -1;
        }
        for (int i = 1; i <= n; i++) {
            if (pos + i >= s.length()) return -1;
            int b = s.charAt(pos + i) & 0xFF;
            if ((b & 0xC0) != 0x80) return -1;
            cp = (cp << 6) | (b & 0x3F);
        }
        if (n == 2 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) return -1;
        if (n == 3 && (cp < 0x10000 || cp > 0x10FFFF)) return -1;
        return cp;
    }

    /** How many bytes a rune {@link #runeAt} returned takes (1 for an invalid byte, -1). */
    static int width(int cp) {
        return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4; // an invalid byte (-1) is one byte too
    }

    /** Go's unicode.IsSpace; hot: per byte, so the ASCII test is small enough for C1 to inline. */
    static boolean isSpace(int cp) {
        return cp <= ' ' ? cp == ' ' || cp >= '\t' && cp <= '\r' : cp >= 0x85 && isNonAsciiSpace(cp);
    }

    private static boolean isNonAsciiSpace(int cp) {
        return cp == 0x85 || cp == 0xA0 || cp == 0x1680 || cp >= 0x2000 && cp <= 0x200A || cp == 0x2028
                || cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000;
    }

    /** The characters of BuildKit's {@code [\t\v\f\r ]+} whitespace regexp. */
    static boolean isBlank(char c) {
        return c == '\t' || c == 0x0B || c == '\f' || c == '\r' || c == ' ';
    }

    /** Index of the first byte after leading Unicode spaces (Go's TrimLeftFunc(unicode.IsSpace)). */
    static int skipSpaceForward(String s, int from, int to) {
        int i = from;
        while (i < to) {
            int cp = runeAt(s, i);
            if (cp < 0 || !isSpace(cp)) break;
            i += width(cp);
        }
        return i;
    }

    /** Index after the last non-space rune in [from, to) (Go's TrimRightFunc(unicode.IsSpace)). */
    static int skipSpaceBackward(String s, int from, int to) {
        int end = to;
        while (end > from) {
            int start = end - 1;
            while (start > from && end - start < 4 && (s.charAt(start) & 0xC0) == 0x80) start--;
            int cp = runeAt(s, start);
            // A rune that does not end exactly at 'end' decodes as RuneError, which is not a space.
            if (cp < 0 || start + width(cp) != end || !isSpace(cp)) break;
            end = start;
        }
        return end;
    }

    /** Go's strconv.Quote applied to a byte string. */
    static String quote(String byteString) {
        StringBuilder sb = new StringBuilder(byteString.length() + 2).append('"');
        int i = 0;
        while (i < byteString.length()) {
            int cp = runeAt(byteString, i);
            int w = width(cp);
            if (cp < 0) {
                sb.append(String.format("\\x%02x", byteString.charAt(i) & 0xFF));
                i++;
                continue;
            }
            i += w;
            switch (cp) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case 0x07 -> sb.append("\\a");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case 0x0B -> sb.append("\\v");
                default -> {
                    if (isPrint(cp)) {
                        sb.appendCodePoint(cp);
                    } else if (cp < 0x20 || cp == 0x7F) {
                        sb.append(String.format("\\x%02x", cp));
                    } else if (cp < 0x10000) {
                        sb.append(String.format("\\u%04x", cp));
                    } else {
                        sb.append(String.format("\\U%08x", cp));
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    /** Approximates Go's unicode.IsPrint: graphic characters plus the ASCII space. */
    private static boolean isPrint(int cp) {
        if (cp == ' ') return true;
        if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0)) return false;
        if (cp == 0xAD) return false; // soft hyphen is format (Cf) in Go
        int type = Character.getType(cp);
        return switch (type) {
            case Character.UNASSIGNED, Character.CONTROL, Character.FORMAT, Character.PRIVATE_USE,
                 Character.SURROGATE, Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR,
                 Character.PARAGRAPH_SEPARATOR -> false;
            default -> true;
        };
    }
}
