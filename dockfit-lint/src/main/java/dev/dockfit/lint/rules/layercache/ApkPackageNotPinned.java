package dev.dockfit.lint.rules.layercache;

import dev.dockfit.dockerfile.shell.ShellWord;
import dev.dockfit.dockerfile.shell.SimpleCommand;
import dev.dockfit.finding.Practice;
import dev.dockfit.finding.Severity;
import dev.dockfit.lint.LintContext;
import dev.dockfit.lint.Rule;
import dev.dockfit.lint.RuleDoc;
import dev.dockfit.lint.support.CommandOperands;
import dev.dockfit.lint.support.RunScript;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

@RuleDoc(id = "DF311", title = "apk package version not pinned (opt-in)", severity = Severity.WARNING,
        practice = Practice.LAYER_CACHE,
        why = "A cached 'apk add' layer keeps the version it got first; a rebuild without the cache gets another. "
                + "Opt-in: Alpine repositories keep only the latest build of a branch, so exact pins break builds; "
                + "prefer a fuzzy pin such as curl~8.",
        bad = """
                FROM alpine:3.20
                RUN apk add --no-cache curl
                """,
        good = """
                FROM alpine:3.20
                RUN apk add --no-cache curl~8
                """,
        hadolint = "DL3018", enabledByDefault = false)
public final class ApkPackageNotPinned extends Rule {
    private static final Pattern VERSION_SPEC = Pattern.compile(".*[=~<>].*");
    private static final Set<String> WITH_VALUE = Set.of("-t", "--virtual", "-X", "--repository", "-p", "--root",
            "--arch", "--keys-dir", "--repositories-file", "--cache-dir");

    @Override
    public void check(LintContext ctx) {
        if (!ctx.runsCommand("apk")) return; // reports only on these commands
        List<LintContext.RunCommand> found = ctx.runCommands("apk");
        for (int k = 0; k < found.size(); k++) {
            RunScript rs = found.get(k).script();
            SimpleCommand c = found.get(k).command();
            for (ShellWord p : CommandOperands.after(c, Set.of("add"), WITH_VALUE)) {
                String l = p.literal();
                if (!p.isLiteral() || VERSION_SPEC.matcher(l).matches() || l.contains("/") || l.endsWith(".apk")) {
                    continue;
                }
                ctx.report(rs.span(p), "pin " + l + " to a version (" + l + "=<version>, or " + l
                        + "~<major> to follow fixes)");
            }
        }
    }
}
