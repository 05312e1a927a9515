package dev.dockfit.dockerfile.parser;

import dev.dockfit.dockerfile.parser.RawInstruction.Piece;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * BuildKit's instruction splitting: the keyword, the {@code --flags}, then the arguments split by the
 * parser the dispatch table names for the keyword. Works on byte strings; offsets are into the line.
 */
final class LineParsers {

    /** The argument parsers BuildKit's dispatch table names. */
    private enum Syntax { MAYBE_JSON_TO_LIST, NAME_OR_NAME_VAL, MAYBE_JSON, NAME_VAL, WHITESPACE_DELIMITED,
        HEALTH_CONFIG, STRING, SUB_COMMAND }

    /** A keyword BuildKit knows, upper case, with the parser its dispatch table names. */
    private record Keyword(String name, Syntax syntax) {
    }

    private static final Keyword[] DISPATCH = {
        new Keyword("ADD", Syntax.MAYBE_JSON_TO_LIST),
        new Keyword("ARG", Syntax.NAME_OR_NAME_VAL),
        new Keyword("CMD", Syntax.MAYBE_JSON),
        new Keyword("COPY", Syntax.MAYBE_JSON_TO_LIST),
        new Keyword("ENTRYPOINT", Syntax.MAYBE_JSON),
        new Keyword("ENV", Syntax.NAME_VAL),
        new Keyword("EXPOSE", Syntax.WHITESPACE_DELIMITED),
        new Keyword("FROM", Syntax.WHITESPACE_DELIMITED),
        new Keyword("HEALTHCHECK", Syntax.HEALTH_CONFIG),
        new Keyword("LABEL", Syntax.NAME_VAL),
        new Keyword("MAINTAINER", Syntax.STRING),
        new Keyword("ONBUILD", Syntax.SUB_COMMAND),
        new Keyword("RUN", Syntax.MAYBE_JSON),
        new Keyword("SHELL", Syntax.MAYBE_JSON),
        new Keyword("STOPSIGNAL", Syntax.STRING),
        new Keyword("USER", Syntax.STRING),
        new Keyword("VOLUME", Syntax.MAYBE_JSON_TO_LIST),
        new Keyword("WORKDIR", Syntax.STRING)};

    /** DISPATCH by name length: a keyword is compared with the two or three names of its length only. */
    private static final Keyword[][] BY_LENGTH = byLength();

    private static Keyword[][] byLength() {
        int longest = 0;
        for (Keyword k : DISPATCH) longest = Math.max(longest, k.name().length());
        Keyword[][] out = new Keyword[longest + 1][0];
        for (Keyword k : DISPATCH) {
            Keyword[] same = out[k.name().length()];
            same = Arrays.copyOf(same, same.length + 1);
            same[same.length - 1] = k;
            out[k.name().length()] = same;
        }
        return out;
    }

    private static final String NOT_STRING_ARRAY =
            "when using JSON array syntax, arrays must be comprised of strings only";

    private final String line;
    private final char escape;

    LineParsers(String line, char escape) {
        this.line = line;
        this.escape = escape;
    }

    /** BuildKit's newNodeFromLine over {@code line[from, to)}. */
    RawInstruction instruction(int from, int to) throws DockerfileParseException {
        RawInstruction r = new RawInstruction();
        int a = GoText.skipSpaceForward(line, from, to);
        int b = GoText.skipSpaceBackward(line, a, to);
        int cmdEnd = a;
        while (cmdEnd < b && !GoText.isBlank(line.charAt(cmdEnd))) cmdEnd++;
        r.keywordFrom = a;
        r.keywordTo = cmdEnd;
        Keyword known = known(a, cmdEnd);
        boolean asKnown = known != null && line.regionMatches(a, known.name(), 0, cmdEnd - a);
        r.keyword = asKnown ? known.name() : line.substring(a, cmdEnd); // upper case as written: no copy
        r.known = known == null ? null : known.name();
        int argsFrom = b;
        if (cmdEnd < b) {
            int rest = cmdEnd;
            while (rest < b && GoText.isBlank(line.charAt(rest))) rest++;
            argsFrom = builderFlags(r, rest, b);
        }
        int argsTo = b;
        argsFrom = GoText.skipSpaceForward(line, argsFrom, argsTo);
        argsTo = GoText.skipSpaceBackward(line, argsFrom, argsTo);
        r.argsFrom = argsFrom;
        r.argsTo = argsTo;
        if (known == null) {
            r.args.add(new Piece("", -1, -1)); // BuildKit keeps unknown instructions with one empty node
        } else {
            parseArgs(known, r, argsFrom, argsTo);
        }
        return r;
    }

