package dev.dockfit.dockerfile.parser;

import dev.dockfit.dockerfile.model.Arg;
import dev.dockfit.dockerfile.model.Comment;
import dev.dockfit.dockerfile.model.Directive;
import dev.dockfit.dockerfile.model.FixedList;
import dev.dockfit.dockerfile.model.Dockerfile;
import dev.dockfit.dockerfile.model.Flag;
import dev.dockfit.dockerfile.model.Heredoc;
import dev.dockfit.dockerfile.model.Instruction;
import dev.dockfit.dockerfile.model.ParseWarning;
import dev.dockfit.dockerfile.model.SourceText;
import dev.dockfit.dockerfile.model.Span;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a Dockerfile exactly as BuildKit's {@code frontend/dockerfile/parser} does (directives, escape token,
 * line continuations with comments and blank lines inside, BOM, CRLF, JSON versus shell form, heredocs)
 * and keeps the source span of every part.
 */
public final class DockerfileParser {
    /** bufio.Scanner's limit, which BuildKit inherits: longer lines are an error. */
    private static final int MAX_LINE = 64 * 1024;

    private final String path;
    private final SourceText source;
    private final String s;
    /** Every byte is ASCII: byte strings need no decoding (the usual case). */
    private final boolean ascii;
    private final DirectiveReader directives = new DirectiveReader();
    private final List<Directive> foundDirectives = new ArrayList<>();
    private final List<Instruction> instructions = new ArrayList<>();
    private final List<ParseWarning> warnings = new ArrayList<>();
    private final List<Comment> comments = new ArrayList<>();
    private int pos;
    /** The first '<' at or after angleSearchedFrom, or the length: see {@link #angleAtOrAfter}. */
    private int nextAngle = -1;
    private int angleSearchedFrom = -1;
    private int lineNo;
    private int stage = -1;

    private DockerfileParser(String path, byte[] bytes) {
        this.path = path;
        this.source = SourceText.of(bytes);
        this.s = source.byteView();
        this.ascii = source.isAscii();
    }

    public static Dockerfile parse(String path, byte[] bytes) throws DockerfileParseException {
        return new DockerfileParser(path, bytes).run();
    }

    public static Dockerfile parse(Path file) throws IOException, DockerfileParseException {
        return parse(file.toString(), Files.readAllBytes(file));
    }

