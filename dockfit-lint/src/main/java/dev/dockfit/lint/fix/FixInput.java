package dev.dockfit.lint.fix;

import dev.dockfit.dockerfile.model.Comment;
import dev.dockfit.dockerfile.model.Dockerfile;
import dev.dockfit.dockerfile.model.Instruction;
import dev.dockfit.dockerfile.model.Span;
import dev.dockfit.dockerfile.semantic.BuildModel;
import dev.dockfit.dockerfile.semantic.Stage;
import dev.dockfit.dockerfile.shell.ShellParser;
import dev.dockfit.finding.Location;
import dev.dockfit.lint.LintContext.Reported;
import dev.dockfit.lint.kb.ImageKnowledge;
import dev.dockfit.lint.support.RunScript;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What a fix reads: the parsed file and its semantic model, the lint findings of this round, the build context
 * directory and the knowledge base, plus the position helpers every fix needs.
 */
public final class FixInput {
    private final BuildModel model;
    private final List<Reported> findings;
    private final Path contextDir;
    private final FixLevel level;

    public FixInput(BuildModel model, List<Reported> findings, Path contextDir) {
        this(model, findings, contextDir, FixLevel.RECOMMENDED);
    }

    /** @param level the highest level {@code fix} applies (a fix may step back for a higher-level one) */
    public FixInput(BuildModel model, List<Reported> findings, Path contextDir, FixLevel level) {
        this.model = model;
        this.findings = List.copyOf(findings);
        this.contextDir = contextDir;
        this.level = level;
    }

    public FixLevel level() {
        return level;
    }

    public BuildModel model() {
        return model;
    }

    public Dockerfile file() {
        return model.dockerfile();
    }

    public List<Reported> findings() {
        return findings;
    }

    public boolean hasFinding(String rule) {
        return findings.stream().anyMatch(r -> r.finding().rule().equals(rule));
    }

    /**
     * True when the fix for {@code rule} should run: the rule reported on this file, or the linter has no such
     * rule yet (the fix then decides on its own, from the model).
     */
    public boolean wants(String rule) {
        return hasFinding(rule) || dev.dockfit.lint.AllRules.all().stream().noneMatch(r -> r.info().id().equals(rule));
    }

    public Optional<Path> contextDir() {
        return Optional.ofNullable(contextDir);
    }

    /** True when the build context holds this file; unknown (no context directory) counts as absent. */
    public boolean contextHas(String relative) {
        return contextDir != null && Files.exists(contextDir.resolve(relative));
    }

    public ImageKnowledge kb() {
        return ImageKnowledge.get();
    }

    public String text(Span span) {
        return file().source().text(span);
    }

    /**
     * The shell script of a shell-form RUN (heredoc bodies are left alone by fixes), or empty for the exec
     * form.
     */
    public Optional<RunScript> script(Instruction run) {
        if (!run.is("RUN") || run.isJson() || !run.heredocs().isEmpty()) return Optional.empty();
        return Optional.of(new RunScript(ShellParser.parse(run.argsText().text()), run.argsText()));
    }

    /** The byte offset of a finding's start position. */
    public int offset(Location at) {
        var source = file().source();
        int line = Math.max(1, Math.min(at.line(), source.lineCount()));
        int offset = source.lineStart(line);
        byte[] bytes = source.byteView().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        int end = source.lineContentEnd(line);
        for (int column = 1; column < at.column() && offset < end; ) {
            offset++;
            if (offset >= bytes.length || (bytes[offset] & 0xC0) != 0x80) column++;
        }
        return offset;
    }

    /** The top-level instruction whose span holds the offset. */
    public Optional<Instruction> instructionAt(int offset) {
        for (Instruction i : file().instructions()) {
            if (i.span().start() <= offset && offset < Math.max(i.span().end(), i.span().start() + 1)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    public Optional<Instruction> instructionAt(Reported finding) {
        return instructionAt(offset(finding.finding().location()));
    }

    public Optional<Stage> stageOf(Instruction i) {
        return model.stageOf(i);
    }

    /**
     * Where a new line goes to stand before {@code i}: the start of the comment lines directly above it (they
     * describe it), else the start of its own line.
     */
    public int lineBefore(Instruction i) {
        List<Comment> comments = file().commentsBefore(i);
        int at = comments.isEmpty() ? i.span().start() : comments.get(0).span().start();
        return lineStartOf(at);
    }

    /** The offset just after the line break that ends {@code i} (the file's end when it has none). */
    public int lineAfter(Instruction i) {
        String view = file().source().byteView();
        int nl = view.indexOf('\n', Math.max(i.span().end() - 1, i.span().start()));
        return nl < 0 ? view.length() : nl + 1;
    }

    /** The span of {@code i}'s whole lines, line break included: deleting it removes the instruction. */
    public Span wholeLines(Instruction i) {
        return new Span(lineStartOf(i.span().start()), lineAfter(i));
    }

    public int lineStartOf(int offset) {
        String view = file().source().byteView();
        int nl = view.lastIndexOf('\n', offset - 1);
        return nl + 1;
    }

    /** The text a new line must end with for the file to end in a line break. */
    public boolean endsWithLineBreak() {
        String view = file().source().byteView();
        return view.isEmpty() || view.endsWith("\n");
    }
}
