package dev.dockfit.lint.rules.layercache;

import dev.dockfit.dockerfile.model.Instruction;
import dev.dockfit.dockerfile.shell.ShellWord;
import dev.dockfit.dockerfile.shell.SimpleCommand;
import dev.dockfit.finding.Practice;
import dev.dockfit.finding.Severity;
import dev.dockfit.lint.LintContext;
import dev.dockfit.lint.Rule;
import dev.dockfit.lint.RuleDoc;
import dev.dockfit.lint.support.CommandOperands;
import dev.dockfit.lint.support.PipCommand;
import dev.dockfit.lint.support.RunScript;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

@RuleDoc(id = "DF312", title = "pip package version not pinned (opt-in)", severity = Severity.WARNING,
        practice = Practice.LAYER_CACHE,
        why = "A cached 'pip install flask' layer keeps the version it got first; a rebuild without the cache gets "
                + "another. Pin it, or install from a requirements or lock file.",
        bad = """
                FROM python:3.12-slim
                RUN pip install --no-cache-dir flask
                """,
        good = """
                FROM python:3.12-slim
                RUN pip install --no-cache-dir flask==3.0.3
                """,
        hadolint = "DL3013", enabledByDefault = false)
public final class PipPackageNotPinned extends Rule {
    private static final Pattern VERSION_SPEC = Pattern.compile(".*[=<>~!@].*");
    private static final Set<String> WITH_VALUE = Set.of("-r", "--requirement", "-c", "--constraint", "-e",
            "--editable", "-i", "--index-url", "--extra-index-url", "-f", "--find-links", "-t", "--target",
            "--prefix", "--root", "--trusted-host", "--cache-dir", "--src", "--platform", "--python-version",
            "--implementation", "--abi", "--progress-bar", "--log", "--proxy", "--timeout", "--retries", "--cert",
            "--client-cert", "--upgrade-strategy", "--only-binary", "--no-binary", "--config-settings", "-C");

    @Override
    public void check(LintContext ctx) {
        List<Instruction> runs = ctx.instructions("RUN");
        for (int n = 0; n < runs.size(); n++) {
            Instruction run = runs.get(n);
            List<LintContext.RunCommand> commands = ctx.commands(run);
            for (int k = 0; k < commands.size(); k++) {
                RunScript rs = commands.get(k).script();
                SimpleCommand c = commands.get(k).command();
                var pip = PipCommand.args(c);
                if (pip.isEmpty() || !pip.get(0).literal().equals("install")) continue;
                for (ShellWord p : CommandOperands.after(pip, Set.of("install"), WITH_VALUE)) {
                    String l = p.literal();
                    if (!p.isLiteral() || VERSION_SPEC.matcher(l).matches() || l.contains("/") || l.startsWith(".")
                            || l.endsWith(".whl") || l.endsWith(".tar.gz") || l.endsWith(".zip")) continue;
                    ctx.report(rs.span(p), "pin " + l + " to a version (" + l + "==<version>) or install from "
                            + "a requirements file");
                }
            }
        }
    }
}
