package dev.dockfit.lint.fix.safe;

import dev.dockfit.dockerfile.model.Span;
import dev.dockfit.lint.LintContext.Reported;
import dev.dockfit.lint.fix.Fix;
import dev.dockfit.lint.fix.FixInput;
import dev.dockfit.lint.fix.FixLevel;
import dev.dockfit.lint.fix.FindingFix;
import dev.dockfit.lint.fix.Proposal;
import dev.dockfit.lint.fix.TextEdit;
import java.util.List;
import java.util.Set;

/**
 * DF705: {@code apt install} becomes {@code apt-get install}. Only for subcommands apt-get has with the same
 * meaning; {@code apt list} or {@code apt search} have none, so those stay a suggestion.
 */
public final class AptToAptGetFix implements FindingFix {
    private static final Set<String> SAME_IN_APT_GET = Set.of("install", "update", "upgrade", "dist-upgrade",
            "remove", "purge", "autoremove", "clean", "autoclean", "source", "build-dep", "download");

    @Override
    public Proposal propose(Reported finding, FixInput in) {
        List<CommandAt> found = CommandAt.find(in, finding, c -> c.name().equals("apt"));
        if (found.isEmpty()) return null;
        String rule = finding.finding().rule();
        for (CommandAt c : found) {
            String sub = c.command().argLiterals().stream().filter(a -> !a.startsWith("-")).findFirst().orElse("");
            if (!SAME_IN_APT_GET.contains(sub) || !in.text(c.span(c.command().words().get(0))).endsWith("apt")) {
                return Proposal.refused(rule, finding.finding().practice(), FixLevel.SAFE, "use apt-get instead of apt",
                        "'apt " + sub + "' has no apt-get equivalent with the same behaviour");
            }
        }
        List<TextEdit> edits = found.stream().map(c -> {
            Span name = c.span(c.command().words().get(0));
            String raw = in.text(name);
            return new TextEdit(name, raw.substring(0, raw.length() - "apt".length()) + "apt-get");
        }).toList();
        return Proposal.of(rule, finding.finding().practice(), new Fix("apt to apt-get", FixLevel.SAFE, edits),
                "a command-line interface meant for scripts (apt's may change)");
    }
}
