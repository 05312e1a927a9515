package dev.dockfit.lint.rules.correctness;

import dev.dockfit.dockerfile.model.Instruction;
import dev.dockfit.dockerfile.shell.ShellParser;
import dev.dockfit.finding.Practice;
import dev.dockfit.finding.Severity;
import dev.dockfit.lint.LintContext;
import dev.dockfit.lint.Rule;
import dev.dockfit.lint.RuleDoc;
import java.util.List;

@RuleDoc(id = "DF609", title = "CMD or ENTRYPOINT in shell form", severity = Severity.WARNING,
        practice = Practice.CORRECTNESS,
        why = "The shell form runs the process as a child of /bin/sh -c, which does not pass on SIGTERM: "
                + "docker stop waits its timeout and then kills the process without a clean shutdown.",
        bad = """
                FROM node:20-slim
                CMD node server.js
                """,
        good = """
                FROM node:20-slim
                CMD ["node", "server.js"]
                """,
        hadolint = "DL3025", buildkit = "JSONArgsRecommended")
public final class ShellFormCommand extends Rule {

    @Override
    public void check(LintContext ctx) {
        List<Instruction> all = ctx.instructions();
        for (int n = 0; n < all.size(); n++) {
            Instruction i = all.get(n);
            if (!(i.is("CMD") || i.is("ENTRYPOINT")) || i.isJson() || i.argsText().text().isEmpty()) continue;
            // A stage that sets SHELL chose its shell on purpose (BuildKit skips the check there too).
            if (StageFacts.setBefore(ctx, i, "SHELL")) continue;
            if (startsWithExec(i)) continue; // exec replaces the shell: signals reach the process
            ctx.report(i, "use the exec form " + i.keyword() + " [\"executable\", \"arg\"] so the process "
                    + "receives stop signals (or start the command with exec)");
        }
    }

    private static boolean startsWithExec(Instruction i) {
        var commands = ShellParser.parse(i.argsText().text()).commands();
        return !commands.isEmpty() && commands.get(0).name().equals("exec");
    }
}
