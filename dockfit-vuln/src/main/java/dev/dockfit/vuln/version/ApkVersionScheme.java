package dev.dockfit.vuln.version;

import java.math.BigInteger;

/**
 * Alpine's ordering, following apk-tools' tokenizer:
 * {@code digit{.digit}...{letter}{_suffix{#}}...{~hash}{-r#}}. Suffixes {@code _alpha _beta _pre _rc}
 * sort before the plain release, {@code _cvs _svn _git _hg _p} after it. Digit groups with a leading
 * zero (other than the first) compare as strings, as apk does.
 */
public final class ApkVersionScheme implements VersionScheme {

    // Token kinds in apk's order: a longer version whose next token has a lower kind is newer.
    private static final int INITIAL_DIGIT = 0;
    private static final int DIGIT = 1;
    private static final int LETTER = 2;
    private static final int SUFFIX = 3;
    private static final int SUFFIX_NO = 4;
    private static final int COMMIT_HASH = 5;
    private static final int REVISION_NO = 6;
    private static final int END = 7;
    private static final int INVALID = 8;

    /** Suffix ranks; {@link #NONE} is the plain release. */
    private static final String[] SUFFIXES = {"alpha", "beta", "pre", "rc", "", "cvs", "svn", "git", "hg", "p"};
    private static final int NONE = 4;

    @Override
    public String name() {
        return "apk";
    }

    @Override
    public boolean isValid(String version) {
        if (version == null) return false;
        Tokenizer t = new Tokenizer(version);
        while (t.kind < END) t.next();
        return t.kind == END;
    }

    @Override
    public int compare(String a, String b) {
        Tokenizer ta = new Tokenizer(a);
        Tokenizer tb = new Tokenizer(b);
        while (ta.kind == tb.kind && ta.kind < END) {
            int r = compareTokens(ta, tb);
            if (r != 0) return r;
            ta.next();
            tb.next();
        }
        if (ta.kind == tb.kind) return 0;
        // Equal so far: the longer one is newer unless it continues with a pre-release suffix.
        if (ta.kind == SUFFIX && ta.suffix < NONE) return -1;
        if (tb.kind == SUFFIX && tb.suffix < NONE) return 1;
        return ta.kind > tb.kind ? -1 : 1;
    }

    private static int compareTokens(Tokenizer a, Tokenizer b) {
        switch (a.kind) {
            case DIGIT:
                if (a.text.charAt(0) == '0' || b.text.charAt(0) == '0') return Integer.signum(a.text.compareTo(b.text));
                return a.number.compareTo(b.number);
            case INITIAL_DIGIT:
            case SUFFIX_NO:
            case REVISION_NO:
                return a.number.compareTo(b.number);
            case LETTER:
                return Character.compare(a.text.charAt(0), b.text.charAt(0));
            case SUFFIX:
                return Integer.compare(a.suffix, b.suffix);
            default:
                return Integer.signum(a.text.compareTo(b.text));
        }
    }

    /** Walks one version string token by token, tracking the grammar's allowed successions. */
    private static final class Tokenizer {
        private final String s;
        private int pos;
        int kind;
        int suffix;
        BigInteger number = BigInteger.ZERO;
        String text = "";

        Tokenizer(String s) {
            this.s = s == null ? "" : s;
            kind = INITIAL_DIGIT;
            digits();
        }

        private void digits() {
            int start = pos;
            while (pos < s.length() && isDigit(s.charAt(pos))) pos++;
            text = s.substring(start, pos);
            if (text.isEmpty()) {
                kind = INVALID;
            } else {
                number = new BigInteger(text);
            }
        }

        void next() {
            if (pos >= s.length()) {
                kind = END;
                return;
            }
            char c = s.charAt(pos);
            if (c >= 'a' && c <= 'z') {
                if (kind > DIGIT) {
                    kind = INVALID;
                    return;
                }
                text = String.valueOf(c);
                kind = LETTER;
                pos++;
            } else if (c == '.' || isDigit(c)) {
                if (c == '.') {
                    if (kind > DIGIT) {
                        kind = INVALID;
                        return;
                    }
                    pos++;
                }
                if (kind == INITIAL_DIGIT || kind == DIGIT) {
                    kind = DIGIT;
                } else if (kind == SUFFIX) {
                    kind = SUFFIX_NO;
                } else {
                    kind = INVALID;
                    return;
                }
                digits();
            } else if (c == '_') {
                if (kind > SUFFIX_NO) {
                    kind = INVALID;
                    return;
                }
                pos++;
                int start = pos;
                while (pos < s.length() && s.charAt(pos) >= 'a' && s.charAt(pos) <= 'z') pos++;
                text = s.substring(start, pos);
                suffix = suffixRank(text);
                kind = suffix < 0 ? INVALID : SUFFIX;
            } else if (c == '~') {
                if (kind >= COMMIT_HASH) {
                    kind = INVALID;
                    return;
                }
                pos++;
                int start = pos;
                while (pos < s.length() && isHex(s.charAt(pos))) pos++;
                text = s.substring(start, pos);
                kind = text.isEmpty() ? INVALID : COMMIT_HASH;
            } else if (c == '-') {
                if (kind >= REVISION_NO || !s.startsWith("-r", pos)) {
                    kind = INVALID;
                    return;
                }
                pos += 2;
                kind = REVISION_NO;
                digits();
            } else {
                kind = INVALID;
            }
        }

        private static int suffixRank(String name) {
            if (name.isEmpty()) return -1;
            for (int i = 0; i < SUFFIXES.length; i++) {
                if (i != NONE && SUFFIXES[i].equals(name)) return i;
            }
            return -1;
        }

        private static boolean isDigit(char c) {
            return c >= '0' && c <= '9';
        }

        private static boolean isHex(char c) {
            return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
        }
    }
}
