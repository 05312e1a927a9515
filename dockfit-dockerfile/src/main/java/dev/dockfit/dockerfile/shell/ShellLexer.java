package dev.dockfit.dockerfile.shell;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a region of a script into words, operators, redirection operators and line breaks, bash style.
 * Substitutions inside words ({@code $( )}, backticks, {@code <( )}) are handed to the parser, which analyses
 * their commands and reports where they end. Heredoc bodies are skipped after the line break that follows
 * their operator. Never throws on odd input: problems are recorded and the current token ends.
 */
final class ShellLexer {

    enum Kind { WORD, OPERATOR, REDIRECT, NEWLINE, EOF }

    /** The operators, longest first among those sharing a start; the parser compares them by identity (cheap on C1). */
    enum Op {
        DOUBLE_SEMI_AND(";;&"), DOUBLE_SEMI(";;"), SEMI_AND(";&"), SEMI(";"),
        AND_IF("&&"), AND_APPEND("&>>"), AND_GREAT("&>"), AMP("&"),
        OR_IF("||"), PIPE_AND("|&"), PIPE("|"), OPEN_PAREN("("), CLOSE_PAREN(")"),
        HERE_STRING("<<<"), HEREDOC_STRIP("<<-"), HEREDOC("<<"), LESS_AND("<&"), LESS_GREAT("<>"), LESS("<"),
        APPEND(">>"), GREAT_AND(">&"), CLOBBER(">|"), GREAT(">");

        final String text;
        /** A redirection operator: it starts with {@code <}, {@code >} or {@code &>}. */
        final boolean redirect;

        Op(String text) {
            this.text = text;
            this.redirect = text.charAt(0) == '<' || text.charAt(0) == '>' || text.startsWith("&>");
        }

        /** A case branch's end: {@code ;;}, {@code ;&} or {@code ;;&}. */
        boolean endsCaseBranch() {
            return this == DOUBLE_SEMI || this == SEMI_AND || this == DOUBLE_SEMI_AND;
        }
    }

    /**
     * A token; {@code op} is the operator of OPERATOR and REDIRECT, {@code fd} a redirect's descriptor. The lexer
     * returns one reused token for every token (hot: C1 would allocate one per word): a token holds only until
     * the lexer's next call, so the parser copies what it keeps longer.
     */
    static final class Token {
        private Kind kind;
        private Op op;
        private ShellWord word;
        private int fd;
        private int start;
        private int end;
        /** Which reserved words a word token is spelled as, as the parser's bits; -1 until it asks. */
        int reservedBits;

        private Token set(Kind kind, Op op, ShellWord word, int fd, int start, int end) {
            this.kind = kind;
            this.op = op;
            this.word = word;
            this.fd = fd;
            this.start = start;
            this.end = end;
            this.reservedBits = -1;
            return this;
        }

        Kind kind() {
            return kind;
        }

        Op op() {
            return op;
        }

        ShellWord word() {
            return word;
        }

        int fd() {
            return fd;
        }

        int start() {
            return start;
        }

        int end() {
            return end;
        }

        boolean isOperator(Op operator) {
            return op == operator && kind == Kind.OPERATOR;
        }

        /** An unquoted word spelled exactly {@code keyword}. */
        boolean isWord(String keyword) {
            return kind == Kind.WORD && word.isSpelled(keyword);
        }
    }

    /** A heredoc whose body starts after the next line break. */
    static final class PendingHeredoc {
        final String delimiter;
        final boolean stripTabs;
        int bodyStart = -1;
        int bodyEnd = -1;

        PendingHeredoc(String delimiter, boolean stripTabs) {
            this.delimiter = delimiter;
            this.stripTabs = stripTabs;
        }
    }

    /** The first characters of the operators: any other character starts a word. */
    private static final boolean[] OPERATOR_STARTS = asciiSet(";&|()<>");
    /** Blanks, line breaks and operator characters end an unquoted word. */
    private static final String META = " \t\r\n;&|()<>";
    private static final boolean[] META_CHARS = asciiSet(META);
    /** The ASCII characters that do not stand for themselves in a word: META plus quotes, escape and {@code $}. */
    private static final boolean[] SPECIAL_IN_WORD = asciiSet(META + "\\'\"$`");
    /** The characters that do not stand for themselves inside double quotes (127, DEL, stands in for non-ASCII). */
    private static final boolean[] SPECIAL_IN_DOUBLE_QUOTES = asciiSet("\\\"$`");

