package dev.dockfit.lint.rules.correctness;

import dev.dockfit.dockerfile.model.Arg;
import dev.dockfit.dockerfile.model.Instruction;
import dev.dockfit.finding.Practice;
import dev.dockfit.finding.Severity;
import dev.dockfit.lint.LintContext;
import dev.dockfit.lint.Rule;
import dev.dockfit.lint.RuleDoc;
import java.util.List;
import java.util.Locale;

@RuleDoc(id = "DF621", title = "ADD for local files", severity = Severity.WARNING, practice = Practice.CORRECTNESS,
        why = "ADD also unpacks tar archives and fetches URLs; for plain files COPY says what happens and cannot "
                + "surprise you when a file turns out to be a tarball.",
        bad = """
                FROM python:3.12-slim
                WORKDIR /app
                ADD requirements.txt app.py ./
                """,
        good = """
                FROM python:3.12-slim
                WORKDIR /app
                COPY requirements.txt app.py ./
                """,
        hadolint = "DL3020", trivy = "DS-0005")
public final class AddForLocalFiles extends Rule {
    private static final List<String> TARBALLS = List.of(".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz", ".tbz2",
            ".tar.xz", ".txz", ".tar.zst", ".tzst", ".tar.lz", ".tar.lzma", ".tlz");

    @Override
    public void check(LintContext ctx) {
        List<Instruction> adds = ctx.instructions("ADD");
        for (int n = 0; n < adds.size(); n++) {
            Instruction i = adds.get(n);
            if (i.args().size() < 2 || i.flag("checksum").isPresent()
                    || i.flag("keep-git-dir").isPresent() || i.flag("unpack").isPresent()) continue;
            for (Arg a : i.args().subList(0, i.args().size() - 1)) {
                String src = StageFacts.resolved(ctx, i, a.value());
                if (src != null && isPlainLocal(src)) {
                    ctx.report(a.span(), "use COPY for " + src + ": ADD is for tar archives and URLs");
                }
            }
        }
    }

    private static boolean isPlainLocal(String src) {
        String s = src.toLowerCase(Locale.ROOT);
        if (s.contains("://") || s.startsWith("git@") || s.startsWith("<<")) return false;
        return TARBALLS.stream().noneMatch(s::endsWith);
    }
}
