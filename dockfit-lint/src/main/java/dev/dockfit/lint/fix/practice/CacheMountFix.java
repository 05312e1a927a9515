package dev.dockfit.lint.fix.practice;

import dev.dockfit.dockerfile.model.Instruction;
import dev.dockfit.dockerfile.model.Span;
import dev.dockfit.dockerfile.shell.ShellWord;
import dev.dockfit.dockerfile.shell.SimpleCommand;
import dev.dockfit.lint.LintContext.Reported;
import dev.dockfit.lint.fix.FindingFix;
import dev.dockfit.lint.fix.Fix;
import dev.dockfit.lint.fix.FixInput;
import dev.dockfit.lint.fix.FixLevel;
import dev.dockfit.lint.fix.Proposal;
import dev.dockfit.lint.fix.TextEdit;
import dev.dockfit.lint.rules.layercache.DependencyDownloadWithoutCacheMount;
import dev.dockfit.lint.support.PipCommand;
import dev.dockfit.lint.support.RunScript;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * DF315 at level {@code all}: {@code RUN npm ci} becomes {@code RUN --mount=type=cache,target=/root/.npm npm ci}
 * (the targets the rule found missing, before the RUN's other flags). pip's {@code --no-cache-dir} goes in the
 * same edit: with it the mounted cache would stay empty.
 */
public final class CacheMountFix implements FindingFix {

    @Override
    public Proposal propose(Reported finding, FixInput in) {
        Object targets = finding.finding().properties().get(DependencyDownloadWithoutCacheMount.TARGETS);
        Optional<Instruction> run = in.instructionAt(finding);
        if (!(targets instanceof List<?> dirs) || dirs.isEmpty() || run.isEmpty()) return null;
        Instruction r = run.get();
        int at = r.flags().isEmpty() ? r.argsText().sourceOffset(0) : r.flags().get(0).span().start();
        StringBuilder flags = new StringBuilder();
        for (Object d : dirs) flags.append("--mount=type=cache,target=").append(d).append(' ');
        List<TextEdit> edits = new ArrayList<>();
        edits.add(new TextEdit(new Span(at, at), flags.toString()));
        if (dirs.stream().anyMatch(d -> d.toString().endsWith("/pip"))) edits.addAll(noCacheDirFlags(in, r));
        String shown = flags.toString().strip();
        return Proposal.of(finding.finding().rule(), finding.finding().practice(),
                new Fix("RUN " + shown, FixLevel.ALL, edits),
                "downloads are kept between builds in BuildKit's cache, outside the image");
    }

    /** Deletes each {@code --no-cache-dir} of the RUN's pip commands with the blank before it. */
    private static List<TextEdit> noCacheDirFlags(FixInput in, Instruction run) {
        List<TextEdit> out = new ArrayList<>();
        Optional<RunScript> rs = in.script(run);
        if (rs.isEmpty()) return out;
        for (SimpleCommand c : rs.get().script().commands()) {
            if (PipCommand.args(c).isEmpty()) continue;
            List<ShellWord> words = c.words();
            for (int i = 1; i < words.size(); i++) {
                if (!words.get(i).literal().equals("--no-cache-dir")) continue;
                int start = rs.get().span(words.get(i - 1)).end();
                out.add(new TextEdit(new Span(start, rs.get().span(words.get(i)).end()), ""));
            }
        }
        return out;
    }

    /** True when a DF315 finding in the same RUN will be fixed with a cache mount at this level. */
    public static boolean mountsCacheOf(FixInput in, Instruction run) {
        if (in.level() != FixLevel.ALL) return false;
        return in.findings().stream().anyMatch(r -> r.finding().rule().equals("DF315")
                && in.instructionAt(r).filter(i -> i == run).isPresent());
    }
}
