package dev.dockfit.lint.fix.practice;

import dev.dockfit.dockerfile.model.Instruction;
import dev.dockfit.finding.Practice;
import dev.dockfit.lint.fix.FileFix;
import dev.dockfit.lint.fix.Fix;
import dev.dockfit.lint.fix.FixInput;
import dev.dockfit.lint.fix.FixLevel;
import dev.dockfit.lint.fix.Proposal;
import dev.dockfit.reference.ImageReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * multi-stage (DF100), native code: a stage that installs a C toolchain with apt and compiles with make, gcc or
 * cmake becomes the build stage; the program the container starts is copied to the same path on the slim variant
 * of the image, without the compilers. Only when every RUN before the build installs packages, and none of them
 * is a C library's headers (their runtime packages are unknown).
 */
public final class NativeMultiStageFix implements FileFix {
    static final String RULE = "DF100";
    private static final Set<String> BUILDERS = Set.of("make", "gmake", "gcc", "g++", "cc", "c++", "clang", "clang++");

    @Override
    public String rule() {
        return RULE;
    }

    @Override
    public List<Proposal> propose(FixInput in) {
        if (!in.wants(RULE)) return List.of();
        var found = StageSplit.plan(in, c -> BUILDERS.contains(c.name()) || c.name().equals("cmake") && c.hasFlag("--build"));
        if (found.isEmpty()) return List.of();
        String what = "compile in a stage of its own and run the program on the slim image";
        if (found.get().refusal() != null) return List.of(StageSplit.refused(RULE, what, found.get().refusal()));
        StageSplit.Plan plan = found.get().plan();
        ImageReference image = plan.stage().base().reference();
        String runtime = StageSplit.runtimeVariant(in, image);
        if (image == null || runtime.equals(image.raw())) return List.of(); // no smaller runtime: the SDK fixes' or nobody's
        List<String> libs = new ArrayList<>();
        for (Instruction run : plan.stage().all("RUN")) {
            if (run == plan.buildRun()) break;
            var why = StageSplit.packagesOnly(in, run, libs);
            if (why.isPresent()) return List.of(StageSplit.refused(RULE, what, why.get()));
        }
        if (!libs.isEmpty()) {
            return List.of(StageSplit.refused(RULE, what, "the program links C libraries installed by apt ("
                    + String.join(", ", libs) + "); their runtime packages are unknown"));
        }
        List<String> command = StageSplit.command(plan);
        String program = command.isEmpty() ? "" : command.get(0);
        if (!program.contains("/") || !program.matches("[A-Za-z0-9_./-]+")) {
            return List.of(StageSplit.refused(RULE, what, "the container starts " + (program.isEmpty() ? "nothing" : program)
                    + ", not a program at a path the build wrote"));
        }
        String wd = StageSplit.workdir(in, plan);
        if (!program.startsWith("/") && wd == null) {
            return List.of(StageSplit.refused(RULE, what, "the program's path is relative to a directory dockfit cannot tell"));
        }
        String path = StageFacts.resolve(wd == null ? "/" : wd, program);
        var edits = StageSplit.edits(in, plan, runtime, List.of(StageSplit.copyFromBuild(plan, path, path)));
        return List.of(Proposal.of(RULE, Practice.MULTI_STAGE, new Fix("compiled in stage '" + plan.buildName() + "'; "
                + path + " runs on " + runtime, FixLevel.RECOMMENDED, edits),
                "the final image holds the program without the compilers and headers"));
    }
}
