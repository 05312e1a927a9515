package dev.dockfit.lint.rules.correctness;

import dev.dockfit.dockerfile.model.Flag;
import dev.dockfit.dockerfile.model.Instruction;
import dev.dockfit.finding.Practice;
import dev.dockfit.finding.Severity;
import dev.dockfit.lint.LintContext;
import dev.dockfit.lint.Rule;
import dev.dockfit.lint.RuleDoc;
import dev.dockfit.lint.support.Mount;
import dev.dockfit.lint.support.Spelling;
import java.util.List;
import java.util.Map;
import java.util.Set;

@RuleDoc(id = "DF601", title = "Unknown flag or flag value", severity = Severity.ERROR,
        practice = Practice.CORRECTNESS,
        why = "BuildKit refuses an instruction with a flag it does not know (a typo such as --chwon, or a flag of "
                + "another instruction), and a RUN --network, --security or --mount type it does not know.",
        bad = """
                FROM node:20-slim
                WORKDIR /app
                COPY --chwon=node:node . .
                """,
        good = """
                FROM node:20-slim
                WORKDIR /app
                COPY --chown=node:node . .
                """)
public final class UnknownFlag extends Rule {
    private static final Map<String, Set<String>> VALUES = Map.of(
            "network", Set.of("default", "none", "host"),
            "security", Set.of("sandbox", "insecure"));
    private static final Set<String> MOUNT_TYPES = Set.of("bind", "cache", "tmpfs", "secret", "ssh");

    @Override
    public void check(LintContext ctx) {
        List<Instruction> all = Keywords.withOnbuildChildren(ctx.instructions());
        for (int n = 0; n < all.size(); n++) {
            Instruction i = all.get(n);
            if (i.flags().isEmpty()) continue; // first: most instructions have no flags (hot)
            // BuildKit never parses STOPSIGNAL's flags, so it accepts (and ignores) any.
            if (!Keywords.INSTRUCTIONS.contains(i.keyword()) || i.is("STOPSIGNAL")) continue;
            Set<String> known = Keywords.FLAGS.getOrDefault(i.keyword(), Set.of());
            int mount = 0; // the index of the next --mount among the RUN's mounts
            List<Flag> flags = i.flags();
            for (int j = 0; j < flags.size(); j++) {
                Flag f = flags.get(j);
                Mount parsed = i.is("RUN") && f.name().equals("mount") ? ctx.mounts(i).get(mount++) : null;
                if (!known.contains(f.name())) {
                    String hint = Spelling.nearest(f.name(), known).map(k -> ": did you mean --" + k + "?")
                            .orElse(known.isEmpty() ? ": " + i.keyword() + " takes no flags" : "");
                    ctx.report(f.span(), "unknown flag --" + f.name() + " for " + i.keyword() + hint);
                } else if (i.is("RUN")) {
                    checkRunValue(ctx, f, parsed);
                }
            }
        }
    }

    /** {@code parsed}: the mount a --mount flag gives ({@link LintContext#mounts}), else null. */
    private static void checkRunValue(LintContext ctx, Flag f, Mount parsed) {
        String v = f.value();
        Set<String> allowed = VALUES.get(f.name());
        if (allowed != null && v != null && !v.contains("$") && !allowed.contains(v)) {
            ctx.report(f.span(), "--" + f.name() + "=" + v + " is not valid: use one of " + String.join(", ",
                    allowed.stream().sorted().toList()));
        }
        if (f.name().equals("mount") && v != null) {
            String type = parsed.type();
            if (!type.contains("$") && !MOUNT_TYPES.contains(type)) {
                ctx.report(f.span(), "unknown mount type '" + type + "': use bind, cache, tmpfs, secret or ssh");
            }
        }
    }
}
