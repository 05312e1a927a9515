package dev.dockfit.dockerfile.shell;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Expands Dockerfile words ({@code FROM ${IMAGE}}, {@code ENV A=$B}, {@code COPY --from=$STAGE} ...) with the
 * semantics of BuildKit's shell lexer, so that values resolve the way a real build resolves them: single and
 * double quotes are removed, the escape token ({@code \} or a backtick) escapes the next character, and
 * {@code $VAR}, {@code ${VAR}} and the {@code ${VAR<modifier>...}} forms are substituted. Command substitution
 * is not performed: a Dockerfile has no shell at this stage. Instances are immutable and thread-safe.
 */
public final class WordExpander {

    private static final int EOF = -1;

    private final int escape;

    public WordExpander(char escapeToken) {
        if (escapeToken != '\\' && escapeToken != '`') {
            throw new IllegalArgumentException("escape token must be \\ or `, not " + escapeToken);
        }
        this.escape = escapeToken;
    }

    /** Expands {@code word} as one word: blanks, even unquoted ones, stay part of the value. */
    public Expansion expandWord(String word, Env env) throws ExpansionException {
        if (isPlain(word)) return new Expansion(word, Set.of());
        Scan scan = new Scan(word, env);
        String value = scan.until(EOF, false, null, 0);
        return new Expansion(value, scan.unset == null ? Set.of() : scan.unset);
    }

