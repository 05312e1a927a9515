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
public final class RpmCacheNotCleaned implements Rule {
    /** Each package manager and its cache directory. */
    private static final Map<String, String> CACHES = Map.of(
            "yum", "/var/cache/yum", "dnf", "/var/cache/dnf", "microdnf", "/var/cache/yum",
            "zypper", "/var/cache/zypp");
    private static final Set<String> INSTALL = Set.of("install", "in", "groupinstall", "update", "upgrade",
            "reinstall", "localinstall", "up", "dist-upgrade", "dup", "patch");

    @Override
    public void check(LintContext ctx) {
        if (!ctx.runsCommand("yum", "dnf", "microdnf", "zypper")) return; // reports only on these commands
        Set<Integer> shipped = ctx.shippedStages();
        List<Instruction> all = ctx.instructions();
        for (int n = 0; n < all.size(); n++) {
            Instruction run = all.get(n);
            if (!run.is("RUN") || !shipped.contains(run.stage())) continue;
            Set<String> reported = new java.util.HashSet<>();
            for (RunScript rs : ctx.scripts(run)) {
                for (SimpleCommand c : rs.script().commandsNamed("yum", "dnf", "microdnf", "zypper")) {
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
        for (String a : c.argLiterals()) if (!a.startsWith("-")) return a;
        return null;
    }

    private static boolean cleaned(LintContext ctx, Instruction run, String manager, String cache) {
        for (RunScript rs : ctx.scripts(run)) {
            for (SimpleCommand c : rs.script().commands()) {
                if (c.name().equals("rm") && c.argLiterals().stream()
                        .anyMatch(a -> a.startsWith(cache) || a.startsWith("/var/cache/dnf")
                                || a.startsWith("/var/cache/yum"))) return true;
                if (!Set.of("yum", "dnf", "microdnf", "zypper").contains(c.name())) continue;
                if (c.name().equals("zypper") != manager.equals("zypper")) continue;
                if (c.hasArg("clean", "cc")) return true;
            }
        }
        return false;
    }
}
