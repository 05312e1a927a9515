package dev.dockfit.dockerfile.shell;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The glob patterns of {@code ${VAR#pat}}, {@code ${VAR%pat}} and {@code ${VAR/pat/repl}} as BuildKit reads them:
 * {@code *} is any string, {@code ?} any character, a backslash escapes {@code *}, {@code ?} and itself and is
 * dropped before {@code }} and {@code /}; bracket expressions are not supported, so {@code [} is literal.
 */
final class ShellPattern {

    private ShellPattern() {
    }

    /** @throws IllegalArgumentException for an invalid escape such as {@code \x} or a trailing backslash */
    static Pattern compile(String glob, boolean greedy) {
        StringBuilder regex = new StringBuilder();
        int[] cps = glob.codePoints().toArray();
        for (int i = 0; i < cps.length; i++) {
            int ch = cps[i];
            if (ch == '*') {
                regex.append(greedy ? ".*" : ".*?");
            } else if (ch == '?') {
                regex.append('.');
            } else if (ch == '\\') {
                int next = i + 1 < cps.length ? cps[i + 1] : -1;
                if (next == '}' || next == '/') continue;
                if (next != '*' && next != '?' && next != '\\') {
                    throw new IllegalArgumentException(next < 0 ? "trailing backslash" : "invalid escape '\\" + Character.toString(next) + "'");
                }
                regex.append('\\').appendCodePoint(next);
                i++;
            } else {
                appendLiteral(regex, ch);
            }
        }
        // UNIX_LINES: like Go's regexp, '.' then excludes only '\n'
        return Pattern.compile(regex.toString(), Pattern.UNIX_LINES);
    }

    private static void appendLiteral(StringBuilder regex, int ch) {
        if (ch < 0x80 && !Character.isLetterOrDigit(ch)) regex.append('\\');
        regex.appendCodePoint(ch);
    }

    /** Removes the shortest (or longest) prefix of {@code value} that {@code glob} matches. */
    static String trimPrefix(String value, String glob, boolean longest) {
        Matcher m = compile(glob, longest).matcher(value);
        return m.lookingAt() ? value.substring(m.end()) : value;
    }

    /** Removes the shortest (or longest) suffix: a prefix trim of the reversed value with the reversed glob. */
    static String trimSuffix(String value, String glob, boolean longest) {
        return reverse(trimPrefix(reverse(value), reverseGlob(glob), longest));
    }

    static String replaceFirst(String value, String glob, String replacement) {
        Matcher m = compile(glob, true).matcher(value);
        return m.find() ? value.substring(0, m.start()) + replacement + value.substring(m.end()) : value;
    }

    /**
     * Replaces every match, with Go's regexp rules that BuildKit inherits: an empty match right after a match is
     * skipped, and the replacement is a template where {@code $0} is the match, {@code $$} a dollar sign and any
     * other {@code $name} empty.
     */
    static String replaceAll(String value, String glob, String replacement) {
        Matcher m = compile(glob, true).matcher(value);
        StringBuilder out = new StringBuilder();
        int copied = 0;
        int search = 0;
        while (search <= value.length() && m.find(search)) {
            int start = m.start();
            int end = m.end();
            out.append(value, copied, start);
            if (end > copied || start == 0) out.append(template(replacement, m.group()));
            copied = end;
            int width = search < value.length() ? Character.charCount(value.codePointAt(search)) : 1;
            search = Math.max(search + width, end);
        }
        return out.append(value, copied, value.length()).toString();
    }

    private static String template(String replacement, String match) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < replacement.length()) {
            char ch = replacement.charAt(i);
            if (ch != '$') {
                out.append(ch);
                i++;
            } else if (i + 1 < replacement.length() && replacement.charAt(i + 1) == '$') {
                out.append('$');
                i += 2;
            } else {
                int next = templateReference(replacement, i + 1, match, out);
                if (next < 0) {
                    out.append('$');
                    i++;
                } else {
                    i = next;
                }
            }
        }
        return out.toString();
    }

    /** Reads {@code name} or {@code {name}} at {@code from}; appends its value and returns the end, or -1. */
    private static int templateReference(String s, int from, String match, StringBuilder out) {
        boolean braced = from < s.length() && s.charAt(from) == '{';
        int start = braced ? from + 1 : from;
        int end = start;
        while (end < s.length()) {
            int cp = s.codePointAt(end);
            if (!Character.isLetterOrDigit(cp) && cp != '_') break;
            end += Character.charCount(cp);
        }
        if (end == start) return -1;
        String name = s.substring(start, end);
        if (braced) {
            if (end >= s.length() || s.charAt(end) != '}') return -1;
            end++;
        }
        if (name.equals("0")) out.append(match);
        return end;
    }

    private static String reverse(String s) {
        int[] cps = s.codePoints().toArray();
        StringBuilder out = new StringBuilder(s.length());
        for (int i = cps.length - 1; i >= 0; i--) out.appendCodePoint(cps[i]);
        return out.toString();
    }

    /** Reverses a glob while keeping each escape before the character it escapes ({@code a\*c} to {@code c\*a}). */
    static String reverseGlob(String glob) {
        int[] cps = glob.codePoints().toArray();
        int[] out = new int[cps.length];
        int last = cps.length - 1;
        int i = 0;
        while (i <= last) {
            if (cps[i] == '\\' && i != last) {
                out[last - i - 1] = '\\';
                out[last - i] = cps[i + 1];
                i += 2;
            } else {
                out[last - i] = cps[i];
                i++;
            }
        }
        return new String(out, 0, out.length);
    }
}
