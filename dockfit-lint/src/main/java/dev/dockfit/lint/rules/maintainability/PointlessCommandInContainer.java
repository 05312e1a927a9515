package dev.dockfit.lint.rules.maintainability;

import dev.dockfit.dockerfile.model.Instruction;
import dev.dockfit.dockerfile.shell.SimpleCommand;
import dev.dockfit.finding.Practice;
import dev.dockfit.finding.Severity;
import dev.dockfit.lint.LintContext;
import dev.dockfit.lint.Rule;
import dev.dockfit.lint.RuleDoc;
import dev.dockfit.lint.support.RunScript;
import java.util.List;
import java.util.Set;

@RuleDoc(id = "DF708", title = "Command that makes no sense in a build", severity = Severity.INFO,
        practice = Practice.MAINTAINABILITY,
        why = "Interactive or system tools (ssh, vim, top, service, shutdown, mount, free, ps) do nothing useful "
                + "while an image builds: there is no init system, no terminal and no running service.",
        bad = """
                FROM debian:bookworm-slim
                RUN service nginx start
                """,
        good = """
                FROM nginx:1.27-alpine
                CMD ["nginx", "-g", "daemon off;"]
                """,
        hadolint = "DL3001")
public final class PointlessCommandInContainer implements Rule {
    private static final String[] POINTLESS_NAMES = {"free", "mount", "ps", "service", "shutdown", "ssh", "top",
        "vim", "reboot"};
    private static final Set<String> POINTLESS = Set.of(POINTLESS_NAMES);

    @Override
    public void check(LintContext ctx) {
        if (!ctx.runsCommand(POINTLESS_NAMES)) return; // reports only on these commands
        List<Instruction> runs = ctx.instructions("RUN");
        for (int n = 0; n < runs.size(); n++) {
            Instruction run = runs.get(n);
            List<RunScript> scripts = ctx.scripts(run);
            for (int s = 0; s < scripts.size(); s++) {
                RunScript rs = scripts.get(s);
                List<SimpleCommand> commands = rs.script().commands();
                for (int k = 0; k < commands.size(); k++) {
                    SimpleCommand c = commands.get(k);
                    if (!POINTLESS.contains(c.name())) continue;
                    ctx.report(rs.span(c.words().get(0)), c.name() + " does nothing useful during a build: "
                            + "remove it (services start from CMD or ENTRYPOINT)");
                }
            }
        }
    }
}