    /** A switch, not a function per keyword: one call site over many lambda classes is megamorphic on C1. */
    private void parseArgs(Keyword known, RawInstruction r, int from, int to) throws DockerfileParseException {
        switch (known.syntax()) {
            case MAYBE_JSON_TO_LIST -> maybeJsonToList(r, from, to);
            case NAME_OR_NAME_VAL -> nameOrNameVal(r, from, to);
            case MAYBE_JSON -> maybeJson(r, from, to);
            case NAME_VAL -> nameVal(r, from, to, known.name());
            case WHITESPACE_DELIMITED -> whitespaceDelimited(r, from, to);
            case HEALTH_CONFIG -> healthConfig(r, from, to);
            case STRING -> string(r, from, to);
            case SUB_COMMAND -> subCommand(r, from, to);
        }
    }

    /**
     * The known keyword {@code line[from, to)} names, compared as BuildKit does (decoded, lower-cased), or null.
     * Hot: per instruction, so an ASCII keyword is compared in place.
     */
    private Keyword known(int from, int to) {
        int length = to - from;
        if (length < BY_LENGTH.length) {
            Keyword[] candidates = BY_LENGTH[length];
            for (int i = 0; i < candidates.length; i++) {
                if (isWrittenAs(from, candidates[i].name())) return candidates[i];
            }
        }
        // a non-ASCII keyword can still lower-case to a known one (the Kelvin sign becomes k)
        String key = GoText.decode(line.substring(from, to)).toLowerCase(Locale.ROOT);
        for (Keyword k : DISPATCH) {
            if (k.name().toLowerCase(Locale.ROOT).equals(key)) return k;
        }
        return null;
    }

