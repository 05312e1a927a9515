package dev.dockfit.dockerfile.model;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A parsed Dockerfile: the exact source plus the directives and instructions found in it. The instructions'
 * spans and the text between them (comments, blank lines, directives) cover the whole file, so rendering an
 * unmodified model reproduces the original bytes.
 */
public final class Dockerfile {
    private final String path;
    private final SourceText source;
    private final List<Directive> directives;
    private final FixedList<Instruction> instructions;
    private final FixedList<Comment> comments;
    private final char escapeToken;
    private final List<ParseWarning> warnings;

    public Dockerfile(String path, SourceText source, List<Directive> directives, List<Instruction> instructions,
                      List<Comment> comments, char escapeToken, List<ParseWarning> warnings) {
        this.path = path;
        this.source = source;
        this.directives = List.copyOf(directives);
        this.instructions = FixedList.copyOf(instructions); // hot: every rule loops over it (see FixedList)
        this.comments = FixedList.copyOf(comments);
        this.escapeToken = escapeToken;
        this.warnings = List.copyOf(warnings);
    }

    /** The path as the user named it (or {@code -} for standard input). */
    public String path() {
        return path;
    }

    public SourceText source() {
        return source;
    }

    public List<Directive> directives() {
        return directives;
    }

    public List<Instruction> instructions() {
        return instructions;
    }

    /** Comment lines in file order (directives excluded), including those inside continuations. */
    public List<Comment> comments() {
        return comments;
    }

    /** The comment lines directly above an instruction (blank lines allowed between them), nearest last. */
    public List<Comment> commentsBefore(Instruction instruction) {
        int start = instruction.span().start();
        int from = 0;
        for (int k = 0; k < instructions.size() && instructions.get(k).span().start() < start; k++) {
            from = instructions.get(k).span().end();
        }
        List<Comment> out = null; // hot: asked per instruction, and most have none
        for (int k = 0; k < comments.size(); k++) {
            Comment c = comments.get(k);
            if (c.span().start() < from || c.span().end() > start) continue;
            if (out == null) out = new ArrayList<>();
            out.add(c);
        }
        return out == null ? FixedList.of() : FixedList.copyOf(out);
    }

    public char escapeToken() {
        return escapeToken;
    }

    public List<ParseWarning> warnings() {
        return warnings;
    }

    public Range range(Span span) {
        return source.range(span);
    }

    /** Concatenates the text between instructions and each instruction's own text. */
    public byte[] render() {
        byte[] bytes = source.bytes();
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
        int at = 0;
        for (Instruction i : instructions) {
            out.write(bytes, at, i.span().start() - at);
            out.write(bytes, i.span().start(), i.span().length());
            at = i.span().end();
        }
        out.write(bytes, at, bytes.length - at);
        return out.toByteArray();
    }
}
