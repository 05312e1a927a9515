package dev.dockfit.lint.rules.maintainability;

import dev.dockfit.dockerfile.model.Instruction;
import dev.dockfit.dockerfile.semantic.Stage;
import dev.dockfit.dockerfile.shell.SimpleCommand;
import dev.dockfit.finding.Practice;
import dev.dockfit.finding.Severity;
import dev.dockfit.lint.LintContext;
import dev.dockfit.lint.Rule;
import dev.dockfit.lint.RuleDoc;
import dev.dockfit.lint.support.RunScript;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

@RuleDoc(id = "DF717", title = "Tar archive copied, then extracted in RUN", severity = Severity.INFO,
        practice = Practice.MAINTAINABILITY,
        why = "ADD unpacks a local tar archive in one step; COPY then tar -x keeps the archive in a layer, so "
                + "the image carries both the archive and its content.",
        bad = """
                FROM debian:bookworm-slim
                COPY app.tar.gz /tmp/
                RUN tar -xzf /tmp/app.tar.gz -C /opt
                """,
        good = """
                FROM debian:bookworm-slim
                ADD app.tar.gz /opt/
                """,
        hadolint = "DL3010")
public final class ArchiveCopiedThenExtracted extends Rule {
    private static final Pattern LETTERS = Pattern.compile("[a-zA-Z]+");
    private static final List<String> TARBALLS = List.of(".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz2", ".tar.xz",
            ".txz", ".tar.zst");

    @Override
    public void check(LintContext ctx) {
        if (!ctx.runsCommand("tar")) return; // reports only on these commands
        for (Stage stage : ctx.model().stages()) {
            Map<String, Instruction> copied = new HashMap<>();
            for (Instruction i : stage.instructions()) {
                if (i.is("COPY") && i.flag("from").isEmpty() && i.args().size() >= 2) {
                    for (var a : i.args().subList(0, i.args().size() - 1)) {
                        String base = basename(a.value());
                        if (TARBALLS.stream().anyMatch(base.toLowerCase(Locale.ROOT)::endsWith)) copied.put(base, i);
                    }
                } else if (i.is("RUN") && !copied.isEmpty()) {
                    for (RunScript rs : ctx.scripts(i)) {
                        for (SimpleCommand c : rs.script().commandsNamed("tar")) {
                            if (!extracts(c)) continue;
                            for (var w : c.args()) {
                                Instruction copy = copied.remove(basename(w.literal()));
                                if (copy != null) {
                                    ctx.report(copy, "use ADD " + basename(w.literal()) + " <dir>/ to unpack it "
                                            + "instead of COPY and tar -x (the archive stays in a layer)");
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    private static boolean extracts(SimpleCommand tar) {
        for (String a : tar.argLiterals()) {
            if (a.equals("--extract") || a.equals("--get")) return true;
            if (a.startsWith("-") && !a.startsWith("--") && a.indexOf('x') > 0) return true;
            if (!a.startsWith("-") && a.indexOf('x') >= 0 && LETTERS.matcher(a).matches() && a.length() <= 6) return true;
        }
        return false;
    }

    private static String basename(String path) {
        String p = path.replace("\"", "").replace("'", "");
        return p.substring(Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\')) + 1);
    }
}