    /** True when the word holds nothing expansion changes: no {@code $}, quote, {@code <} or escape token. */
    private boolean isPlain(String word) {
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c == '$' || c == '\'' || c == '"' || c == '<' || c == escape) return false;
        }
        return true;
    }

    /**
     * Expands {@code text} and splits it into words on unquoted blanks, including blanks that come out of an
     * unquoted substitution ({@code ${A}} with {@code A="x y"} gives two words, {@code "${A}"} one). Empty
     * quotes alone do not make a word.
     */
    public List<String> expandWords(String text, Env env) throws ExpansionException {
        Scan scan = new Scan(text, env);
        Words words = new Words();
        scan.until(EOF, false, words, 0);
        return words.finish();
    }

    /** The state of one expansion: a cursor over the code points of the input. */
    private final class Scan {
        private final String text;
        private final int[] cps;
        private final Env env;
        /** Created on the first unset name (most words have none). */
        private Set<String> unset;
        private int pos;

        Scan(String text, Env env) {
            this.text = text;
            this.cps = codePoints(text);
            this.env = env;
        }

        private int peek() {
            return pos < cps.length ? cps[pos] : EOF;
        }

        /**
         * Processes input up to {@code stop} (consumed) or the end when stop is EOF. With {@code rawEscapes} the
         * escape token is kept in the result (patterns of {@code #}, {@code %} and {@code /} need it).
         */
        String until(int stop, boolean rawEscapes, Words words, int openedAt) throws ExpansionException {
            StringBuilder result = new StringBuilder();
            while (pos < cps.length) {
                int ch = cps[pos];
                if (stop != EOF && ch == stop) {
                    pos++;
                    return result.toString();
                }
                if (ch == '$') {
                    String value = dollar();
                    result.append(value);
                    if (words != null) words.addSplitting(value);
                } else if (ch == '\'' || ch == '"' || ch == '<') {
                    String value = ch == '\'' ? singleQuoted() : ch == '"' ? doubleQuoted(rawEscapes) : angle();
                    result.append(value);
                    if (words != null) words.addRaw(value);
                } else {
                    pos++;
                    if (ch == escape) {
                        if (rawEscapes) {
                            result.appendCodePoint(ch);
                            if (words != null) words.addRaw(ch);
                        }
                        if (pos == cps.length) break; // a trailing escape token is dropped
                        ch = cps[pos++];
                        if (words != null) words.addRaw(ch);
                    } else if (words != null) {
                        words.add(ch);
                    }
                    result.appendCodePoint(ch);
                }
            }
            if (stop != EOF) {
                throw error("missing '" + Character.toString(stop) + "' in ${...}", openedAt);
            }
            return result.toString();
        }

        private String singleQuoted() throws ExpansionException {
            int at = pos++;
            StringBuilder result = new StringBuilder();
            while (true) {
                if (pos == cps.length) throw error("unterminated single quote", at);
                int ch = cps[pos++];
                if (ch == '\'') return result.toString();
                result.appendCodePoint(ch);
            }
        }

        /** Inside double quotes the escape token only escapes {@code "}, {@code $} and itself. */
        private String doubleQuoted(boolean rawEscapes) throws ExpansionException {
            int at = pos++;
            StringBuilder result = new StringBuilder();
            while (true) {
                int ch = peek();
                if (ch == EOF) throw error("unterminated double quote", at);
                if (ch == '"') {
                    pos++;
                    return result.toString();
                }
                if (ch == '$') {
                    result.append(dollar());
                    continue;
                }
                pos++;
                if (ch == escape) {
                    if (rawEscapes) result.appendCodePoint(ch);
                    int next = peek();
                    if (next == EOF) continue;
                    if (next == '"' || next == '$' || next == escape) {
                        ch = next;
                        pos++;
                    }
                }
                result.appendCodePoint(ch);
            }
        }

        /** BuildKit keeps {@code <<} and the blanks after it together so that heredoc markers stay one word. */
        private String angle() {
            pos++;
            if (peek() != '<') return "<";
            pos++;
            StringBuilder result = new StringBuilder("<<");
            while (peek() == ' ' || peek() == '\t' || peek() == '\r') result.appendCodePoint(cps[pos++]);
            return result.toString();
        }

        private String dollar() throws ExpansionException {
            int at = pos++;
            if (peek() != '{') {
                String name = name();
                if (name.isEmpty()) return "$";
                return valueOrEmpty(name);
            }
            pos++;
            int first = peek();
            if (first == EOF) throw error("missing '}' in ${...}", at);
            if (first == '{' || first == '}' || first == ':') throw error("bad substitution", at);
            if (first == '#' && pos + 1 < cps.length && isNameChar(cps[pos + 1])) return length(at);
            String name = name();
            if (pos == cps.length) throw error("missing '}' in ${...}", at);
            int op = cps[pos++];
            switch (op) {
                case '}':
                    return valueOrEmpty(name);
                case '/':
                    return replace(name, at);
                case ':': {
                    if (pos == cps.length) throw error("missing '}' in ${...}", at);
                    int second = cps[pos++];
                    if (second == '#' || second == '%') throw unsupported(":" + Character.toString(second), at);
                    String word = until('}', false, null, at);
                    if (second == '-' || second == '+' || second == '?') return conditional(name, second, true, word, at);
                    throw unsupported(":" + Character.toString(second), at);
                }
                case '-':
                case '+':
                case '?':
                    return conditional(name, op, false, until('}', false, null, at), at);
                case '#':
                case '%':
                    return trim(name, op, until('}', true, null, at), at);
                default:
                    throw unsupported(Character.toString(op), at);
            }
        }

        /** {@code ${#NAME}}: the value's length in characters (bash has it; BuildKit rejects it). */
        private String length(int at) throws ExpansionException {
            pos++;
            String name = name();
            if (peek() != '}') throw error("bad substitution", at);
            pos++;
            String value = valueOrEmpty(name);
            return Integer.toString(value.codePointCount(0, value.length()));
        }

        /** The {@code -}, {@code +} and {@code ?} modifiers; with a colon an empty value counts as unset. */
        private String conditional(String name, int op, boolean emptyIsUnset, String word, int at) throws ExpansionException {
            String value = env.get(name);
            track(name, value);
            boolean absent = value == null || (emptyIsUnset && value.isEmpty());
            switch (op) {
                case '-':
                    return absent ? word : value;
                case '+':
                    return absent ? "" : word;
                default:
                    if (value == null) {
                        throw error(name + ": " + (word.isEmpty() ? "is not allowed to be unset" : word), at);
                    }
                    if (absent) throw error(name + ": " + (word.isEmpty() ? "is not allowed to be empty" : word), at);
                    return value;
            }
        }

        /** {@code %}/{@code #} remove the shortest matching suffix/prefix, {@code %%}/{@code ##} the longest. */
        private String trim(String name, int op, String pattern, int at) throws ExpansionException {
            boolean longest = !pattern.isEmpty() && pattern.codePointAt(0) == op;
            if (longest) pattern = pattern.substring(Character.charCount(op));
            String value = valueOrEmpty(name);
            try {
                return op == '%'
                        ? ShellPattern.trimSuffix(value, pattern, longest)
                        : ShellPattern.trimPrefix(value, pattern, longest);
            } catch (IllegalArgumentException e) {
                throw error("invalid pattern (" + pattern + ") in substitution: " + e.getMessage(), at);
            }
        }

        /** {@code ${VAR/pattern/replacement}} replaces the first match, {@code ${VAR//...}} every match. */
        private String replace(String name, int at) throws ExpansionException {
            boolean all = peek() == '/';
            if (all) pos++;
            String pattern = until('/', true, null, at);
            String replacement = until('}', true, null, at);
            String value = valueOrEmpty(name);
            try {
                return all
                        ? ShellPattern.replaceAll(value, pattern, replacement)
                        : ShellPattern.replaceFirst(value, pattern, replacement);
            } catch (IllegalArgumentException e) {
                throw error("invalid pattern (" + pattern + ") in substitution: " + e.getMessage(), at);
            }
        }

        /** A name: digits (positional), one special parameter character, or letters, digits and underscores. */
        private String name() {
            int start = pos;
            int ch = peek();
            if (ch != EOF && Character.isDigit(ch)) {
                while (peek() != EOF && Character.isDigit(peek())) pos++;
            } else if (ch != EOF && "@*#?-$!".indexOf(ch) >= 0) {
                pos++;
            } else {
                while (peek() != EOF && isNameChar(peek())) pos++;
            }
            return new String(cps, start, pos - start);
        }

        private String valueOrEmpty(String name) {
            String value = env.get(name);
            track(name, value);
            return value == null ? "" : value;
        }

        private void track(String name, String value) {
            int first = name.isEmpty() ? EOF : name.codePointAt(0);
            if (value == null && (first == '_' || Character.isLetter(first))) {
                if (unset == null) unset = new LinkedHashSet<>();
                unset.add(name);
            }
        }

        private ExpansionException unsupported(String modifier, int at) {
            return error("unsupported modifier (" + modifier + ") in substitution", at);
        }

        private ExpansionException error(String message, int codePointIndex) {
            return new ExpansionException(message, text.offsetByCodePoints(0, codePointIndex));
        }
    }

    /** The code points of {@code text} (without a stream: this runs per expanded word). */
    private static int[] codePoints(String text) {
        int[] cps = new int[text.length()];
        int count = 0;
        for (int i = 0; i < text.length(); count++) {
            int cp = text.codePointAt(i);
            cps[count] = cp;
            i += Character.charCount(cp);
        }
        return count == cps.length ? cps : Arrays.copyOf(cps, count);
    }

    private static boolean isNameChar(int ch) {
        return Character.isLetter(ch) || Character.isDigit(ch) || ch == '_';
    }

    /** Go's unicode.IsSpace, which BuildKit splits words on (it differs from Character.isWhitespace). */
    private static boolean isSpace(int ch) {
        if (ch < 0x100) return ch == ' ' || (ch >= '\t' && ch <= '\r') || ch == 0x85 || ch == 0xA0;
        return ch == 0x1680 || (ch >= 0x2000 && ch <= 0x200A) || ch == 0x2028 || ch == 0x2029 || ch == 0x202F
                || ch == 0x205F || ch == 0x3000;
    }

    /** Collects words the way BuildKit does: characters from unquoted substitutions split on blanks. */
    private static final class Words {
        private final List<String> words = new ArrayList<>();
        private final StringBuilder current = new StringBuilder();
        private boolean inWord;

        void add(int ch) {
            if (!isSpace(ch)) {
                addRaw(ch);
            } else if (inWord && current.length() > 0) {
                words.add(current.toString());
                current.setLength(0);
                inWord = false;
            }
        }

        void addRaw(int ch) {
            current.appendCodePoint(ch);
            inWord = true;
        }

        void addSplitting(String value) {
            value.codePoints().forEach(this::add);
        }

        void addRaw(String value) {
            current.append(value);
            inWord = true;
        }

        List<String> finish() {
            if (current.length() > 0) words.add(current.toString());
            return List.copyOf(words);
        }
    }
}
