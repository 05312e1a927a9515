package dev.dockfit.lint.rules.correctness;

import dev.dockfit.dockerfile.model.Instruction;
import dev.dockfit.finding.Practice;
import dev.dockfit.finding.Severity;
import dev.dockfit.lint.LintContext;
import dev.dockfit.lint.Rule;
import dev.dockfit.lint.RuleDoc;
import java.util.List;

@RuleDoc(id = "DF622", title = "WORKDIR in a system directory", severity = Severity.WARNING,
        practice = Practice.CORRECTNESS,
        why = "/proc, /dev and /sys are replaced by kernel file systems when the container starts, and /boot and "
                + "/lost+found are not meant for applications: files put there vanish or break the container.",
        bad = """
                FROM alpine:3.20
                WORKDIR /proc/app
                """,
        good = """
                FROM alpine:3.20
                WORKDIR /srv/app
                """,
        trivy = "DS-0030")
public final class WorkdirInSystemDirectory extends Rule {
    private static final List<String> SYSTEM = List.of("/proc", "/dev", "/sys", "/boot", "/initrd", "/lost+found");

    @Override
    public void check(LintContext ctx) {
        List<Instruction> workdirs = ctx.instructions("WORKDIR");
        for (int n = 0; n < workdirs.size(); n++) {
            Instruction i = workdirs.get(n);
            if (i.args().isEmpty()) continue;
            String path = StageFacts.resolved(ctx, i, i.args().get(0).value());
            if (path == null) continue;
            for (String dir : SYSTEM) {
                // dir or a path under it, compared in place (no "dir/" string per check)
                boolean under = path.length() > dir.length() && path.charAt(dir.length()) == '/';
                if (path.startsWith(dir) && (path.length() == dir.length() || under)) {
                    ctx.report(i.args().get(0).span(), "WORKDIR " + path + " is inside " + dir
                            + ", a system directory: use a directory such as /app or /srv/app");
                    break;
                }
            }
        }
    }
}
