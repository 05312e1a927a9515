package dev.dockfit.dockerfile.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One Dockerfile instruction, split as BuildKit splits it, with the exact source span of every part.
 * Rules read this (and the semantic layer built on it); they never re-parse source text.
 */
public final class Instruction {
    private final String keyword;
    /** Computed once: rules ask for it on every instruction. */
    private final String upperKeyword;
    private final int upperKeywordHash;
    private final Span span;
    private final Span keywordSpan;
    /** FixedLists: rules loop over them per instruction (see {@link FixedList}). */
    private final FixedList<Flag> flags;
    private final FixedList<Arg> args;
    private final FixedList<String> argValues;
    private final boolean json;
    private final FixedList<Heredoc> heredocs;
    private final Instruction child;
    private final MappedText argsText;
    private final int stage;
    private final int position;

    public Instruction(String keyword, Span span, Span keywordSpan, List<Flag> flags, List<Arg> args, boolean json,
                       List<Heredoc> heredocs, Instruction child, MappedText argsText, int stage, int position) {
        this.keyword = keyword;
        this.upperKeyword = keyword.toUpperCase(Locale.ROOT);
        this.upperKeywordHash = upperKeyword.hashCode();
        this.span = span;
        this.keywordSpan = keywordSpan;
        this.flags = FixedList.copyOf(flags);
        this.args = FixedList.copyOf(args);
        String[] values = new String[this.args.size()];
        for (int i = 0; i < values.length; i++) values[i] = this.args.get(i).value();
        this.argValues = FixedList.wrap(values);
        this.json = json;
        this.heredocs = FixedList.copyOf(heredocs);
        this.child = child;
        this.argsText = argsText;
        this.stage = stage;
        this.position = position;
    }

    /** The keyword in upper case ({@code RUN}); unknown instructions keep their name. */
    public String keyword() {
        return upperKeyword;
    }

    /** The keyword exactly as written ({@code run}, {@code Run}). */
    public String writtenKeyword() {
        return keyword;
    }

    public boolean is(String upperCaseKeyword) {
        // hot: every rule asks of every instruction, and most answers are no. Known keywords written in upper case
        // are the parser's constants, so identity decides a yes; the lengths (no call on C1), then the cached
        // hashes decide almost every no.
        return upperKeyword == upperCaseKeyword
                || upperKeyword.length() == upperCaseKeyword.length()
                && upperKeywordHash == upperCaseKeyword.hashCode() && upperKeyword.equals(upperCaseKeyword);
    }

    /** From the keyword to the end of the last line (continuations and heredoc bodies included). */
    public Span span() {
        return span;
    }

    public Span keywordSpan() {
        return keywordSpan;
    }

    public List<Flag> flags() {
        return flags;
    }

    /** The last flag with this name (BuildKit takes the last of repeated single-valued flags). */
    public Optional<Flag> flag(String name) {
        Flag found = null;
        for (int k = 0; k < flags.size(); k++) {
            if (flags.get(k).hasName(name)) found = flags.get(k);
        }
        return Optional.ofNullable(found);
    }

    public List<Flag> flags(String name) {
        if (flags.isEmpty()) return FixedList.of(); // hot: most instructions have no flags
        List<Flag> out = new ArrayList<>();
        for (int k = 0; k < flags.size(); k++) {
            if (flags.get(k).hasName(name)) out.add(flags.get(k));
        }
        return FixedList.copyOf(out);
    }

    /** The argument nodes as in BuildKit's AST dump. */
    public List<Arg> args() {
        return args;
    }

    public List<String> argValues() {
        return argValues;
    }

    /** True for the exec (JSON array) form. */
    public boolean isJson() {
        return json;
    }

    public List<Heredoc> heredocs() {
        return heredocs;
    }

    /** The instruction an ONBUILD wraps, or null. */
    public Instruction child() {
        return child;
    }

    /**
     * The text after the keyword and flags, with line continuations (and comment lines inside them)
     * removed, trimmed, and mapped back to the source.
     */
    public MappedText argsText() {
        return argsText;
    }

    /** The stage index: -1 for the global ARGs before the first FROM. */
    public int stage() {
        return stage;
    }

    /**
     * The index of this instruction in its file's {@link Dockerfile#instructions()}, or -1 (the instruction an
     * ONBUILD wraps): per-instruction facts can then live in an array instead of a hash map (hot on C1).
     */
    public int position() {
        return position;
    }
}
