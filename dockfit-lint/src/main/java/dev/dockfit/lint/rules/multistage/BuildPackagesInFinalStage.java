package dev.dockfit.lint.rules.multistage;

import dev.dockfit.dockerfile.model.Instruction;
import dev.dockfit.dockerfile.semantic.Stage;
import dev.dockfit.dockerfile.shell.ShellWord;
import dev.dockfit.dockerfile.shell.SimpleCommand;
import dev.dockfit.finding.Practice;
import dev.dockfit.finding.Severity;
import dev.dockfit.lint.LintContext;
import dev.dockfit.lint.Rule;
import dev.dockfit.lint.RuleDoc;
import dev.dockfit.lint.support.RunScript;
import dev.dockfit.lint.support.StageLineage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

@RuleDoc(id = "DF101", title = "Compilers or -dev packages installed in the final stage", severity = Severity.INFO,
        practice = Practice.MULTI_STAGE,
        why = "Compilers and development headers are only needed to build; shipped in the final image they add "
                + "hundreds of megabytes and tools an attacker can use. Install them in a build stage, or remove "
                + "them in the same RUN that installed them.",
        bad = """
                FROM python:3.13-slim
                RUN apt-get update && apt-get install -y --no-install-recommends gcc libpq-dev \\
                    && pip install --no-cache-dir psycopg2 && rm -rf /var/lib/apt/lists/*
                """,
        good = """
                FROM python:3.13-slim AS build
                RUN apt-get update && apt-get install -y --no-install-recommends gcc libpq-dev \\
                    && pip wheel --wheel-dir /wheels psycopg2

                FROM python:3.13-slim
                RUN apt-get update && apt-get install -y --no-install-recommends libpq5 && rm -rf /var/lib/apt/lists/*
                COPY --from=build /wheels /wheels
                RUN pip install --no-cache-dir /wheels/*
                """)
public final class BuildPackagesInFinalStage implements Rule {
    private static final Set<String> BUILD_PACKAGES = Set.of("build-essential", "gcc", "g++", "gcc-c++", "cpp",
            "make", "cmake", "clang", "llvm", "autoconf", "automake", "libtool", "pkg-config", "pkgconf",
            "build-base", "alpine-sdk", "musl-dev", "libc-dev", "libc6-dev", "linux-headers", "gfortran", "golang",
            "rustc", "cargo", "nasm", "yasm", "bison", "flex");
    private static final Set<String> INSTALLERS = Set.of("apt-get", "apt", "aptitude", "apk", "yum", "dnf",
            "microdnf", "zypper", "tdnf");

    @Override
    public void check(LintContext ctx) {
        Stage stage = ctx.model().finalStage().orElse(null);
        if (stage == null) return;
        for (Stage s : StageLineage.of(ctx.model(), stage)) {
            for (Instruction run : s.all("RUN")) {
                for (RunScript rs : ctx.scripts(run)) check(ctx, rs);
            }
        }
    }

    private static void check(LintContext ctx, RunScript rs) {
        Removals removed = Removals.of(rs.script().commands());
        for (SimpleCommand c : rs.script().commandsNamed(INSTALLERS.toArray(String[]::new))) {
            List<ShellWord> packages = packages(c);
            if (packages.isEmpty()) continue;
            if (c.name().equals("apk") && c.flagValue("-t", "--virtual").map(removed::names).orElse(false)) continue;
            for (ShellWord p : packages) {
                if (!p.isLiteral()) continue;
                String name = baseName(p.literal());
                if (!isBuildPackage(name) || removed.names(name) || removed.unknown()) continue;
                ctx.report(rs.span(p), name + " is a build tool or header package and stays in the final image: "
                        + "install it in a build stage, or remove it in this RUN after use");
            }
        }
    }

    static boolean isBuildPackage(String name) {
        return BUILD_PACKAGES.contains(name) || name.endsWith("-dev") || name.endsWith("-devel")
                || name.matches("(gcc|g\\+\\+|clang)-\\d+(\\.\\d+)*");
    }

    /** The packages an install command names (after install/add/in), flags and flag values left out. */
    private static List<ShellWord> packages(SimpleCommand c) {
        Set<String> verbs = c.name().equals("apk") ? Set.of("add") : Set.of("install", "in");
        List<ShellWord> args = c.args();
        int start = -1;
        for (int i = 0; i < args.size(); i++) {
            if (verbs.contains(args.get(i).literal())) {
                start = i + 1;
                break;
            }
        }
        if (start < 0) return List.of();
        List<ShellWord> out = new ArrayList<>();
        Set<String> valued = Set.of("-t", "--virtual", "--repository", "-X", "-o", "--option", "--setopt",
                "--enablerepo", "--disablerepo", "-c", "--config", "--target-release", "--releasever");
        for (int i = start; i < args.size(); i++) {
            String a = args.get(i).literal();
            if (a.startsWith("-")) {
                if (valued.contains(a)) i++;
                continue;
            }
            out.add(args.get(i));
        }
        return out;
    }

    /** {@code gcc=4:12.2.0-3}, {@code libpq-dev:amd64}, {@code gcc~12} to the bare package name. */
    private static String baseName(String pkg) {
        String n = pkg;
        for (String sep : new String[] {"=", ":", "~", ">", "<"}) {
            int i = n.indexOf(sep);
            if (i > 0) n = n.substring(0, i);
        }
        return n;
    }

    /** What the script uninstalls again (apt-get purge, apk del, dnf remove ...). */
    private record Removals(Set<String> named, boolean unknown) {
        static Removals of(List<SimpleCommand> commands) {
            Set<String> named = new HashSet<>();
            boolean unknown = false;
            for (SimpleCommand c : commands) {
                boolean removes = switch (c.name()) {
                    case "apt-get", "apt", "aptitude" -> c.hasArg("purge", "remove", "autoremove");
                    case "apk" -> c.hasArg("del");
                    case "yum", "dnf", "microdnf", "tdnf", "zypper" -> c.hasArg("remove", "erase", "autoremove", "rm");
                    default -> false;
                };
                if (!removes) continue;
                for (ShellWord w : c.args()) {
                    if (!w.isLiteral()) unknown = true;
                    else named.add(baseName(w.literal()));
                }
            }
            return new Removals(named, unknown);
        }

        boolean names(String pkg) {
            return named.contains(pkg);
        }
    }
}
