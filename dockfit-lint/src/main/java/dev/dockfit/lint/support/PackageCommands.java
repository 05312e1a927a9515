package dev.dockfit.lint.support;

import dev.dockfit.dockerfile.shell.ShellWord;
import dev.dockfit.dockerfile.shell.SimpleCommand;
import java.util.Optional;
import java.util.Set;

/** Reading package manager command lines: which subcommand runs. */
public final class PackageCommands {
    /** Options of apt-get, apt, yum, dnf and zypper that take the next word as their value. */
    public static final Set<String> VALUE_OPTIONS = Set.of("-o", "-c", "-t", "--option", "--config-file",
            "--target-release", "--setopt", "--enablerepo", "--disablerepo", "--installroot", "--releasever",
            "-R", "--root", "--config", "-x", "--exclude");

    private PackageCommands() {
    }

    /** The first argument that is not an option or an option's value ({@code install} in apt-get -q install x). */
    public static Optional<ShellWord> subcommand(SimpleCommand c) {
        var args = c.args();
        for (int k = 0; k < args.size(); k++) {
            String a = args.get(k).literal();
            if (a.startsWith("-")) {
                if (VALUE_OPTIONS.contains(a)) k++;
                continue;
            }
            return Optional.of(args.get(k));
        }
        return Optional.empty();
    }

    public static boolean subcommandIn(SimpleCommand c, Set<String> names) {
        return subcommand(c).map(w -> names.contains(w.literal())).orElse(false);
    }
}
