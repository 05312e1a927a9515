package dev.dockfit.dockerfile.shell;

import dev.dockfit.dockerfile.model.FixedList;
import dev.dockfit.dockerfile.shell.ShellLexer.Kind;
import dev.dockfit.dockerfile.shell.ShellLexer.Op;
import dev.dockfit.dockerfile.shell.ShellLexer.PendingHeredoc;
import dev.dockfit.dockerfile.shell.ShellLexer.Token;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Analyses a shell script (the text of a shell-form RUN, or a heredoc body) into its simple commands with a
 * recursive-descent parser for the POSIX shell grammar plus the bash forms common in Dockerfiles
 * ({@code [[ ]]}, {@code $'...'}, {@code <( )}, {@code function}, arrays, {@code |&}, {@code &>}). It never
 * throws: malformed input yields a {@link ShellScript} with {@link ShellScript#problems()}, and words or
 * substitutions left open end at the end of the text.
 */
public final class ShellParser {

    /** Compound commands and substitutions nested deeper than this are not analysed (bounded recursion). */
    private static final int MAX_DEPTH = 100;

    /** The reserved words the grammar looks for, one bit each: a word is looked up once, sets are bit masks. */
    private static final List<String> RESERVED = List.of("then", "elif", "else", "fi", "do", "done", "esac", "}", "]]",
            "if", "while", "until", "for", "select", "case", "{", "function");
    /** The indexes in {@link #RESERVED} of the words starting with each ASCII character, or null. */
    private static final int[][] RESERVED_BY_FIRST = new int[128][];

    static {
        for (int i = 0; i < RESERVED.size(); i++) {
            String word = RESERVED.get(i);
            int[] known = RESERVED_BY_FIRST[word.charAt(0)];
            int[] more = known == null ? new int[1] : Arrays.copyOf(known, known.length + 1);
            more[more.length - 1] = i;
            RESERVED_BY_FIRST[word.charAt(0)] = more;
        }
    }

    private static final int CLOSERS = bits("then", "elif", "else", "fi", "do", "done", "esac", "}", "]]");
    private static final int CLOSERS_OF_COMPOUNDS = bits("fi", "done", "esac", "}");
    private static final int COMPOUND_STARTS = bits("if", "while", "until", "for", "select", "case", "{", "function");
    /** The longest reserved word: a longer word is none of them. */
    private static final int LONGEST_RESERVED = "function".length();
    private static final Comparator<ShellScript.Problem> BY_OFFSET = Comparator.comparingInt(ShellScript.Problem::offset);

    /** Each thread's buffer for the characters of the script it parses, and the longest script it serves. */
    private static final ThreadLocal<char[]> CHARS = ThreadLocal.withInitial(() -> new char[1024]);
    private static final int MAX_REUSED_CHARS = 1 << 16;

    private final String text;
    /** The text's characters (a prefix of a reused buffer), shared by the lexers of the script and its substitutions. */
    private final char[] chars;
    private final List<SimpleCommand> commands = new ArrayList<>();
    /** The commands that have redirections, whose Redirections are made once heredoc bodies are read; null if none. */
    private List<Redirected> redirected;
    /** Distinct problems in the order found; null while there is none (most scripts). */
    private Set<ShellScript.Problem> problems;
    private int depth;

    private ShellParser(String text) {
        this.text = text;
        this.chars = charsOf(text);
    }

    /**
     * The characters of {@code text} in this thread's reused buffer (hot: C1 would allocate and zero a copy per
     * script). Only the first {@code text.length()} are read; parse is not re-entered, and no word or command keeps
     * the buffer.
     */
    private static char[] charsOf(String text) {
        int length = text.length();
        if (length > MAX_REUSED_CHARS) return text.toCharArray();
        char[] buffer = CHARS.get();
        if (buffer.length < length) {
            buffer = new char[Math.min(MAX_REUSED_CHARS, Math.max(length, 2 * buffer.length))];
            CHARS.set(buffer);
        }
        text.getChars(0, length, buffer, 0);
        return buffer;
    }

    public static ShellScript parse(String text) {
        ShellParser parser = new ShellParser(text);
        Context top = parser.new Context(new ShellLexer(parser, text, parser.chars, 0, text.length()), false);
        top.parseList(Stop.NONE);
        top.finish();
        parser.setRedirections();
        SimpleCommand[] commands = parser.commands.toArray(new SimpleCommand[0]);
        sortByStart(commands);
        List<ShellScript.Problem> problems = List.of();
        if (parser.problems != null) {
            problems = new ArrayList<>(parser.problems);
            problems.sort(BY_OFFSET);
        }
        return new ShellScript(text, commands, problems);
    }

    /**
     * Orders the commands by start offset, stably. An insertion sort: the commands come in completion order, which
     * differs from the start order only around substitutions (whose commands complete before the enclosing one),
     * so it mostly just compares neighbours.
     */
    private static void sortByStart(SimpleCommand[] commands) {
        for (int i = 1; i < commands.length; i++) {
            SimpleCommand c = commands[i];
            int j = i;
            while (j > 0 && commands[j - 1].start() > c.start()) {
                commands[j] = commands[j - 1];
                j--;
            }
            commands[j] = c;
        }
    }

    /** Builds the redirections of each command that has some; their heredoc bodies have been read by now. */
    private void setRedirections() {
        if (redirected == null) return;
        for (int i = 0; i < redirected.size(); i++) {
            List<RedirectionBuilder> builders = redirected.get(i).redirections();
            Redirection[] built = new Redirection[builders.size()];
            for (int r = 0; r < built.length; r++) built[r] = builders.get(r).build();
            redirected.get(i).command().setRedirections(FixedList.wrap(built));
        }
    }

    private record Redirected(SimpleCommand command, List<RedirectionBuilder> redirections) {
    }

    void problem(int offset, String message) {
        if (problems == null) problems = new LinkedHashSet<>();
        problems.add(new ShellScript.Problem(offset, message));
    }

    /** Enters one nesting level; false (with a problem noted) when too deep. */
    boolean enter(int offset) {
        if (depth >= MAX_DEPTH) {
            problem(offset, "nesting deeper than " + MAX_DEPTH + " levels; the rest is not analysed");
            return false;
        }
        depth++;
        return true;
    }

    void leave() {
        depth--;
    }

    /**
     * Analyses the commands of a substitution starting at {@code from}. Parenthesised forms end at the
     * {@code )} that closes them, whose offset is returned (-1 when missing); backticks end at {@code limit}.
     */
    int substitution(int from, int limit, boolean parenthesised, ShellLexer enclosing) {
        if (!enter(from)) return -1;
        try {
            ShellLexer lexer = new ShellLexer(this, text, chars, from, limit);
            Context context = new Context(lexer, true);
            context.parseList(parenthesised ? Stop.PAREN : Stop.NONE);
            context.finish();
            lexer.unfinishedHeredocs().forEach(enclosing::addHeredoc);
            if (!parenthesised) return limit;
            Token end = context.peek();
            return end.isOperator(Op.CLOSE_PAREN) ? end.start() : -1;
        } finally {
            leave();
        }
    }

    /** What ends a command list: reserved words (a mask of {@link #RESERVED}), {@code )}, or the end of a case branch. */
    private record Stop(int words, boolean paren, boolean caseEnd) {
        static final Stop NONE = new Stop(0, false, false);
        static final Stop PAREN = new Stop(0, true, false);
        static final Stop CASE_BRANCH = new Stop(bits("esac"), false, true);
        static final Stop THEN = words("then");
        static final Stop ELSE_BRANCH = words("elif", "else", "fi");
        static final Stop FI = words("fi");
        static final Stop DO = words("do");
        static final Stop DONE = words("done");
        static final Stop BRACE = words("}");

        private static Stop words(String... words) {
            return new Stop(bits(words), false, false);
        }

        boolean matches(Token t) {
            return (t.kind() == Kind.WORD && isIn(words, t))
                    || (paren && t.isOperator(Op.CLOSE_PAREN))
                    || (caseEnd && isCaseEnd(t));
        }
    }

    private static int bits(String... words) {
        int mask = 0;
        for (String word : words) mask |= 1 << RESERVED.indexOf(word);
        return mask;
    }

    /** Whether the word token {@code t} is spelled as one of the reserved words of the mask {@code words}. */
    private static boolean isIn(int words, Token t) {
        int reserved = t.reservedBits;
        if (reserved < 0) { // hot: the grammar asks this of most words, some several times: the answer is kept
            reserved = reservedBit(t.word());
            t.reservedBits = reserved;
        }
        return (reserved & words) != 0;
    }

    /** The bit of the reserved word {@code word} is spelled as, or 0; compared in place, no text cut. */
    private static int reservedBit(ShellWord word) {
        // a word with quotes, escapes or expansions is spelled as no reserved word
        int length = word.end() - word.start();
        if (!word.isPlain() || length == 0 || length > LONGEST_RESERVED) return 0;
        char first = word.first();
        int[] candidates = first < 128 ? RESERVED_BY_FIRST[first] : null;
        if (candidates == null) return 0;
        for (int i = 0; i < candidates.length; i++) {
            if (word.isSpelled(RESERVED.get(candidates[i]))) return 1 << candidates[i];
        }
        return 0;
    }

    private static boolean isPipe(Token t) {
        return t.isOperator(Op.PIPE) || t.isOperator(Op.PIPE_AND);
    }

    private static boolean isCaseEnd(Token t) {
        return t.kind() == Kind.OPERATOR && t.op().endsCaseBranch();
    }

    private static String shown(Token t) {
        return switch (t.kind()) {
            case WORD -> t.word().raw();
            case NEWLINE -> "line break";
            case EOF -> "end of text";
            default -> t.op().text;
        };
    }

    /** One command list being parsed: the whole script or one substitution. */
    private final class Context {
        private final ShellLexer lexer;
        private final boolean inSubstitution;
        /** Commands of this context in completion order; pipelines mark ranges of it. */
        private final List<SimpleCommand> created = new ArrayList<>();
        private final List<SimpleCommand> awaitingAfter = new ArrayList<>();
        /**
         * The parts of the simple command being read, until {@link #complete} copies them: one command is read at a
         * time per context, so the lists are reused from command to command.
         */
        private ShellWord[] words = new ShellWord[8];
        private int wordCount;
        private final List<ShellWord> assignments = new ArrayList<>();
        private final List<RedirectionBuilder> redirections = new ArrayList<>();
        /** The end of the simple command being read. */
        private int commandEnd;
        private Connector pendingBefore = Connector.END;
        /** Whether pendingBefore holds an operator (or the start's END) that a line break must not replace. */
        private boolean beforeLocked = true;
        private Token peeked;
        private int consumed;

        Context(ShellLexer lexer, boolean inSubstitution) {
            this.lexer = lexer;
            this.inSubstitution = inSubstitution;
        }

        Token peek() {
            if (peeked == null) peeked = lexer.next();
            return peeked;
        }

        Token consume() {
            Token t = peek();
            peeked = null;
            if (t.kind() != Kind.EOF) consumed++;
            if (t.isOperator(Op.CLOSE_PAREN) || (t.kind() == Kind.WORD && isIn(CLOSERS_OF_COMPOUNDS, t))) {
                beforeLocked = false;
            }
            return t;
        }

        /**
         * Consumes a control operator. The first one after a command is its {@code after}; the last one before
         * the next command is that command's {@code before}, except that a line break does not override an
         * operator unless a compound command closed in between ({@code a;}&#10;{@code b} gives SEQ,
         * {@code fi && b} gives AND).
         */
        private void connector(Connector connector) {
            consume();
            setAfter(connector);
            if (connector != Connector.NEWLINE) {
                pendingBefore = connector;
                beforeLocked = true;
            } else if (!beforeLocked) {
                pendingBefore = connector;
            }
        }

        void finish() {
            setAfter(Connector.END);
        }

        private void setAfter(Connector connector) {
            for (int i = 0; i < awaitingAfter.size(); i++) awaitingAfter.get(i).setAfter(connector);
            awaitingAfter.clear();
        }

        /** Makes the simple command read since {@code start}. */
        private void complete(int start) {
            FixedList<ShellWord> assigned = FixedList.copyOf(assignments);
            SimpleCommand command = new SimpleCommand(text, assigned, immutableList(words, wordCount),
                    wordCount == 0 ? null : words[0], start, commandEnd, pendingBefore, inSubstitution);
            if (!redirections.isEmpty()) {
                if (redirected == null) redirected = new ArrayList<>();
                redirected.add(new Redirected(command, List.copyOf(redirections)));
            }
            pendingBefore = Connector.END;
            beforeLocked = false;
            awaitingAfter.add(command);
            created.add(command);
            commands.add(command);
        }

        private void unexpected(Token t) {
            problem(t.start(), t.kind() == Kind.EOF ? "unexpected end of text" : "unexpected '" + shown(t) + "'");
        }

        /** A list that must hold a command: the body of a subshell, group, if, loop. */
        private void parseBody(Stop stop) {
            if (!parseList(stop)) problem(peek().start(), "missing command before '" + shown(peek()) + "'");
        }

        private void skipNewlines() {
            while (peek().kind() == Kind.NEWLINE) consume();
        }

        private boolean expectWord(String keyword) {
            if (peek().isWord(keyword)) {
                consume();
                return true;
            }
            problem(peek().start(), "missing '" + keyword + "'");
            return false;
        }

        /** Parses commands up to the end or a token {@code stop} matches; returns whether it met a command. */
        boolean parseList(Stop stop) {
            boolean any = false;
            while (true) {
                Token t = peek();
                if (t.kind() == Kind.EOF || stop.matches(t)) return any;
                int before = consumed;
                if (t.kind() == Kind.NEWLINE) {
                    connector(Connector.NEWLINE);
                    continue;
                }
                if (t.isOperator(Op.SEMI) || t.isOperator(Op.AMP) || t.isOperator(Op.CLOSE_PAREN) || isCaseEnd(t)
                        || (t.kind() == Kind.WORD && isIn(CLOSERS, t))) {
                    unexpected(t);
                    consume();
                    continue;
                }
                parseAndOr();
                any = true;
                Token end = peek();
                if (end.isOperator(Op.SEMI)) {
                    connector(Connector.SEQ);
                } else if (end.isOperator(Op.AMP)) {
                    connector(Connector.BACKGROUND);
                } else if (end.kind() == Kind.NEWLINE) {
                    connector(Connector.NEWLINE);
                }
                if (consumed == before) {
                    unexpected(peek());
                    consume();
                }
            }
        }

        private void parseAndOr() {
            parsePipeline();
            while (peek().isOperator(Op.AND_IF) || peek().isOperator(Op.OR_IF)) {
                connector(peek().isOperator(Op.AND_IF) ? Connector.AND : Connector.OR);
                skipNewlines();
                parsePipeline();
            }
        }

        private void parsePipeline() {
            if (peek().isWord("time")) {
                consume();
                if (peek().isWord("-p")) consume();
            }
            if (peek().isWord("!")) {
                consume();
                Kind next = peek().kind();
                if (next == Kind.EOF || next == Kind.NEWLINE) return;
            }
            int first = created.size();
            parseCommand();
            if (!isPipe(peek())) return; // most commands are not in a pipeline: no bounds to keep
            List<Integer> bounds = new ArrayList<>();
            bounds.add(first);
            bounds.add(created.size());
            while (isPipe(peek())) {
                connector(Connector.PIPE);
                skipNewlines();
                parseCommand();
                bounds.add(created.size());
            }
            int size = bounds.size() - 1;
            for (int element = 0; element < size; element++) {
                for (int i = bounds.get(element); i < bounds.get(element + 1); i++) {
                    SimpleCommand c = created.get(i);
                    if (c.pipelineIndex() < 0) c.setPipeline(element, size);
                }
            }
        }

        private void parseCommand() {
            Token t = peek();
            boolean compound = t.isOperator(Op.OPEN_PAREN)
                    || (t.kind() == Kind.WORD && isIn(COMPOUND_STARTS, t));
            if (!compound) {
                boolean closer = t.kind() == Kind.WORD && isIn(CLOSERS, t);
                if (!closer && (t.kind() == Kind.WORD || t.kind() == Kind.REDIRECT)) {
                    parseSimple();
                } else {
                    unexpected(t);
                }
                return;
            }
            // the token is reused by the lexer: keep what is needed after the body is parsed
            int start = t.start();
            boolean subshell = t.isOperator(Op.OPEN_PAREN);
            if (!enter(start)) {
                lexer.skipToEnd();
                peeked = null;
                consumed++;
                return;
            }
            try {
                if (subshell) {
                    parseParenthesised(start);
                } else {
                    switch (t.word().raw()) {
                        case "if" -> parseIf();
                        case "while", "until" -> parseLoop();
                        case "for", "select" -> parseFor();
                        case "case" -> parseCase();
                        case "{" -> parseGroup();
                        default -> parseFunction();
                    }
                }
            } finally {
                leave();
            }
            while (peek().kind() == Kind.REDIRECT) parseRedirect(false); // of the compound command: not kept
            // only a reserved word may follow, and only after ')': "(a) fi" is valid, "(a) b" and "{ a; } fi" are not
            Token next = peek();
            if (next.kind() == Kind.WORD && !(subshell && isIn(CLOSERS, next))) {
                unexpected(next);
            }
        }

        /** {@code ( list )} or the arithmetic command {@code (( expr ))}, whose {@code (} is at {@code open}. */
        private void parseParenthesised(int open) {
            consume();
            if (lexer.charAt(open + 1) == '(') {
                lexer.skipArithmetic(open);
                return;
            }
            parseBody(Stop.PAREN);
            if (peek().isOperator(Op.CLOSE_PAREN)) {
                consume();
            } else {
                problem(open, "missing ')'");
            }
        }

        private void parseIf() {
            consume();
            parseBody(Stop.THEN);
            expectWord("then");
            parseBody(Stop.ELSE_BRANCH);
            while (peek().isWord("elif")) {
                consume();
                parseBody(Stop.THEN);
                expectWord("then");
                parseBody(Stop.ELSE_BRANCH);
            }
            if (peek().isWord("else")) {
                consume();
                parseBody(Stop.FI);
            }
            expectWord("fi");
        }

        private void parseLoop() {
            consume();
            parseBody(Stop.DO);
            parseDoDone();
        }

        private void parseDoDone() {
            if (peek().isWord("{")) {
                parseGroup();
                return;
            }
            expectWord("do");
            parseBody(Stop.DONE);
            expectWord("done");
        }

        private void parseFor() {
            consume();
            Token t = peek();
            if (t.isOperator(Op.OPEN_PAREN) && lexer.charAt(t.end()) == '(') {
                consume();
                lexer.skipArithmetic(t.start());
            } else if (t.kind() == Kind.WORD) {
                consume();
                skipNewlines();
                if (peek().isWord("in")) {
                    consume();
                    while (peek().kind() == Kind.WORD) consume();
                }
            }
            if (peek().isOperator(Op.SEMI)) consume();
            skipNewlines();
            parseDoDone();
        }

        private void parseCase() {
            consume();
            if (peek().kind() == Kind.WORD) consume();
            skipNewlines();
            expectWord("in");
            while (true) {
                skipNewlines();
                Token t = peek();
                if (t.isWord("esac")) {
                    consume();
                    return;
                }
                if (t.kind() == Kind.EOF) {
                    problem(t.start(), "missing 'esac'");
                    return;
                }
                int before = consumed;
                if (t.isOperator(Op.OPEN_PAREN)) consume();
                while (peek().kind() == Kind.WORD || peek().isOperator(Op.PIPE)) consume();
                if (peek().isOperator(Op.CLOSE_PAREN)) {
                    consume();
                } else {
                    problem(peek().start(), "missing ')' after a case pattern");
                }
                parseList(Stop.CASE_BRANCH);
                if (isCaseEnd(peek())) connector(Connector.END);
                if (consumed == before) {
                    unexpected(peek());
                    consume();
                }
            }
        }

        private void parseGroup() {
            consume();
            parseBody(Stop.BRACE);
            expectWord("}");
        }

        /** {@code function name [()] body}. */
        private void parseFunction() {
            consume();
            if (peek().kind() == Kind.WORD) consume();
            if (peek().isOperator(Op.OPEN_PAREN)) parseEmptyParens();
            parseFunctionBody();
        }

        private void parseFunctionBody() {
            skipNewlines();
            Token body = peek();
            if (!body.isOperator(Op.OPEN_PAREN) && !(body.kind() == Kind.WORD && isIn(COMPOUND_STARTS, body))) {
                problem(body.start(), "a function body must be a compound command such as { ...; }");
            }
            parseCommand();
        }

        private void parseEmptyParens() {
            consume();
            if (peek().isOperator(Op.CLOSE_PAREN)) {
                consume();
            } else {
                problem(peek().start(), "missing ')' in a function definition");
            }
        }

        private void parseSimple() {
            int start = peek().start();
            commandEnd = start;
            wordCount = 0;
            assignments.clear();
            redirections.clear();
            while (true) {
                Token t = peek();
                if (t.kind() == Kind.REDIRECT) {
                    parseRedirect(true);
                    continue;
                }
                if (t.kind() != Kind.WORD) {
                    if (t.isOperator(Op.OPEN_PAREN)) unexpected(t);
                    break;
                }
                consume();
                ShellWord word = t.word();
                commandEnd = word.end();
                if (wordCount == 0 && lexer.isAssignment(word)) {
                    assignments.add(word);
                    continue;
                }
                addWord(word);
                boolean first = wordCount == 1 && assignments.isEmpty() && redirections.isEmpty();
                if (first && word.isSpelled("[[")) {
                    parseConditional();
                } else if (first && peek().isOperator(Op.OPEN_PAREN)) {
                    parseEmptyParens();
                    parseFunctionBody();
                    return;
                }
            }
            if (wordCount > 0 || !assignments.isEmpty() || !redirections.isEmpty()) complete(start);
        }

        private void addWord(ShellWord word) {
            if (wordCount == words.length) words = Arrays.copyOf(words, 2 * wordCount);
            words[wordCount++] = word;
        }

        /** {@code [[ ... ]]}: operators inside are words of the command named {@code [[}. */
        private void parseConditional() {
            lexer.conditional = true;
            try {
                while (true) {
                    Token t = peek();
                    if (t.kind() != Kind.WORD) {
                        problem(t.start(), "missing ']]'");
                        return;
                    }
                    consume();
                    addWord(t.word());
                    commandEnd = t.end();
                    if (t.word().isSpelled("]]")) return;
                }
            } finally {
                lexer.conditional = false;
            }
        }

        /** Reads a redirection; {@code kept}: of the simple command being read, else of a compound command. */
        private void parseRedirect(boolean kept) {
            Token t = consume();
            Op op = t.op(); // the token is reused by the lexer: the next peek replaces it
            RedirectionBuilder r = new RedirectionBuilder(op.text, t.fd(), t.start(), t.end());
            if (kept) {
                redirections.add(r);
                commandEnd = r.end;
            }
            if (peek().kind() != Kind.WORD) {
                problem(r.end, "missing word after '" + op.text + "'");
                return;
            }
            ShellWord target = consume().word();
            r.target = target;
            r.end = target.end();
            if (kept) commandEnd = target.end();
            if (op == Op.HEREDOC || op == Op.HEREDOC_STRIP) {
                r.heredoc = new PendingHeredoc(target.literal(), op == Op.HEREDOC_STRIP);
                String raw = target.raw();
                r.heredocQuoted = raw.indexOf('\'') >= 0 || raw.indexOf('"') >= 0 || raw.indexOf('\\') >= 0;
                lexer.addHeredoc(r.heredoc);
            }
        }
    }

    /** The first {@code count} of {@code words} as an immutable list (see {@link SimpleCommand}). */
    private static FixedList<ShellWord> immutableList(ShellWord[] words, int count) {
        return count == 0 ? FixedList.of() : FixedList.wrap(Arrays.copyOf(words, count));
    }

    private static final class RedirectionBuilder {
        final String operator;
        final int fd;
        final int start;
        int end;
        ShellWord target;
        PendingHeredoc heredoc;
        boolean heredocQuoted;

        RedirectionBuilder(String operator, int fd, int start, int end) {
            this.operator = operator;
            this.fd = fd;
            this.start = start;
            this.end = end;
        }

        Redirection build() {
            Redirection.Heredoc h = heredoc == null ? null : new Redirection.Heredoc(heredoc.delimiter,
                    heredocQuoted, heredoc.stripTabs, heredoc.bodyStart, heredoc.bodyEnd);
            return new Redirection(operator, fd, target, start, end, h);
        }
    }
}
