package dev.dockfit.lint.fix.practice;

import dev.dockfit.dockerfile.model.Instruction;
import dev.dockfit.dockerfile.model.Span;
import dev.dockfit.dockerfile.semantic.Stage;
import dev.dockfit.dockerfile.shell.ShellWord;
import dev.dockfit.dockerfile.shell.SimpleCommand;
import dev.dockfit.finding.Practice;
import dev.dockfit.lint.fix.FixInput;
import dev.dockfit.lint.fix.FixLevel;
import dev.dockfit.lint.fix.Proposal;
import dev.dockfit.lint.fix.TextEdit;
import dev.dockfit.lint.support.BuildCommands;
import dev.dockfit.lint.kb.Suggestion;
import dev.dockfit.lint.support.RunScript;
import dev.dockfit.reference.ImageReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The shape every multi-stage rewrite shares: a single-stage file whose final stage builds in one RUN and then
 * only sets how the container runs (CMD, ENTRYPOINT, EXPOSE...). The stage becomes the named build stage, and a
 * runtime stage is started right after the build RUN, so the CMD/ENTRYPOINT lines that follow it stay as written
 * and now belong to the runtime. The runtime's lines replace the span from the build RUN to the end of the stage
 * (that text is written back unchanged), so a fix of the old stage's tail (a USER before CMD) conflicts with the
 * split and waits for the next round, where it sees the new stages.
 */
final class StageSplit {
    static final String BUILD = "build";
    /** What may follow the build in the stage: instructions that only describe how the container runs. */
    /** Header packages that come with the toolchain or the interpreter: nothing to install at run time. */
    private static final Set<String> TOOLCHAIN_DEV = Set.of("libc6-dev", "libc-dev", "python3-dev", "python-dev",
            "linux-libc-dev", "musl-dev");
    private static final Set<String> RUNTIME_ONLY = Set.of("CMD", "ENTRYPOINT", "EXPOSE", "ENV", "LABEL",
            "HEALTHCHECK", "STOPSIGNAL", "VOLUME", "ARG", "WORKDIR");

    /** The stage to split, its build step, and the instructions after it (the runtime's). */
    record Plan(Stage stage, Instruction buildRun, RunScript script, SimpleCommand build, String buildName,
                List<Instruction> tail) {
    }

    /** Either a plan or the reason there is none. */
    record Found(Plan plan, String refusal) {
        static Found refused(String why) {
            return new Found(null, why);
        }
    }

    private StageSplit() {
    }

    /**
     * The single-stage final stage with exactly one build command that {@code accepts}, or the reason the split
     * is unsafe; empty when the file has nothing for this ecosystem (no such build, or already multi-stage).
     */
    static Optional<Found> plan(FixInput in, Predicate<SimpleCommand> accepts) {
        Stage stage = in.model().finalStage().orElse(null);
        if (stage == null || in.model().stages().size() != 1 || stage.base().isStage() || stage.base().isScratch()) {
            return Optional.empty();
        }
        List<SimpleCommand> builds = new ArrayList<>();
        Instruction buildRun = null;
        RunScript script = null;
        int unreadable = 0;
        for (Instruction run : stage.all("RUN")) {
            Optional<RunScript> rs = in.script(run);
            if (rs.isEmpty()) {
                unreadable++;
                continue;
            }
            for (SimpleCommand c : rs.get().script().commands()) {
                if (c.inSubstitution() || !accepts.test(c)) continue;
                builds.add(c);
                buildRun = run;
                script = rs.get();
            }
        }
        if (builds.isEmpty()) return Optional.empty();
        if (builds.size() > 1) {
            return Optional.of(Found.refused("the stage runs " + builds.size() + " builds ("
                    + String.join(", ", builds.stream().map(c -> BuildCommands.describe(c).orElse(c.name())).toList())
                    + "); dockfit splits a stage with one build only"));
        }
        if (unreadable > 0) return Optional.of(Found.refused("a heredoc or exec-form RUN may build too"));
        List<Instruction> ins = stage.instructions();
        List<Instruction> tail = ins.subList(ins.indexOf(buildRun) + 1, ins.size());
        for (Instruction i : tail) {
            if (!RUNTIME_ONLY.contains(i.keyword())) {
                return Optional.of(Found.refused(i.keyword() + " at line " + line(in, i)
                        + " follows the build; dockfit cannot tell whether the runtime needs it"));
            }
        }
        for (Instruction i : ins) {
            if (i.is("USER")) {
                return Optional.of(Found.refused("the stage switches user (USER at line " + line(in, i)
                        + "); the runtime stage would not have that user"));
            }
            if ((i.is("CMD") || i.is("ENTRYPOINT") || i.is("ONBUILD") || i.is("SHELL")) && !tail.contains(i)) {
                return Optional.of(Found.refused(i.keyword() + " at line " + line(in, i) + " comes before the build"));
            }
        }
        if (tail.stream().noneMatch(i -> i.is("CMD") || i.is("ENTRYPOINT"))) {
            return Optional.of(Found.refused("no CMD or ENTRYPOINT follows the build: what the container runs is unknown"));
        }
        String name = stage.name() != null ? stage.from().args().get(2).value() : BUILD;
        return Optional.of(new Found(new Plan(stage, buildRun, script, builds.get(0), name, List.copyOf(tail)), null));
    }

