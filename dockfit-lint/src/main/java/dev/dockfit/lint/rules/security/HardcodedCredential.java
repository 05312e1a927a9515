package dev.dockfit.lint.rules.security;

import dev.dockfit.dockerfile.model.Arg;
import dev.dockfit.dockerfile.model.Heredoc;
import dev.dockfit.dockerfile.model.Instruction;
import dev.dockfit.dockerfile.model.Span;
import dev.dockfit.dockerfile.shell.ShellWord;
import dev.dockfit.dockerfile.shell.SimpleCommand;
import dev.dockfit.finding.Practice;
import dev.dockfit.finding.Severity;
import dev.dockfit.lint.LintContext;
import dev.dockfit.lint.Rule;
import dev.dockfit.lint.RuleDoc;
import dev.dockfit.lint.support.RunScript;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

@RuleDoc(id = "DF501", title = "Credential written in the Dockerfile", severity = Severity.ERROR,
        practice = Practice.SECURITY,
        why = "A token or private key in an ARG, ENV, LABEL, RUN or heredoc is readable by anyone who can read "
                + "the Dockerfile or pull the image (config, history, layers). Revoke it, and pass it with "
                + "RUN --mount=type=secret.",
        bad = """
                FROM alpine:3.20
                ENV AWS_ACCESS_KEY_ID=AKIAZ7Q3JX4PLM2RT6WB
                """,
        good = """
                FROM alpine:3.20
                RUN --mount=type=secret,id=aws,target=/root/.aws/credentials \\
                    wget -qO /tmp/x https://example.com/x
                """,
        trivy = "DS-0031")
public final class HardcodedCredential extends Rule {

    @Override
    public void check(LintContext ctx) {
        List<Instruction> all = ctx.instructions();
        for (int i = 0; i < all.size(); i++) {
            Instruction in = all.get(i);
            boolean run = in.is("RUN");
            if (run) {
                List<RunScript> scripts = ctx.scripts(in);
                for (int s = 0; s < scripts.size(); s++) {
                    RunScript rs = scripts.get(s);
                    List<SimpleCommand> commands = rs.script().commands();
                    for (int c = 0; c < commands.size(); c++) {
                        SimpleCommand command = commands.get(c);
                        // its words lie in its source text: a short command has no word long enough to look at
                        if (command.end() - command.start() < SecretValues.SHORTEST) continue;
                        words(ctx, rs, command.assignments());
                        words(ctx, rs, command.words());
                    }
                }
            } else {
                boolean pairs = in.is("ENV") || in.is("LABEL");
                if (pairs || in.is("ARG")) {
                    List<Arg> args = in.args();
                    for (int k = pairs ? 1 : 0; k < args.size(); k += pairs ? 3 : 1) {
                        Arg a = args.get(k);
                        if (a.span() != null && report(ctx, in, a.value(), a.span().start())) break;
                    }
                }
            }
            List<Heredoc> heredocs = in.heredocs();
            // the heredocs a shell runs were analysed as scripts above
            if (heredocs.isEmpty() || run && ctx.scripts(in).size() > 1) continue;
            for (int h = 0; h < heredocs.size(); h++) {
                report(ctx, in, heredocs.get(h).content(), heredocs.get(h).span().start());
            }
        }
    }

    /** Reports every credential among the words. */
    private static void words(LintContext ctx, RunScript rs, List<ShellWord> words) {
        for (int i = 0; i < words.size(); i++) {
            ShellWord w = words.get(i);
            // a literal is never longer than the word's source text: short words are skipped without cutting it
            if (w.end() - w.start() < SecretValues.SHORTEST) continue;
            Optional<SecretValues.Match> m = SecretValues.find(w.literal());
            if (m.isPresent()) ctx.report(rs.span(words.get(i)), message(m.get()));
        }
    }

    /** Reports the first credential in a value whose first byte is at {@code origin}; true when found. */
    private static boolean report(LintContext ctx, Instruction in, String value, int origin) {
        Optional<SecretValues.Match> m = SecretValues.find(value);
        if (m.isEmpty()) return false;
        int from = origin + value.substring(0, m.get().start()).getBytes(StandardCharsets.UTF_8).length;
        int to = from + value.substring(m.get().start(), m.get().end()).getBytes(StandardCharsets.UTF_8).length;
        int limit = in.span().end();
        ctx.report(new Span(Math.min(from, limit), Math.min(to, limit)), message(m.get()));
        return true;
    }

    private static String message(SecretValues.Match m) {
        return "this looks like " + m.kind() + ": revoke it and pass it with RUN --mount=type=secret instead";
    }
}
