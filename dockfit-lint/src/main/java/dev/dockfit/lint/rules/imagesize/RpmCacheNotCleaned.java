package dev.dockfit.lint.rules.imagesize;

import dev.dockfit.dockerfile.model.Instruction;
import dev.dockfit.dockerfile.shell.SimpleCommand;
import dev.dockfit.finding.Practice;
import dev.dockfit.finding.Severity;
import dev.dockfit.lint.LintContext;
import dev.dockfit.lint.Rule;
import dev.dockfit.lint.RuleDoc;
import dev.dockfit.lint.support.CommandWords;
import dev.dockfit.lint.support.RunScript;
import java.util.List;
import java.util.Map;
import java.util.Set;

@RuleDoc(id = "DF405", title = "yum/dnf/zypper install without a clean in the same RUN", severity = Severity.INFO,
        practice = Practice.IMAGE_SIZE,
        why = "yum, dnf, microdnf and zypper keep repository metadata and downloaded packages under /var/cache; "
                + "without a clean in the same RUN they ship in the layer.",
        bad = """
                FROM rockylinux:9-minimal
                RUN microdnf install -y tar
                """,
        good = """
                FROM rockylinux:9-minimal
                RUN microdnf install -y tar && microdnf clean all
                """,
        hadolint = {"DL3032", "DL3040", "DL3036"}, trivy = {"DS-0015", "DS-0019", "DS-0020"})
public final class RpmCacheNotCleaned extends Rule {
    /** Each package manager and its cache directory. */
    private static final Map<String, String> CACHES = Map.of(
            "yum", "/var/cache/yum", "dnf", "/var/cache/dnf", "microdnf", "/var/cache/yum",
            "zypper", "/var/cache/zypp");
    private static final Set<String> INSTALL = Set.of("install", "in", "groupinstall", "update", "upgrade",
            "reinstall", "localinstall", "up", "dist-upgrade", "dup", "patch");
    /** The package managers, as the varargs array of commandsNamed made once (C1 allocates one per call). */
    private static final String[] MANAGERS = {"yum", "dnf", "microdnf", "zypper"};
    private static final Set<String> MANAGER_NAMES = Set.of(MANAGERS);
    private static final String[] CLEAN_VERBS = {"clean", "cc"};

    @Override
    public void check(LintContext ctx) {
        if (!ctx.runsCommand(MANAGERS)) return; // reports only on these commands
        Set<Integer> shipped = ctx.shippedStages();
        List<Instruction> runs = ctx.instructions("RUN");
        for (int n = 0; n < runs.size(); n++) {
            Instruction run = runs.get(n);
            if (!shipped.contains(run.stage())) continue;
            Set<String> reported = new java.util.HashSet<>();
            List<RunScript> scripts = ctx.scripts(run);
            for (int s = 0; s < scripts.size(); s++) {
                RunScript rs = scripts.get(s);
                List<SimpleCommand> managers = rs.script().commandsNamed(MANAGERS);
                for (int k = 0; k < managers.size(); k++) {
                    SimpleCommand c = managers.get(k);
                    String verb = verb(c);
                    if (verb == null || !INSTALL.contains(verb) || reported.contains(c.name())) continue;
                    String cache = CACHES.get(c.name());
                    if (ctx.cacheMounted(run, cache) || ctx.cacheMounted(run, "/var/cache/dnf")
                            && !c.name().equals("zypper") || cleaned(ctx, run, c.name(), cache)) continue;
                    reported.add(c.name());
                    String clean = c.name().equals("zypper") ? "zypper clean --all" : c.name() + " clean all";
                    ctx.report(rs.span(CommandWords.argOrName(c, verb::equals)),
                            "add '&& " + clean + "' to the end of this RUN so the package cache does not ship");
                }
            }
        }
    }

    /** The first argument that is not an option (zypper and yum take global options before the verb). */
    private static String verb(SimpleCommand c) {
        List<String> args = c.argLiterals();
        for (int i = 0; i < args.size(); i++) if (!args.get(i).startsWith("-")) return args.get(i);
        return null;
    }

    private static boolean cleaned(LintContext ctx, Instruction run, String manager, String cache) {
        List<RunScript> scripts = ctx.scripts(run);
        for (int s = 0; s < scripts.size(); s++) {
            List<SimpleCommand> commands = scripts.get(s).script().commands();
            for (int k = 0; k < commands.size(); k++) {
                SimpleCommand c = commands.get(k);
                if (c.name().equals("rm") && (CommandWords.anyArgStartsWith(c, cache)
                        || CommandWords.anyArgStartsWith(c, "/var/cache/dnf")
                        || CommandWords.anyArgStartsWith(c, "/var/cache/yum"))) return true;
                if (!MANAGER_NAMES.contains(c.name())) continue;
                if (c.name().equals("zypper") != manager.equals("zypper")) continue;
                if (c.hasArg(CLEAN_VERBS)) return true;
            }
        }
        return false;
    }
}