    private final ShellParser parser;
    private final String text;
    /** The characters of {@code text}: on C1, reading an array is much cheaper than String.charAt (hot: per character). */
    private final char[] chars;
    private final int limit;
    /** The token returned for every token (see {@link Token}). */
    private final Token reused = new Token();
    private final List<PendingHeredoc> pending = new ArrayList<>();
    /**
     * The literal of the word being read, created on the first word that needs it and reused by the next ones
     * (lexWord is not re-entered: a substitution inside a word gets a lexer of its own).
     */
    private StringBuilder literal;
    /** See {@link #ignoredText()}. */
    private StringBuilder ignored;
    private int pos;
    /** Inside {@code [[ ]]}: operators are words and line breaks are blanks. */
    boolean conditional;

    ShellLexer(ShellParser parser, String text, char[] chars, int from, int limit) {
        this.parser = parser;
        this.text = text;
        this.chars = chars;
        this.pos = from;
        this.limit = limit;
    }

    char charAt(int index) {
        return index < limit ? chars[index] : '\0';
    }

    void addHeredoc(PendingHeredoc heredoc) {
        pending.add(heredoc);
    }

    /** Heredocs whose line break never came in this region; the enclosing region reads their bodies. */
    List<PendingHeredoc> unfinishedHeredocs() {
        return pending;
    }

    Token next() {
        skipBlanksAndComments();
        if (pos >= limit) return reused.set(Kind.EOF, null, null, -1, limit, limit);
        int start = pos;
        char c = chars[pos];
        if (c == '\n') {
            pos++;
            readHeredocBodies();
            return reused.set(Kind.NEWLINE, null, null, -1, start, start + 1);
        }
        if (conditional && "&|()<>".indexOf(c) >= 0) {
            pos += (c == '&' || c == '|') && charAt(pos + 1) == c ? 2 : 1;
            return reused.set(Kind.WORD, null, new ShellWord(text, start, pos), -1, start, pos);
        }
        int fd = -1;
        int digits = pos;
        while (digits < limit && digits - pos < 9 && isDigit(chars[digits])) digits++;
        if (digits > pos && (charAt(digits) == '<' || charAt(digits) == '>')) {
            fd = Integer.parseInt(text.substring(pos, digits));
            pos = digits;
        }
        if ((c == '<' || c == '>') && fd < 0 && charAt(pos + 1) == '(') {
            return word(start);
        }
        char first = chars[pos];
        if (first >= 128 || !OPERATOR_STARTS[first]) return word(start); // most tokens
        Op op = operatorAt(first);
        pos += op.text.length();
        return reused.set(op.redirect ? Kind.REDIRECT : Kind.OPERATOR, op, null, fd, start, pos);
    }

    /** The longest operator at {@code pos}, whose first character {@code first} is one of {@link #OPERATOR_STARTS}. */
    private Op operatorAt(char first) {
        char second = charAt(pos + 1);
        char third = charAt(pos + 2);
        return switch (first) {
            case ';' -> second == ';' ? (third == '&' ? Op.DOUBLE_SEMI_AND : Op.DOUBLE_SEMI)
                    : second == '&' ? Op.SEMI_AND : Op.SEMI;
            case '&' -> second == '&' ? Op.AND_IF
                    : second == '>' ? (third == '>' ? Op.AND_APPEND : Op.AND_GREAT) : Op.AMP;
            case '|' -> second == '|' ? Op.OR_IF : second == '&' ? Op.PIPE_AND : Op.PIPE;
            case '(' -> Op.OPEN_PAREN;
            case ')' -> Op.CLOSE_PAREN;
            case '<' -> second == '<' ? (third == '<' ? Op.HERE_STRING : third == '-' ? Op.HEREDOC_STRIP : Op.HEREDOC)
                    : second == '&' ? Op.LESS_AND : second == '>' ? Op.LESS_GREAT : Op.LESS;
            default /* '>' */ -> second == '>' ? Op.APPEND : second == '&' ? Op.GREAT_AND : second == '|' ? Op.CLOBBER : Op.GREAT;
        };
    }

