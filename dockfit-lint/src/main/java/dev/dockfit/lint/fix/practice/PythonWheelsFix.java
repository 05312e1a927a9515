package dev.dockfit.lint.fix.practice;

import dev.dockfit.dockerfile.model.Instruction;
import dev.dockfit.dockerfile.model.Span;
import dev.dockfit.dockerfile.shell.ShellWord;
import dev.dockfit.dockerfile.shell.SimpleCommand;
import dev.dockfit.finding.Practice;
import dev.dockfit.lint.fix.FileFix;
import dev.dockfit.lint.fix.Fix;
import dev.dockfit.lint.fix.FixInput;
import dev.dockfit.lint.fix.FixLevel;
import dev.dockfit.lint.fix.Proposal;
import dev.dockfit.lint.fix.TextEdit;
import dev.dockfit.reference.ImageReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * multi-stage (DF101), Python with compilers: a stage that installs compilers or headers with apt for
 * {@code pip install -r FILE} becomes the build stage, where {@code pip wheel --wheel-dir /wheels} builds the
 * wheels; the runtime, on the slim variant of the same python image and without the compilers, copies the wheels
 * and the application and installs with {@code --no-index --find-links=/wheels}. C libraries other than the
 * toolchain's ({@code libpq-dev}...) need runtime packages dockfit cannot name, so then it is only suggested.
 */
public final class PythonWheelsFix implements FileFix {
    static final String RULE = "DF101";
    static final String WHEELS = "/wheels";
    /** pip install flags whose meaning pip wheel does not share. */
    private static final Set<String> INSTALL_ONLY = Set.of("--user", "--target", "-t", "--prefix", "--root", "-e",
            "--editable", "-U", "--upgrade", "--force-reinstall", "--break-system-packages", "--no-deps", "-I",
            "--ignore-installed");
    private static final Set<String> VALUED = Set.of("-r", "--requirement", "-c", "--constraint", "-i", "--index-url",
            "--extra-index-url", "--trusted-host", "-f", "--find-links", "--progress-bar", "--timeout", "--retries");

    @Override
    public String rule() {
        return RULE;
    }

    @Override
    public List<Proposal> propose(FixInput in) {
        if (!in.hasFinding(RULE)) return List.of();
        var found = StageSplit.plan(in, PythonWheelsFix::pipInstall);
        if (found.isEmpty()) return List.of();
        String what = "build the wheels in a stage with the compilers and install them on the slim image";
        if (found.get().refusal() != null) return List.of(StageSplit.refused(RULE, what, found.get().refusal()));
        StageSplit.Plan plan = found.get().plan();
        SimpleCommand pip = plan.build();
        String requirements = pip.flagValue("-r", "--requirement").orElse("");
        if (plan.script().script().commands().size() != 1) {
            return List.of(StageSplit.refused(RULE, what, "the RUN at line " + StageSplit.line(in, plan.buildRun())
                    + " does more than pip install; split it first"));
        }
        Optional<String> flag = pipFlagProblem(pip);
        if (flag.isPresent()) return List.of(StageSplit.refused(RULE, what, flag.get()));
        List<String> libs = new ArrayList<>();
        String wd = StageSplit.workdir(in, plan);
        List<String> copies = new ArrayList<>();
        for (Instruction i : plan.stage().instructions()) {
            if (i == plan.buildRun()) break;
            if (i.is("RUN")) {
                Optional<String> why = StageSplit.packagesOnly(in, i, libs);
                if (why.isPresent()) return List.of(StageSplit.refused(RULE, what, why.get()));
            } else if (i.is("COPY") || i.is("ADD")) {
                if (i.flag("from").isPresent()) {
                    return List.of(StageSplit.refused(RULE, what, i.keyword() + " --from at line " + StageSplit.line(in, i) + " copies from another image"));
                }
                String dest = i.args().isEmpty() ? "" : i.args().get(i.args().size() - 1).value();
                if (wd == null || !dest.startsWith("/") && !wd.equals(StageFacts.workdirBefore(in.model(), plan.stage(), i))) {
                    return List.of(StageSplit.refused(RULE, what, i.keyword() + " at line " + StageSplit.line(in, i)
                            + " copies to a path relative to another WORKDIR than the install's"));
                }
                copies.add(in.text(i.span()).strip());
            }
        }
        if (!libs.isEmpty()) {
            return List.of(StageSplit.refused(RULE, what, "the wheels link C libraries installed by apt ("
                    + String.join(", ", libs) + "); their runtime packages are unknown"));
        }
        ImageReference image = plan.stage().base().reference();
        String runtime = StageSplit.runtimeVariant(in, image);
        List<TextEdit> edits = new ArrayList<>();
        ShellWord install = pip.args().stream().filter(w -> w.literal().equals("install")).findFirst().orElseThrow();
        edits.add(new TextEdit(plan.script().span(install), "wheel --wheel-dir " + WHEELS));
        List<String> lines = new ArrayList<>();
        lines.add(StageSplit.copyFromBuild(plan, WHEELS, WHEELS));
        lines.addAll(copies);
        String pipWord = in.text(new Span(plan.script().span(pip.words().get(0)).start(), plan.script().span(install).start())).strip();
        lines.add(StageFacts.keyword(plan.stage(), "RUN") + " " + pipWord + " install --no-cache-dir --no-index --find-links="
                + WHEELS + " -r " + requirements);
        edits.addAll(StageSplit.edits(in, plan, runtime, lines));
        return List.of(Proposal.of(RULE, Practice.MULTI_STAGE, new Fix("wheels built in stage '" + plan.buildName()
                + "' (pip wheel); installed from " + WHEELS + " on " + runtime + " without the compilers",
                FixLevel.RECOMMENDED, edits), "the final image holds no compilers or headers"));
    }

    /** {@code pip install ... -r FILE} (also {@code python -m pip install}). */
    private static boolean pipInstall(SimpleCommand c) {
        List<String> a = c.argLiterals();
        boolean pip = c.name().matches("pip[0-9.]*")
                || c.name().matches("python[0-9.]*") && a.size() > 1 && a.get(0).equals("-m") && a.get(1).equals("pip");
        return pip && c.hasArg("install") && c.flagValue("-r", "--requirement").isPresent();
    }

    /** Why pip wheel cannot stand for this pip install: a flag only install has, or a package named directly. */
    private static Optional<String> pipFlagProblem(SimpleCommand pip) {
        List<String> a = pip.argLiterals();
        int start = a.indexOf("install") + 1;
        for (int k = start; k < a.size(); k++) {
            String w = a.get(k);
            String flag = w.replaceFirst("=.*", "");
            if (INSTALL_ONLY.contains(flag)) return Optional.of("pip install " + w + " has no pip wheel equivalent");
            if (VALUED.contains(w)) {
                k++;
            } else if (!w.startsWith("-")) {
                return Optional.of("pip install also names " + w + "; install only from the requirements file");
            }
        }
        String r = pip.flagValue("-r", "--requirement").orElse("");
        if (!r.matches("[A-Za-z0-9_./-]+")) return Optional.of("the requirements file " + r + " is not a plain path");
        return Optional.empty();
    }
}