    /**
     * True when {@code line} at {@code from} holds {@code name} (upper-case ASCII letters) in any case. As
     * regionMatches(true, ...) answers for a byte string, whose chars are Latin-1: none of them folds to an ASCII
     * letter but the letter's own two cases, so two compares per char do.
     */
    private boolean isWrittenAs(int from, String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = line.charAt(from + i);
            char upper = name.charAt(i);
            if (c != upper && c != (char) (upper | 0x20)) return false;
        }
        return true;
    }

    /** BuildKit's extractBuilderFlags: byte-wise, so bytes 0x85 and 0xA0 count as blanks as they do there. */
    private int builderFlags(RawInstruction r, int from, int to) {
        final int inSpaces = 0;
        final int inWord = 1;
        final int inQuote = 2;
        int phase = inSpaces;
        StringBuilder word = null; // made at the first flag: most instructions have none
        char quote = 0;
        boolean blankOk = false;
        int wordStart = from;
        for (int pos = from; pos <= to; pos++) {
            char ch = pos < to ? line.charAt(pos) : 0;
            if (phase == inSpaces) {
                if (pos == to) break;
                if (GoText.isSpace(ch)) continue;
                if (ch != '-' || pos + 1 == to || line.charAt(pos + 1) != '-') return pos;
                if (word == null) word = new StringBuilder();
                phase = inWord;
                wordStart = pos;
            }
            if (pos == to) {
                String w = word.toString();
                if (!w.equals("--") && (blankOk || !w.isEmpty())) r.flags.add(new Piece(w, wordStart, pos));
                break;
            }
            if (phase == inWord) {
                if (GoText.isSpace(ch)) {
                    String w = word.toString();
                    phase = inSpaces;
                    if (w.equals("--")) return pos;
                    if (blankOk || !w.isEmpty()) r.flags.add(new Piece(w, wordStart, pos));
                    word.setLength(0);
                    blankOk = false;
                    continue;
                }
                if (ch == '\'' || ch == '"') {
                    quote = ch;
                    blankOk = true;
                    phase = inQuote;
                    continue;
                }
                if (ch == escape) {
                    if (pos + 1 == to) continue;
                    ch = line.charAt(++pos);
                }
                word.append(ch);
                continue;
            }
            // inQuote
            if (ch == quote) {
                phase = inWord;
                continue;
            }
            if (ch == escape) {
                if (pos + 1 == to) {
                    phase = inWord;
                    continue;
                }
                ch = line.charAt(++pos);
            }
            word.append(ch);
        }
        return to;
    }

    private void maybeJson(RawInstruction r, int from, int to) throws DockerfileParseException {
        if (from == to) return;
        if (json(r, from, to)) return;
        r.args.add(verbatim(r, from, to));
    }

    /** The bytes of [from, to) as one piece; remembered when they are the whole arguments. */
    private Piece verbatim(RawInstruction r, int from, int to) {
        String bytes = line.substring(from, to);
        if (from == r.argsFrom && to == r.argsTo) r.argsBytes = bytes;
        return new Piece(bytes, from, to);
    }

    private void maybeJsonToList(RawInstruction r, int from, int to) throws DockerfileParseException {
        if (json(r, from, to)) return;
        whitespaceDelimited(r, from, to);
    }

    /** Adds the elements of a JSON array of strings; false when the text is not JSON (shell form). */
    private boolean json(RawInstruction r, int from, int to) throws DockerfileParseException {
        int start = GoText.skipSpaceForward(line, from, to);
        if (start >= to || line.charAt(start) != '[') return false;
        List<JsonArray.Element> elements;
        try {
            elements = JsonArray.parse(line, start, to);
        } catch (JsonArray.SyntaxError notJson) {
            return false;
        }
        List<Piece> pieces = new ArrayList<>();
        for (JsonArray.Element e : elements) {
            if (e.value() == null) throw new DockerfileParseException(NOT_STRING_ARRAY, 0, 0);
            pieces.add(new Piece(e.value(), e.start(), e.end()));
        }
        r.args.addAll(pieces);
        r.json = true;
        return true;
    }

    /** Splits on runs of {@code [\t\v\f\r ]}; the text is already trimmed, so no empty words arise. */
    private void whitespaceDelimited(RawInstruction r, int from, int to) {
        int i = from;
        while (i < to) {
            int start = i;
            while (i < to && !GoText.isBlank(line.charAt(i))) i++;
            r.args.add(new Piece(line.substring(start, i), start, i));
            while (i < to && GoText.isBlank(line.charAt(i))) i++;
        }
    }

    private void string(RawInstruction r, int from, int to) {
        if (from == to) return;
        r.args.add(verbatim(r, from, to));
    }

    private void subCommand(RawInstruction r, int from, int to) throws DockerfileParseException {
        if (from == to) return;
        r.child = instruction(from, to);
    }

    private void healthConfig(RawInstruction r, int from, int to) throws DockerfileParseException {
        int sep = from;
        while (sep < to && !GoText.isSpace(line.charAt(sep))) sep++;
        int next = sep;
        while (next < to && GoText.isSpace(line.charAt(next))) next++;
        if (sep == from) return;
        r.args.add(new Piece(line.substring(from, sep), from, sep));
        maybeJson(r, next, to);
    }

    private void nameOrNameVal(RawInstruction r, int from, int to) {
        r.args.addAll(words(from, to));
    }

    private void nameVal(RawInstruction r, int from, int to, String key) throws DockerfileParseException {
        List<Piece> words = words(from, to);
        if (words.isEmpty()) return;
        if (words.get(0).bytes().indexOf('=') < 0) {
            int split = from;
            while (split < to && !GoText.isBlank(line.charAt(split))) split++;
            int value = split;
            while (value < to && GoText.isBlank(line.charAt(value))) value++;
            if (split == to) throw new DockerfileParseException(key + " must have two arguments", 0, 0);
            r.args.add(new Piece(line.substring(from, split), from, split));
            r.args.add(new Piece(line.substring(value, to), value, to));
            r.args.add(new Piece("", -1, -1));
            return;
        }
        for (Piece w : words) {
            int eq = w.bytes().indexOf('=');
            if (eq < 0) {
                throw new DockerfileParseException("Syntax error - can't find = in " + GoText.quote(w.bytes())
                        + ". Must be of the form: name=value", 0, 0);
            }
            int keyEnd = Math.min(w.from() + eq, w.to());
            r.args.add(new Piece(w.bytes().substring(0, eq), w.from(), keyEnd));
            r.args.add(new Piece(w.bytes().substring(eq + 1), Math.min(keyEnd + 1, w.to()), w.to()));
            r.args.add(new Piece("=", -1, -1));
        }
    }

    /** BuildKit's parseWords: blank-separated, quote-aware words that keep their quotes and escapes. */
    private List<Piece> words(int from, int to) {
        return new Words(from).split(to);
    }

    /**
     * One run of parseWords. A word is almost always its bytes in the line, unchanged (quotes and escapes are
     * kept), so it is cut from the line at its end; only a dropped trailing escape or an invalid byte (written
     * as U+FFFD) makes it differ, and then it is built in {@code copy}. Hot: ENV, LABEL and ARG words.
     */
    private final class Words {
        private final List<Piece> words = new ArrayList<>();
        private int wordStart;
        /** End of the word's bytes kept so far while they are a range of the line. */
        private int keptEnd;
        /** The word's bytes once they differ from the line, else null. */
        private StringBuilder copy;
        private boolean blankOk;
        private int pos;

        Words(int from) {
            this.pos = from;
        }

        List<Piece> split(int to) {
            final int inSpaces = 0;
            final int inWord = 1;
            final int inQuote = 2;
            int phase = inSpaces;
            int quote = 0;
            while (pos <= to) {
                int ch = 0;
                int w = 1;
                if (pos != to) {
                    ch = GoText.runeAt(line, pos);
                    w = GoText.width(ch);
                }
                if (phase == inSpaces) {
                    if (pos == to) break;
                    if (ch >= 0 && GoText.isSpace(ch)) {
                        pos += w;
                        continue;
                    }
                    phase = inWord;
                    startWord();
                }
                if (pos == to) {
                    endWord();
                    break;
                }
                if (phase == inWord) {
                    if (ch >= 0 && GoText.isSpace(ch)) {
                        phase = inSpaces;
                        endWord();
                        pos += w;
                        continue;
                    }
                    if (ch == '\'' || ch == '"') {
                        quote = ch;
                        blankOk = true;
                        phase = inQuote;
                    }
                    if (ch == escape) {
                        if (pos + w == to) {
                            pos += w;
                            continue;
                        }
                        keep(ch, w);
                        ch = GoText.runeAt(line, pos);
                        w = GoText.width(ch);
                    }
                    keep(ch, w);
                    continue;
                }
                // inQuote
                if (ch == quote) phase = inWord;
                if (ch == escape && quote != '\'') {
                    if (pos + w == to) {
                        phase = inWord;
                        pos += w;
                        continue;
                    }
                    keep(ch, w);
                    ch = GoText.runeAt(line, pos);
                    w = GoText.width(ch);
                }
                keep(ch, w);
            }
            return words;
        }

        private void startWord() {
            wordStart = pos;
            keptEnd = pos;
            copy = null;
        }

        /** Keeps the rune at pos and steps over it: U+FFFD's bytes for an invalid byte, as Go's WriteRune does. */
        private void keep(int ch, int width) {
            // hot: per byte of a word, so the usual case (the word is still a range of the line) is small enough
            // for C1 to inline
            if (ch < 0 || copy != null) {
                keepInCopy(ch, width);
            } else {
                keptEnd = pos + width;
            }
            pos += width;
        }

        private void keepInCopy(int ch, int width) {
            if (copy == null) copy = new StringBuilder().append(line, wordStart, keptEnd);
            if (ch < 0) {
                copy.append(GoText.RUNE_ERROR);
            } else {
                copy.append(line, pos, pos + width);
            }
        }

        private void endWord() {
            int length = copy != null ? copy.length() : keptEnd - wordStart;
            if (blankOk || length > 0) {
                String bytes = copy != null ? copy.toString() : line.substring(wordStart, keptEnd);
                words.add(new Piece(bytes, wordStart, pos));
            }
            blankOk = false;
        }
    }
}
