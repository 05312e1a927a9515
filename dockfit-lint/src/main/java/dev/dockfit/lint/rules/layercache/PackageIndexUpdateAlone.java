package dev.dockfit.lint.rules.layercache;

import dev.dockfit.dockerfile.model.Instruction;
import dev.dockfit.dockerfile.shell.SimpleCommand;
import dev.dockfit.finding.Practice;
import dev.dockfit.finding.Severity;
import dev.dockfit.lint.LintContext;
import dev.dockfit.lint.Rule;
import dev.dockfit.lint.RuleDoc;
import dev.dockfit.lint.support.CommandWords;
import dev.dockfit.lint.support.Names;
import dev.dockfit.lint.support.RunScript;
import java.util.List;

@RuleDoc(id = "DF301", title = "Package index updated in a RUN that installs nothing", severity = Severity.WARNING,
        practice = Practice.LAYER_CACHE,
        why = "A RUN with only apt-get update (or apk update) is cached on its own: later builds reuse the old "
                + "index while the install in the next RUN changes, and fetch versions that have left the mirror "
                + "(404) or miss security updates. Update and install in the same RUN.",
        bad = """
                FROM debian:bookworm-slim
                RUN apt-get update
                RUN apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
                """,
        good = """
                FROM debian:bookworm-slim
                RUN apt-get update && apt-get install -y --no-install-recommends curl \\
                    && rm -rf /var/lib/apt/lists/*
                """,
        trivy = "DS-0017")
public final class PackageIndexUpdateAlone extends Rule {
    private static final Names APT_USES = Names.of("install", "upgrade", "dist-upgrade", "full-upgrade",
            "build-dep", "source", "download", "reinstall");
    /** Varargs arguments made once (C1 allocates each call's array). */
    private static final String[] MANAGERS = {"apt-get", "apt", "aptitude", "apk"};
    private static final String[] APK_USES = {"add", "upgrade", "fix", "fetch"};

    @Override
    public void check(LintContext ctx) {
        if (!ctx.runsCommand(MANAGERS)) return; // no index update to report
        List<Instruction> runs = ctx.instructions("RUN");
        for (int n = 0; n < runs.size(); n++) {
            Instruction run = runs.get(n);
            SimpleCommand aptUpdate = null;
            SimpleCommand apkUpdate = null;
            RunScript aptAt = null;
            RunScript apkAt = null;
            boolean aptUsed = false;
            boolean apkUsed = false;
            List<LintContext.RunCommand> commands = ctx.commands(run);
            for (int k = 0; k < commands.size(); k++) {
                RunScript rs = commands.get(k).script();
                SimpleCommand c = commands.get(k).command();
                switch (c.name()) {
                    case "apt-get", "apt", "aptitude" -> {
                        if (c.hasArg("update") && aptUpdate == null) {
                            aptUpdate = c;
                            aptAt = rs;
                        }
                        if (anyIn(c.argLiterals(), APT_USES)) aptUsed = true;
                    }
                    case "apt-cache", "apt-file", "add-apt-repository", "dpkg", "xargs" -> aptUsed = true;
                    case "apk" -> {
                        if (c.hasArg("update") && apkUpdate == null) {
                            apkUpdate = c;
                            apkAt = rs;
                        }
                        if (c.hasArg(APK_USES)) apkUsed = true;
                    }
                    default -> { }
                }
            }
            if (aptUpdate != null && !aptUsed) report(ctx, aptAt, aptUpdate, "apt-get install");
            if (apkUpdate != null && !apkUsed) report(ctx, apkAt, apkUpdate, "apk add --no-cache");
        }
    }

    private static boolean anyIn(List<String> words, Names wanted) {
        for (int i = 0; i < words.size(); i++) if (wanted.contains(words.get(i))) return true;
        return false;
    }

    private static void report(LintContext ctx, RunScript rs, SimpleCommand update, String install) {
        ctx.report(rs.span(CommandWords.argOrName(update, "update"::equals)),
                "update the index in the same RUN as the " + install + " that needs it ('" + update.name()
                        + " update && " + install + " ...')");
    }
}
