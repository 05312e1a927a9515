package dev.dockfit.lint.rules.leastprivilege;

import dev.dockfit.dockerfile.model.Instruction;
import dev.dockfit.dockerfile.semantic.BuildModel;
import dev.dockfit.dockerfile.semantic.Stage;
import dev.dockfit.dockerfile.shell.ShellWord;
import dev.dockfit.dockerfile.shell.SimpleCommand;
import dev.dockfit.finding.Practice;
import dev.dockfit.finding.Severity;
import dev.dockfit.lint.LintContext;
import dev.dockfit.lint.Rule;
import dev.dockfit.lint.RuleDoc;
import dev.dockfit.lint.support.RunScript;
import dev.dockfit.lint.support.Workdir;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

@RuleDoc(id = "DF005", title = "chown -R / chmod -R over files COPY'd in the same stage",
        severity = Severity.WARNING, practice = Practice.LEAST_PRIVILEGE,
        why = "A recursive chown or chmod rewrites every file it touches into a new layer, so the copied files are "
                + "shipped twice. COPY --chown / --chmod give the files their owner and mode as they are copied.",
        bad = """
                FROM node:22-slim
                WORKDIR /app
                COPY . .
                RUN chown -R node:node /app
                USER node
                """,
        good = """
                FROM node:22-slim
                WORKDIR /app
                COPY --chown=node:node . .
                USER node
                """)
public final class RecursiveChownOfCopiedPath extends Rule {
    /** Varargs arguments made once (C1 allocates each call's array). */
    private static final String[] COMMANDS = {"chown", "chmod"};
    private static final String[] RECURSIVE = {"-R", "--recursive"};

    @Override
    public void check(LintContext ctx) {
        if (!ctx.runsCommand(COMMANDS)) return; // reports only on these commands
        BuildModel model = ctx.model();
        Stage stage = model.finalStage().orElse(null);
        if (stage == null) return;
        List<Instruction> runs = stage.all("RUN");
        for (int r = 0; r < runs.size(); r++) {
            Instruction run = runs.get(r);
            Optional<String> cwd = null; // worked out for a RUN with a recursive chown/chmod only
            List<RunScript> scripts = ctx.scripts(run);
            for (int s = 0; s < scripts.size(); s++) {
                RunScript rs = scripts.get(s);
                List<SimpleCommand> commands = rs.script().commandsNamed(COMMANDS);
                for (int k = 0; k < commands.size(); k++) {
                    SimpleCommand c = commands.get(k);
                    if (c.inSubstitution() || !c.hasFlag(RECURSIVE)) continue;
                    if (cwd == null) cwd = Workdir.at(model, run);
                    if (cwd.isEmpty()) break;
                    Operands operands = operands(c);
                    String value = operands.value() != null && operands.value().isLiteral()
                            ? operands.value().literal() : null;
                    Optional<String> dir = afterCd(model, run, rs, c, cwd.get());
                    if (dir.isEmpty()) continue;
                    for (ShellWord path : operands.paths()) {
                        var e = model.expand(run, path.raw());
                        if (e.isEmpty() || !e.get().unset().isEmpty()) continue;
                        String target = Workdir.resolve(dir.get(), e.get().value());
                        Instruction copy = copiedInto(model, stage, run, target, c.name().equals("chown") ? "chown" : "chmod");
                        if (copy == null) continue;
                        String flag = c.name().equals("chown") ? "--chown" : "--chmod";
                        String suggestion = flag + (value == null ? "" : "=" + value);
                        ctx.report(rs.span(path), c.name() + " -R " + target + " copies the files that "
                                + copy.keyword() + " on line " + line(ctx, copy) + " added into a new layer: use "
                                + copy.keyword() + " " + suggestion + " instead");
                    }
                }
            }
        }
    }

    /** The directory a command runs in after the script's earlier {@code cd}s; empty when one cannot be resolved. */
    private static Optional<String> afterCd(BuildModel model, Instruction run, RunScript rs, SimpleCommand at,
                                            String dir) {
        String cwd = dir;
        for (SimpleCommand cd : rs.script().commandsNamed("cd")) {
            if (cd.start() >= at.start() || cd.inSubstitution()) continue;
            if (cd.args().size() != 1) return Optional.empty(); // cd alone (home), cd -, options: not followed
            var e = model.expand(run, cd.args().get(0).raw());
            if (e.isEmpty() || !e.get().unset().isEmpty() || e.get().value().startsWith("-")) return Optional.empty();
            cwd = Workdir.resolve(cwd, e.get().value());
        }
        return Optional.of(cwd);
    }

    /** The owner or mode (null when --reference gives it) and the paths. */
    private record Operands(ShellWord value, List<ShellWord> paths) {
    }

    /** Splits the arguments; a short-option cluster is a flag only when made of the command's option letters. */
    private static Operands operands(SimpleCommand c) {
        String letters = c.name().equals("chown") ? "[RvcfhHLP]+" : "[Rvcf]+";
        List<ShellWord> out = new ArrayList<>();
        boolean reference = false;
        boolean endOfFlags = false;
        for (ShellWord w : c.args()) {
            String a = w.literal();
            if (!endOfFlags && a.equals("--")) {
                endOfFlags = true;
            } else if (!endOfFlags && a.startsWith("--")) {
                if (a.startsWith("--reference")) reference = true;
            } else if (endOfFlags || !(a.startsWith("-") && a.substring(1).matches(letters))) {
                out.add(w);
            }
        }
        if (reference) return new Operands(null, out);
        return out.isEmpty() ? new Operands(null, List.of()) : new Operands(out.get(0), out.subList(1, out.size()));
    }

    /** The last COPY/ADD of the stage before {@code run} whose destination holds {@code target}, else null. */
    private static Instruction copiedInto(BuildModel model, Stage stage, Instruction run, String target, String what) {
        Instruction found = null;
        for (Instruction in : stage.instructions()) {
            if (in == run) break;
            if (!(in.is("COPY") || in.is("ADD")) || in.args().size() < 2 || in.flag(what).isPresent()) continue;
            Optional<String> cwd = Workdir.at(model, in);
            var e = model.expand(in, in.args().get(in.args().size() - 1).value());
            if (cwd.isEmpty() || e.isEmpty() || !e.get().unset().isEmpty()) continue;
            String dest = Workdir.resolve(cwd.get(), e.get().value());
            if (dest.equals("/") || target.equals("/")) continue;
            // chown -R /app after COPY . /app, and chown -R /etc/x after COPY x.conf /etc/x/x.conf
            if (Workdir.within(target, dest) || Workdir.within(dest, target)) found = in;
        }
        return found;
    }

    private static int line(LintContext ctx, Instruction in) {
        return ctx.file().range(in.span()).start().line();
    }
}