    private Token word(int start) {
        ShellWord word = lexWord();
        return reused.set(Kind.WORD, null, word, -1, start, word.end());
    }

    private void skipBlanksAndComments() {
        while (pos < limit) {
            char c = chars[pos];
            if (c == ' ' || c == '\t' || c == '\r' || (c == '\n' && conditional)) {
                pos++;
            } else if (c == '\\' && continuation() > 0) {
                pos += continuation();
            } else if (c == '#') {
                while (pos < limit && chars[pos] != '\n') pos++;
            } else {
                return;
            }
        }
    }

    /** Reads the bodies of the heredocs opened on the line that just ended. */
    private void readHeredocBodies() {
        for (PendingHeredoc heredoc : pending) {
            heredoc.bodyStart = pos;
            while (true) {
                int lineEnd = text.indexOf('\n', pos);
                if (lineEnd < 0 || lineEnd > limit) lineEnd = limit;
                String line = text.substring(pos, lineEnd);
                if (heredoc.stripTabs) line = line.replaceFirst("^\t+", "");
                if (line.endsWith("\r")) line = line.substring(0, line.length() - 1);
                if (line.equals(heredoc.delimiter)) {
                    heredoc.bodyEnd = pos;
                    pos = Math.min(lineEnd + 1, limit);
                    break;
                }
                if (lineEnd >= limit) {
                    heredoc.bodyEnd = limit;
                    parser.problem(heredoc.bodyStart, "heredoc has no line '" + heredoc.delimiter + "' ending it");
                    pos = limit;
                    break;
                }
                pos = lineEnd + 1;
            }
        }
        pending.clear();
    }

