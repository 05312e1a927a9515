package dev.dockfit.lint.support;

import dev.dockfit.dockerfile.shell.ShellWord;
import dev.dockfit.dockerfile.shell.SimpleCommand;
import dev.dockfit.lint.support.Names;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Packages that only serve to build (compilers, -dev headers), and what a RUN script uninstalls again. */
public final class BuildPackages {
    private static final Pattern VERSIONED_COMPILER = Pattern.compile("(gcc|g\\+\\+|clang)-\\d+(\\.\\d+)*");
    private static final Names NAMES = Names.of("build-essential", "gcc", "g++", "gcc-c++", "cpp",
            "make", "cmake", "clang", "llvm", "autoconf", "automake", "libtool", "pkg-config", "pkgconf",
            "build-base", "alpine-sdk", "musl-dev", "libc-dev", "libc6-dev", "linux-headers", "gfortran", "golang",
            "rustc", "cargo", "nasm", "yasm", "bison", "flex");

    /** What may follow a package name, in the order {@link #baseName} cuts at them. */
    private static final String VERSION_SEPARATORS = "=:~><";
    /** Varargs arguments of {@link #removedBy}, made once: it runs per script that installs or builds. */
    private static final String[] APT_REMOVE_VERBS = {"purge", "remove"};
    private static final String[] RPM_REMOVE_VERBS = {"remove", "erase", "autoremove", "rm"};
    private static final String[] AUTO_REMOVE_FLAGS = {"--auto-remove", "--autoremove"};

    private BuildPackages() {
    }

    public static boolean isBuildPackage(String name) {
        return NAMES.contains(name) || name.endsWith("-dev") || name.endsWith("-devel")
                || mayBeVersionedCompiler(name) && VERSIONED_COMPILER.matcher(name).matches();
    }

    /** The prefixes every {@link #VERSIONED_COMPILER} match starts with: most names skip the regex. */
    private static boolean mayBeVersionedCompiler(String name) {
        return name.startsWith("gcc-") || name.startsWith("g++-") || name.startsWith("clang-");
    }

    /** {@code gcc=4:12.2.0-3}, {@code libpq-dev:amd64}, {@code gcc~12} to the bare package name. */
    public static String baseName(String pkg) {
        String n = pkg;
        for (int s = 0; s < VERSION_SEPARATORS.length(); s++) {
            int i = n.indexOf(VERSION_SEPARATORS.charAt(s));
            if (i > 0) n = n.substring(0, i);
        }
        return n;
    }

    /**
     * What a script uninstalls (apt-get purge, apk del, dnf remove ...).
     *
     * @param named      the packages (or apk virtual names) named literally
     * @param everything true when it removes packages it does not name ({@code apt-get purge $buildDeps}) or
     *                   uses docker-library's {@code apt-mark auto '.*'} (or {@code | xargs apt-mark auto}) then
     *                   {@code apt-get purge --auto-remove}
     */
    public record Removals(Set<String> named, boolean everything) {

        public boolean removes(String pkg) {
            return everything || named.contains(pkg);
        }

        /** True when the script takes build packages away again (or removes an unnamed set, or an apk virtual). */
        public boolean anyBuildTool() {
            return everything || named.stream().anyMatch(n -> isBuildPackage(n) || n.startsWith("."));
        }
    }

    public static Removals removedBy(List<SimpleCommand> commands) {
        Set<String> named = null; // made for a script that removes something (most remove nothing)
        boolean everything = false;
        boolean markedAuto = false;
        for (int k = 0; k < commands.size(); k++) {
            SimpleCommand c = commands.get(k);
            // hot: per command of every script that installs or builds; one switch rules out most commands
            boolean removes;
            switch (c.name()) {
                case "apt-mark", "xargs" -> {
                    boolean aptMark = c.name().equals("apt-mark") || c.hasArg("apt-mark");
                    if (aptMark && c.hasArg("auto")) markedAuto = true;
                    continue;
                }
                case "apt-get", "apt", "aptitude" -> {
                    if (markedAuto && (c.hasArg("autoremove") || c.hasFlag(AUTO_REMOVE_FLAGS))) everything = true;
                    removes = c.hasArg(APT_REMOVE_VERBS);
                }
                case "apk" -> removes = c.hasArg("del");
                case "yum", "dnf", "microdnf", "tdnf", "zypper" -> removes = c.hasArg(RPM_REMOVE_VERBS);
                default -> {
                    continue;
                }
            }
            if (!removes) continue;
            List<ShellWord> args = c.args();
            for (int i = 0; i < args.size(); i++) {
                ShellWord w = args.get(i);
                if (!w.isLiteral()) {
                    everything = true;
                } else if (!w.literal().startsWith("-")) {
                    if (named == null) named = new HashSet<>();
                    named.add(baseName(w.literal()));
                }
            }
        }
        return new Removals(named == null ? Set.of() : Set.copyOf(named), everything);
    }
}