    static int line(FixInput in, Instruction i) {
        return in.file().range(i.span()).start().line();
    }

    /** The command the container runs: the words of the last ENTRYPOINT and CMD of the tail (literal, in order). */
    static List<String> command(Plan plan) {
        List<String> entry = List.of();
        List<String> cmd = List.of();
        for (Instruction i : plan.tail()) {
            if (i.is("ENTRYPOINT")) entry = words(i);
            if (i.is("CMD")) cmd = words(i);
        }
        List<String> out = new ArrayList<>(entry);
        out.addAll(cmd);
        return out;
    }

    private static List<String> words(Instruction i) {
        if (i.isJson()) return i.argValues();
        return List.of(i.argsText().text().strip().split("\\s+"));
    }

    /** The WORKDIR in force where the runtime lines go (after the build RUN), or null when it holds a variable. */
    static String workdir(FixInput in, Plan plan) {
        return StageFacts.workdirBefore(in.model(), plan.stage(), plan.buildRun());
    }

    /**
     * The edits of the split: the FROM named {@code AS build} (unless named already), then {@code runtime}
     * (the lines of the new stage, without the FROM's leading blank line) before the tail. ENV lines of the build
     * stage are repeated in the runtime stage: the program may read them.
     */
    static List<TextEdit> edits(FixInput in, Plan plan, String runtimeImage, List<String> runtimeLines) {
        Stage stage = plan.stage();
        List<TextEdit> edits = new ArrayList<>();
        if (stage.name() == null) {
            var image = stage.from().args().get(0);
            edits.add(new TextEdit(image.span(), in.text(image.span()) + " " + StageFacts.keyword(stage, "AS") + " " + BUILD));
        }
        StringBuilder runtime = new StringBuilder();
        int at = in.lineAfter(plan.buildRun());
        boolean atEnd = at == in.file().source().length();
        if (atEnd && !in.endsWithLineBreak()) runtime.append('\n');
        runtime.append('\n').append(StageFacts.keyword(stage, "FROM")).append(' ').append(runtimeImage).append('\n');
        String wd = workdir(in, plan);
        if (wd != null && !wd.equals("/")) runtime.append(StageFacts.keyword(stage, "WORKDIR")).append(' ').append(wd).append('\n');
        for (Instruction i : stage.instructions()) {
            if (i.is("ENV") && i.span().end() <= plan.buildRun().span().start()) {
                runtime.append(in.text(i.span()).strip()).append('\n');
            }
        }
        for (String l : runtimeLines) runtime.append(l).append('\n');
        int end = plan.tail().isEmpty() ? at : in.lineAfter(plan.tail().get(plan.tail().size() - 1));
        Span tail = new Span(at, end);
        edits.add(new TextEdit(tail, runtime + in.text(tail)));
        return edits;
    }

    /** The COPY line that takes {@code path} from the build stage to the same path. */
    static String copyFromBuild(Plan plan, String from, String to) {
        return StageFacts.keyword(plan.stage(), "COPY") + " --from=" + plan.buildName() + " " + from + " " + to;
    }

    /**
     * Empty when the RUN only installs packages with apt (what the build stage keeps to itself); lib*-dev packages
     * go to {@code libs}. Otherwise the reason the runtime might need what it does.
     */
    static Optional<String> packagesOnly(FixInput in, Instruction run, List<String> libs) {
        var rs = in.script(run);
        if (rs.isEmpty()) return Optional.of("RUN at line " + StageSplit.line(in, run) + " is not a shell command dockfit reads");
        for (SimpleCommand c : rs.get().script().commands()) {
            if (c.name().equals("apt-get") || c.name().equals("apt")) {
                for (ShellWord w : c.argsAfter("install")) {
                    String p = w.literal();
                    if (p.matches("lib[a-z0-9.+-]*-dev") && !TOOLCHAIN_DEV.contains(p) && !libs.contains(p)) libs.add(p);
                }
            } else if (!c.name().equals("rm")) {
                return Optional.of("RUN at line " + StageSplit.line(in, run) + " runs " + c.name()
                        + "; dockfit cannot tell whether the runtime needs it");
            }
        }
        return Optional.empty();
    }

    /** The slim variant of the same version (same package manager, not an SDK image), else the image itself. */
    static String runtimeVariant(FixInput in, ImageReference image) {
        if (image == null) return "";
        return in.kb().smallerVariants(image).stream()
                .filter(v -> !v.packageManagerChanges() && !in.kb().isSdkImage(v.image(), v.tag()))
                .map(Suggestion::reference).findFirst().orElse(image.raw());
    }

    static Proposal refused(String rule, String what, String why) {
        return Proposal.refused(rule, Practice.MULTI_STAGE, FixLevel.RECOMMENDED, what, why);
    }
}