    private static boolean isMeta(char c) {
        return c < 128 && META_CHARS[c];
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isNameStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    static boolean isNameChar(char c) {
        return isNameStart(c) || isDigit(c);
    }

    /** Reads a word at {@code pos}; it ends at an unquoted blank or operator character, or at the region's end. */
    ShellWord lexWord() {
        int start = pos;
        int plainEnd = plainRun(pos);
        if (plainEnd > start && (plainEnd == limit || isMeta(chars[plainEnd]) && chars[plainEnd] != '(')) {
            // most words: no quote, escape or expansion, so the literal is the text itself (cut when asked)
            pos = plainEnd;
            return new ShellWord(text, start, pos);
        }
        if (this.literal == null) this.literal = new StringBuilder();
        StringBuilder literal = this.literal;
        literal.setLength(0);
        boolean isLiteral = true;
        while (pos < limit) {
            char c = chars[pos];
            if (isMeta(c)) {
                if ((c == '<' || c == '>') && pos == start && charAt(pos + 1) == '(') {
                    isLiteral = false;
                    substitution(pos, pos + 2, "process substitution");
                    literal.append(text, start, pos);
                    continue;
                }
                if (c == '(' && isArrayAssignment(start)) {
                    int open = pos;
                    skipParens(open, "array assignment");
                    literal.append(text, open, pos);
                    continue;
                }
                break;
            }
            switch (c) {
                case '\\' -> escape(literal);
                case '\'' -> singleQuoted(literal);
                case '"' -> isLiteral &= doubleQuoted(literal);
                case '$' -> isLiteral &= dollar(literal, false);
                case '`' -> {
                    int open = pos;
                    backtick();
                    literal.append(text, open, pos);
                    isLiteral = false;
                }
                default -> {
                    int runEnd = plainRun(pos); // a run at once, not a call per character
                    literal.append(chars, pos, runEnd - pos);
                    pos = runEnd;
                }
            }
        }
        return new ShellWord(text, start, pos, literal.toString(), isLiteral);
    }

    /** The end of the characters from {@code from} that stand for themselves in a word (no meta, quote or $). */
    private int plainRun(int from) {
        int i = from;
        while (i < limit) {
            char c = chars[i];
            if (c < 128 && SPECIAL_IN_WORD[c]) break; // hot: a table look-up per character of most words
            i++;
        }
        return i;
    }

    private static boolean[] asciiSet(String chars) {
        boolean[] set = new boolean[128];
        for (int i = 0; i < chars.length(); i++) set[chars.charAt(i)] = true;
        return set;
    }

    /**
     * Whether {@code word} (read by this lexer) is {@code NAME=value}, {@code NAME+=value} or
     * {@code NAME[index]=value}: checked by hand on the characters, with no Matcher and no cut (hot: asked of the
     * first words of every command).
     */
    boolean isAssignment(ShellWord word) {
        int from = word.start();
        int to = word.end();
        if (from == to || !isNameStart(chars[from])) return false;
        int i = from + 1;
        while (i < to && isNameChar(chars[i])) i++;
        if (i < to && chars[i] == '[') {
            int close = i + 1;
            while (close < to && chars[close] != ']') close++;
            if (close >= to) return false;
            i = close + 1;
        }
        if (i < to && chars[i] == '+') i++;
        return i < to && chars[i] == '=';
    }

    /** {@code NAME=(...)} or {@code NAME+=(...)}: the parenthesis belongs to the word. */
    private boolean isArrayAssignment(int start) {
        int nameEnd = pos - 1;
        if (nameEnd <= start || chars[nameEnd] != '=') return false;
        if (chars[nameEnd - 1] == '+') nameEnd--;
        if (nameEnd <= start || !isNameStart(chars[start])) return false;
        for (int i = start; i < nameEnd; i++) {
            if (!isNameChar(chars[i])) return false;
        }
        return true;
    }

    /** The length of an escaped line break at {@code pos} (CRLF included), or 0. */
    private int continuation() {
        if (charAt(pos) != '\\') return 0;
        if (charAt(pos + 1) == '\n') return 2;
        return charAt(pos + 1) == '\r' && charAt(pos + 2) == '\n' ? 3 : 0;
    }

    private void escape(StringBuilder literal) {
        if (continuation() > 0) {
            pos += continuation();
            return;
        }
        if (pos + 1 >= limit) {
            literal.append('\\');
            pos++;
            return;
        }
        literal.append(chars[pos + 1]);
        pos += 2;
    }

    private void singleQuoted(StringBuilder literal) {
        int open = pos;
        int close = text.indexOf('\'', pos + 1);
        if (close < 0 || close >= limit) {
            parser.problem(open, "unterminated single quote");
            literal.append(text, open + 1, limit);
            pos = limit;
            return;
        }
        literal.append(text, open + 1, close);
        pos = close + 1;
    }

    /** Reads {@code "..."} at {@code pos}; returns whether it was free of expansions. */
    private boolean doubleQuoted(StringBuilder literal) {
        int open = pos++;
        boolean isLiteral = true;
        while (pos < limit) {
            char c = chars[pos];
            if (c == '"') {
                pos++;
                return isLiteral;
            }
            if (continuation() > 0) {
                pos += continuation();
            } else if (c == '\\') {
                char next = charAt(pos + 1);
                if (pos + 1 < limit && "$`\"\\".indexOf(next) >= 0) {
                    literal.append(next);
                    pos += 2;
                } else {
                    literal.append(c);
                    pos++;
                }
            } else if (c == '$') {
                isLiteral &= dollar(literal, true);
            } else if (c == '`') {
                int start = pos;
                backtick();
                literal.append(text, start, pos);
                isLiteral = false;
            } else {
                int runEnd = pos + 1;
                while (runEnd < limit && !SPECIAL_IN_DOUBLE_QUOTES[Math.min(chars[runEnd], 127)]) runEnd++;
                literal.append(chars, pos, runEnd - pos); // a run at once, not a call per character
                pos = runEnd;
            }
        }
        parser.problem(open, "unterminated double quote");
        return isLiteral;
    }

    /** Reads what starts with {@code $} at {@code pos}; returns whether it was literal (no expansion). */
    private boolean dollar(StringBuilder literal, boolean inDoubleQuotes) {
        int start = pos;
        char next = charAt(pos + 1);
        if (pos + 1 >= limit) {
            literal.append('$');
            pos++;
            return true;
        }
        if (next == '\'' && !inDoubleQuotes) {
            ansiC(literal);
            return true;
        }
        if (next == '"' && !inDoubleQuotes) {
            pos++;
            return doubleQuoted(literal);
        }
        if (next == '(' && charAt(pos + 2) == '(') {
            skipParens(pos + 1, "arithmetic expansion");
        } else if (next == '(') {
            substitution(pos, pos + 2, "command substitution");
        } else if (next == '{') {
            braces(inDoubleQuotes);
        } else if (isNameStart(next)) {
            pos += 2;
            while (pos < limit && isNameChar(chars[pos])) pos++;
        } else if (isDigit(next) || "@*#?-$!".indexOf(next) >= 0) {
            pos += 2;
        } else {
            literal.append('$');
            pos++;
            return true;
        }
        literal.append(text, start, pos);
        return false;
    }

    /** {@code $'...'}: C-style escapes. */
    private void ansiC(StringBuilder literal) {
        int open = pos;
        pos += 2;
        while (pos < limit) {
            char c = chars[pos];
            if (c == '\'') {
                pos++;
                return;
            }
            if (c == '\\' && pos + 1 < limit) {
                char e = chars[pos + 1];
                literal.append(switch (e) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case 'r' -> '\r';
                    case 'a' -> '\u0007';
                    case 'b' -> '\b';
                    case 'e', 'E' -> '\u001b';
                    case 'f' -> '\f';
                    case 'v' -> '\u000b';
                    default -> e;
                });
                pos += 2;
            } else {
                literal.append(c);
                pos++;
            }
        }
        parser.problem(open, "unterminated $'...' string");
    }

