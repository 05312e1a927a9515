package dev.dockfit.lint.rules.correctness;

import dev.dockfit.dockerfile.model.Instruction;
import dev.dockfit.finding.Practice;
import dev.dockfit.finding.Severity;
import dev.dockfit.lint.LintContext;
import dev.dockfit.lint.Rule;
import dev.dockfit.lint.RuleDoc;
import java.util.List;

@RuleDoc(id = "DF623", title = "USER by name instead of numeric UID", severity = Severity.INFO,
        practice = Practice.CORRECTNESS,
        why = "Kubernetes' runAsNonRoot cannot check a user name against the image's /etc/passwd and refuses to "
                + "start the pod; a numeric UID (and GID) can be verified. Opt-in: it matters only on such "
                + "platforms. ARG and ENV values are resolved first.",
        bad = """
                FROM node:20-slim
                USER node
                """,
        good = """
                FROM node:20-slim
                USER 1000:1000
                """,
        hadolint = "DL3066", enabledByDefault = false)
public final class NonNumericUser extends Rule {

    @Override
    public void check(LintContext ctx) {
        List<Instruction> users = ctx.instructions("USER");
        for (int n = 0; n < users.size(); n++) {
            Instruction i = users.get(n);
            if (i.args().isEmpty()) continue;
            String user = StageFacts.resolved(ctx, i, i.args().get(0).value());
            if (user == null || user.isEmpty()) continue;
            String uid = user.contains(":") ? user.substring(0, user.indexOf(':')) : user;
            if (uid.chars().allMatch(Character::isDigit)) continue;
            ctx.report(i.args().get(0).span(), "USER " + uid + " is a name: use its numeric UID (and GID) so "
                    + "platforms can verify the container does not run as root");
        }
    }
}