    /** Parses text given as a string (tests, examples). */
    public static Dockerfile parse(String text) throws DockerfileParseException {
        return parse("Dockerfile", text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private Dockerfile run() throws DockerfileParseException {
        while (pos < s.length()) {
            int lineStart = pos;
            int next = nextLine();
            int from = lineStart;
            if (lineNo == 0 && s.startsWith("\u00EF\u00BB\u00BF", 0)) from = 3;
            int to = trimNewline(from, next);
            from = GoText.skipSpaceForward(s, from, to);
            Directive d = directives.offer(s, from, to, lineNo + 1);
            if (d != null) foundDirectives.add(d);
            lineNo++;
            int startLine = lineNo;
            if (from < to && s.charAt(from) == '#') {
                if (d == null) comments.add(comment(from, to));
                continue;
            }
            int contentEnd = continuation(from, to);
            if (contentEnd < 0 && from == to) continue;
            readInstruction(from, to, contentEnd, startLine);
        }
        if (instructions.isEmpty()) {
            throw new DockerfileParseException("file with no instructions", Math.max(1, lineNo), 1);
        }
        return new Dockerfile(path, source, foundDirectives, instructions, comments, directives.escapeToken(),
                warnings);
    }

    private void readInstruction(int from, int to, int contentEnd, int startLine) throws DockerfileParseException {
        LogicalLine logical = new LogicalLine(s);
        logical.append(from, contentEnd < 0 ? to : contentEnd);
        logical.markEnd(to);
        int end = to;
        boolean emptyContinuation = false;
        boolean eol = contentEnd < 0;
        while (!eol && pos < s.length()) {
            int ls = pos;
            int next = nextLine();
            lineNo++;
            int te = trimNewline(ls, next);
            end = te;
            int firstNonSpace = GoText.skipSpaceForward(s, ls, te);
            if (firstNonSpace < te && s.charAt(firstNonSpace) == '#') {
                comments.add(comment(firstNonSpace, te));
                continue;
            }
            if (firstNonSpace == te) {
                emptyContinuation = true;
                continue;
            }
            int ce = continuation(ls, te);
            eol = ce < 0;
            logical.append(ls, eol ? te : ce);
        }
        LineParsers parsers = new LineParsers(logical.text(), directives.escapeToken());
        RawInstruction raw;
        try {
            raw = parsers.instruction(logical.from(), logical.to());
        } catch (DockerfileParseException e) {
            throw at(e, startLine, from);
        }
        if (emptyContinuation) {
            warnings.add(new ParseWarning("Empty continuation line found in: " + GoText.decode(logical.joinedText()),
                    new Span(from, end)));
        }
        List<Heredoc> heredocs = FixedList.of();
        if (canContainHeredoc(raw) && holdsHeredocOperator(logical)) {
            try {
                heredocs = readHeredocs(HeredocLexer.openers(logical.joinedText()), startLine, from);
            } catch (DockerfileParseException e) {
                throw at(e, startLine, from);
            }
            if (!heredocs.isEmpty()) end = heredocs.get(heredocs.size() - 1).span().end();
        }
        if ("FROM".equals(raw.known)) stage++;
        instructions.add(toInstruction(raw, logical, heredocs, new Span(from, end), instructions.size()));
    }

    private List<Heredoc> readHeredocs(List<HeredocLexer.Opener> openers, int startLine, int from)
            throws DockerfileParseException {
        List<Heredoc> out = new ArrayList<>();
        for (HeredocLexer.Opener o : openers) {
            int bodyStart = pos;
            boolean terminated = false;
            int bodyEnd = pos;
            while (pos < s.length()) {
                int ls = pos;
                int next = nextLine();
                lineNo++;
                int te = trimNewline(ls, next);
                int cand = ls;
                if (o.chomp()) while (cand < te && s.charAt(cand) == '\t') cand++;
                if (te - cand == o.name().length() && s.startsWith(o.name(), cand)) {
                    terminated = true;
                    bodyEnd = ls;
                    break;
                }
            }
            if (!terminated) throw new DockerfileParseException("unterminated heredoc", startLine, 1);
            String content = decode(s.substring(bodyStart, bodyEnd));
            out.add(new Heredoc(decode(o.name()), o.fileDescriptor(), o.expand(), o.chomp(), content,
                    new Span(bodyStart, trimNewline(bodyEnd, pos))));
        }
        return out;
    }

    /**
     * True when the instruction's text holds {@code <<}, also across a line continuation. Hot: asked for every RUN,
     * COPY and ADD; the line's pieces are ranges of the source, where a '<' is searched for once per file, not
     * once per instruction up to the next '<'.
     */
    private boolean holdsHeredocOperator(LogicalLine logical) {
        int pieces = logical.pieces();
        for (int k = 0; k < pieces; k++) {
            int end = logical.pieceEnd(k);
            for (int lt = angleAtOrAfter(logical.pieceStart(k)); lt < end; lt = angleAtOrAfter(lt + 1)) {
                int next = lt + 1 < end ? lt + 1 : k + 1 < pieces ? logical.pieceStart(k + 1) : -1;
                if (next >= 0 && s.charAt(next) == '<') return true;
            }
        }
        return false;
    }

    /** The first '<' at or after {@code offset}, or the length; the last answer holds while it is not passed. */
    private int angleAtOrAfter(int offset) {
        if (offset < angleSearchedFrom || nextAngle < offset) {
            int found = s.indexOf('<', offset);
            nextAngle = found < 0 ? s.length() : found;
            angleSearchedFrom = offset;
        }
        return nextAngle;
    }

    /** Hot: per instruction, so the known keyword's name is compared, not the text as written. */
    private static boolean canContainHeredoc(RawInstruction raw) {
        RawInstruction target = raw;
        if ("ONBUILD".equals(raw.known) && raw.child != null) target = raw.child;
        String k = target.known;
        return ("RUN".equals(k) || "COPY".equals(k) || "ADD".equals(k)) && !target.json;
    }

    private Instruction toInstruction(RawInstruction raw, LogicalLine logical, List<Heredoc> heredocs, Span span,
                                      int position) {
        // the lists are made as the model's FixedLists, which the Instruction keeps without copying
        List<Flag> flags = FixedList.of();
        if (!raw.flags.isEmpty()) {
            Flag[] made = new Flag[raw.flags.size()];
            for (int i = 0; i < made.length; i++) {
                RawInstruction.Piece p = raw.flags.get(i);
                made[i] = new Flag(decode(p.bytes()), logical.span(p.from(), p.to()));
            }
            flags = FixedList.wrap(made);
        }
        Arg[] args = new Arg[raw.args.size()];
        for (int i = 0; i < args.length; i++) {
            RawInstruction.Piece p = raw.args.get(i);
            Span argSpan = p.from() < 0 ? null : logical.span(p.from(), p.to());
            args[i] = new Arg(decode(p.bytes()), p.bytes(), argSpan);
        }
        Instruction child = raw.child == null ? null
                : toInstruction(raw.child, logical, FixedList.of(), logical.span(raw.child.keywordFrom, raw.child.argsTo),
                        -1);
        return new Instruction(decode(raw.keyword), span, logical.span(raw.keywordFrom, raw.keywordTo), flags,
                FixedList.wrap(args), raw.json, heredocs, child,
                logical.mapped(raw.argsFrom, raw.argsTo, raw.argsBytes, ascii), stage, position);
    }

    /** UTF-8 text of a byte string; hot: called per word, and free for an ASCII file. */
    private String decode(String byteString) {
        return ascii ? byteString : GoText.decode(byteString);
    }

    private Comment comment(int hash, int end) {
        if (!ascii) return new Comment(GoText.decode(s.substring(hash + 1, end)).strip(), new Span(hash, end));
        // as strip() does, without the copy before it
        int from = hash + 1;
        int to = end;
        while (from < to && Character.isWhitespace(s.charAt(from))) from++;
        while (to > from && Character.isWhitespace(s.charAt(to - 1))) to--;
        return new Comment(s.substring(from, to), new Span(hash, end));
    }

    /** Advances past the current line; returns the offset after its newline (or the end of input). */
    private int nextLine() throws DockerfileParseException {
        // the source's line index already holds every line start; lineNo lines have been read so far
        int next = lineNo + 1 < source.lineCount() ? source.lineStart(lineNo + 2) : s.length();
        if (next - pos > MAX_LINE) {
            throw new DockerfileParseException("dockerfile line greater than max allowed size of " + (MAX_LINE - 1),
                    lineNo + 1, 1);
        }
        pos = next;
        return next;
    }

    /** End of the line's content: trailing CR and LF bytes removed. */
    private int trimNewline(int from, int to) {
        while (to > from && (s.charAt(to - 1) == '\n' || s.charAt(to - 1) == '\r')) to--;
        return to;
    }

    /**
     * If the line ends with the escape token (and optional blanks) not itself escaped, the offset where its
     * content ends (the token removed); otherwise -1.
     */
    private int continuation(int from, int to) {
        char esc = directives.escapeToken();
        int i = to;
        while (i > from && (s.charAt(i - 1) == ' ' || s.charAt(i - 1) == '\t')) i--;
        if (i == from || s.charAt(i - 1) != esc) return -1;
        int tokenAt = i - 1;
        if (tokenAt == from) return tokenAt;
        return s.charAt(tokenAt - 1) == esc ? -1 : tokenAt;
    }

    private DockerfileParseException at(DockerfileParseException e, int line, int offset) {
        if (e.line() > 0) return e;
        return new DockerfileParseException(e.getMessage(), line, source.position(offset).column());
    }
}