    /** {@code ${...}}, which may nest quotes, expansions and substitutions. */
    private void braces(boolean inDoubleQuotes) {
        int open = pos;
        pos += 2;
        if (!parser.enter(open)) {
            pos = limit;
            return;
        }
        StringBuilder ignored = ignoredText();
        try {
            while (pos < limit) {
                char c = chars[pos];
                switch (c) {
                    case '}' -> {
                        pos++;
                        return;
                    }
                    case '\\' -> pos = Math.min(pos + 2, limit);
                    case '\'' -> {
                        if (inDoubleQuotes) {
                            pos++;
                        } else {
                            singleQuoted(ignored);
                        }
                    }
                    case '"' -> doubleQuoted(ignored);
                    case '$' -> dollar(ignored, inDoubleQuotes);
                    case '`' -> backtick();
                    default -> pos++;
                }
            }
            parser.problem(open, "unterminated ${...}");
        } finally {
            parser.leave();
        }
    }

    /**
     * A builder for text read only to be skipped (inside {@code ${...}}): one per lexer, since what it holds is
     * never read, nested braces may share it.
     */
    private StringBuilder ignoredText() {
        if (ignored == null) ignored = new StringBuilder();
        ignored.setLength(0);
        return ignored;
    }

    /** Skips balanced parentheses starting at {@code open} (arithmetic, array values); quotes are respected. */
    private void skipParens(int open, String what) {
        int depth = 0;
        pos = open;
        while (pos < limit) {
            char c = chars[pos];
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                if (--depth == 0) {
                    pos++;
                    return;
                }
            } else if (c == '\\') {
                pos++;
            } else if (c == '\'' || c == '"') {
                int close = text.indexOf(c, pos + 1);
                pos = close < 0 || close >= limit ? limit - 1 : close;
            }
            pos++;
        }
        pos = limit;
        parser.problem(open, "unterminated " + what);
    }

    /** Skips {@code ((...))} of an arithmetic command or C-style for loop starting at {@code open}. */
    void skipArithmetic(int open) {
        skipParens(open, "arithmetic command");
    }

    /** {@code $(...)}, {@code <(...)} or {@code >(...)} whose commands start at {@code from}. */
    private void substitution(int open, int from, String what) {
        int close = parser.substitution(from, limit, true, this);
        if (close < 0) {
            parser.problem(open, "unterminated " + what);
            pos = limit;
        } else {
            pos = close + 1;
        }
    }

    /** {@code `...`}: its commands are analysed within the backticks. */
    private void backtick() {
        int open = pos;
        int close = pos + 1;
        while (close < limit && chars[close] != '`') close += chars[close] == '\\' ? 2 : 1;
        if (close >= limit) {
            parser.problem(open, "unterminated backtick substitution");
            parser.substitution(open + 1, limit, false, this);
            pos = limit;
            return;
        }
        parser.substitution(open + 1, close, false, this);
        pos = close + 1;
    }

    /** Gives up on the rest of the region (nesting too deep to analyse). */
    void skipToEnd() {
        pos = limit;
        pending.clear();
    }
}
