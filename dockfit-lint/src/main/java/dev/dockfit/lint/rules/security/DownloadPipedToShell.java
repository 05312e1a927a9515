package dev.dockfit.lint.rules.security;

import dev.dockfit.dockerfile.model.Instruction;
import dev.dockfit.dockerfile.shell.ShellWord;
import dev.dockfit.dockerfile.shell.SimpleCommand;
import dev.dockfit.finding.Practice;
import dev.dockfit.finding.Severity;
import dev.dockfit.lint.LintContext;
import dev.dockfit.lint.Rule;
import dev.dockfit.lint.RuleDoc;
import dev.dockfit.lint.support.Names;
import dev.dockfit.lint.support.RunScript;
import java.util.List;
import java.util.regex.Pattern;

@RuleDoc(id = "DF504", title = "Downloaded script piped into a shell", severity = Severity.WARNING,
        practice = Practice.SECURITY,
        why = "curl ... | sh runs whatever the server returns at build time, unchecked: a compromised or changed "
                + "script runs as root in your build. Download to a file, check its sha256, then run it.",
        bad = """
                FROM debian:bookworm-slim
                RUN curl -fsSL https://example.com/install.sh | sh
                """,
        good = """
                FROM debian:bookworm-slim
                ARG INSTALL_SHA256=9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08
                RUN curl -fsSLo /tmp/install.sh https://example.com/install.sh \\
                    && echo "$INSTALL_SHA256  /tmp/install.sh" | sha256sum -c - \\
                    && sh /tmp/install.sh && rm /tmp/install.sh
                """)
public final class DownloadPipedToShell extends Rule {
    private static final Pattern INTERPRETER = Pattern.compile("python[0-9.]*|perl|ruby|node|php");
    private static final Names SHELLS = Names.of("sh", "bash", "dash", "zsh", "ash", "ksh", "mksh");
    private static final Names DOWNLOADERS = Names.of("curl", "wget", "fetch");

    @Override
    public void check(LintContext ctx) {
        if (!ctx.runsCommand("curl", "wget", "fetch")) return; // every finding names one of DOWNLOADERS
        List<Instruction> runs = ctx.instructions("RUN");
        for (int n = 0; n < runs.size(); n++) {
            Instruction run = runs.get(n);
            List<RunScript> scripts = ctx.scripts(run);
            for (int s = 0; s < scripts.size(); s++) {
                RunScript rs = scripts.get(s);
                List<SimpleCommand> cmds = rs.script().commands();
                for (int i = 0; i < cmds.size(); i++) {
                    SimpleCommand c = cmds.get(i);
                    if (!runsStdinOrArgument(c)) continue;
                    String downloader = pipedFrom(cmds, i);
                    if (downloader == null) downloader = substituted(cmds, c);
                    if (downloader == null) continue;
                    ctx.report(rs.span(c.words().get(0)), "do not run a script straight from " + downloader
                            + ": download it to a file, verify its sha256 (sha256sum -c), then run it");
                }
            }
        }
    }

    /** A shell or interpreter reading its program from stdin or from a substitution. */
    private static boolean runsStdinOrArgument(SimpleCommand c) {
        // hot: per command; the name is the command word's base name, so most commands need no word read
        String n = c.name();
        int at = 0;
        List<ShellWord> words = null;
        if (n.equals("sudo")) {
            words = c.words();
            at = 1;
            while (at < words.size() && words.get(at).literal().startsWith("-")) at++;
            if (at >= words.size()) return false;
            n = baseName(words.get(at).literal());
        }
        if (SHELLS.contains(n)) return true;
        if (!n.isEmpty() && "prn".indexOf(n.charAt(0)) >= 0 && INTERPRETER.matcher(n).matches()) {
            if (words == null) words = c.words();
            return at + 1 == words.size() || words.get(at + 1).literal().equals("-");
        }
        return false;
    }

    private static String baseName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** The downloader earlier in the same pipeline as {@code cmds[i]}, or null. */
    private static String pipedFrom(List<SimpleCommand> cmds, int i) {
        SimpleCommand target = cmds.get(i);
        if (!target.inPipeline() || target.pipelineIndex() == 0) return null;
        for (int j = i - 1; j >= 0; j--) {
            SimpleCommand p = cmds.get(j);
            if (!p.inPipeline() || p.inSubstitution() != target.inSubstitution()
                    || p.pipelineIndex() >= target.pipelineIndex()) return null;
            if (DOWNLOADERS.contains(p.name())) return p.name();
            if (p.pipelineIndex() == 0) return null;
        }
        return null;
    }

    /** A downloader inside a substitution among the command's words: {@code sh -c "$(curl ...)"}, {@code bash <(curl ...)}. */
    private static String substituted(List<SimpleCommand> cmds, SimpleCommand c) {
        for (SimpleCommand d : cmds) {
            if (d.inSubstitution() && DOWNLOADERS.contains(d.name()) && d.start() > c.start() && d.end() <= c.end()) {
                return d.name();
            }
        }
        return null;
    }
}
