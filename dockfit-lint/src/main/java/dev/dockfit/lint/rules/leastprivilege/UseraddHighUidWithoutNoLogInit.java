package dev.dockfit.lint.rules.leastprivilege;

import dev.dockfit.dockerfile.model.Instruction;
import dev.dockfit.dockerfile.shell.ShellWord;
import dev.dockfit.dockerfile.shell.SimpleCommand;
import dev.dockfit.finding.Practice;
import dev.dockfit.finding.Severity;
import dev.dockfit.lint.LintContext;
import dev.dockfit.lint.Rule;
import dev.dockfit.lint.RuleDoc;
import dev.dockfit.lint.support.RunScript;
import java.util.List;

@RuleDoc(id = "DF004", title = "useradd with a high UID and without -l", severity = Severity.WARNING,
        practice = Practice.LEAST_PRIVILEGE,
        why = "useradd records the new user in /var/log/lastlog and faillog, sparse files indexed by UID: with a "
                + "UID above 99999 they grow to gigabytes in the layer. -l (--no-log-init) skips them.",
        bad = """
                FROM debian:bookworm-slim
                RUN useradd -u 123456 app
                USER app
                """,
        good = """
                FROM debian:bookworm-slim
                RUN useradd -l -u 123456 app
                USER app
                """,
        hadolint = "DL3046")
public final class UseraddHighUidWithoutNoLogInit extends Rule {

    @Override
    public void check(LintContext ctx) {
        if (!ctx.runsCommand("useradd")) return; // reports only on these commands
        List<LintContext.RunCommand> found = ctx.runCommands("useradd");
        for (int k = 0; k < found.size(); k++) {
            Instruction run = found.get(k).run();
            RunScript rs = found.get(k).script();
            SimpleCommand c = found.get(k).command();
            if (c.hasFlag("-l", "--no-log-init")) continue;
            ShellWord uid = uidWord(c);
            if (uid == null) continue;
            String value = ctx.model().expand(run, uid.raw()).map(e -> e.value()).orElse(uid.literal());
            String digits = value.startsWith("--uid=") ? value.substring(6)
                    : value.startsWith("-u") ? value.substring(2) : value;
            // hadolint's DL3046 threshold: more than five digits, so a lastlog past 100000 entries
            if (!digits.matches("\\d{6,}")) continue;
            ctx.report(rs.span(uid), "add -l (--no-log-init) to useradd: UID " + digits
                    + " makes lastlog and faillog huge sparse files in the layer");
        }
    }

    /** The word holding the UID: the one after {@code -u}/{@code --uid}, or {@code --uid=N}/{@code -uN} itself. */
    private static ShellWord uidWord(SimpleCommand c) {
        List<ShellWord> args = c.args();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i).literal();
            if (a.equals("--")) return null;
            if (a.equals("-u") || a.equals("--uid")) return i + 1 < args.size() ? args.get(i + 1) : null;
            if (a.startsWith("--uid=") || (a.startsWith("-u") && a.length() > 2 && !a.startsWith("--"))) {
                return args.get(i);
            }
        }
        return null;
    }
}
