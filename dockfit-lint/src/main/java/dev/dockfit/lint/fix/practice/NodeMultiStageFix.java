package dev.dockfit.lint.fix.practice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dockfit.dockerfile.model.Instruction;
import dev.dockfit.dockerfile.shell.SimpleCommand;
import dev.dockfit.finding.Practice;
import dev.dockfit.lint.fix.FileFix;
import dev.dockfit.lint.fix.Fix;
import dev.dockfit.lint.fix.FixInput;
import dev.dockfit.lint.fix.FixLevel;
import dev.dockfit.lint.fix.Proposal;
import dev.dockfit.lint.support.BuildCommands;
import dev.dockfit.reference.ImageReference;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * multi-stage (DF100), Node: a stage that installs with npm and runs {@code npm run build} becomes the build stage
 * (dev dependencies and all); the runtime stage, on the slim variant of the same node image, installs the
 * production dependencies only ({@code npm ci --omit=dev}, npm's cache cleaned in the same RUN) and copies the build output: the directory of the
 * script the container starts ({@code node dist/server.js} or the package's {@code start} script).
 */
public final class NodeMultiStageFix implements FileFix {
    static final String RULE = "DF100";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String rule() {
        return RULE;
    }

    @Override
    public List<Proposal> propose(FixInput in) {
        if (!in.wants(RULE)) return List.of();
        var found = StageSplit.plan(in, c -> List.of("npm", "yarn", "pnpm", "bun").contains(c.name())
                && BuildCommands.describe(c).isPresent());
        if (found.isEmpty()) return List.of();
        String what = "build in a stage of its own and run on the slim image with production dependencies only";
        if (found.get().refusal() != null) return List.of(StageSplit.refused(RULE, what, found.get().refusal()));
        StageSplit.Plan plan = found.get().plan();
        if (!plan.build().name().equals("npm")) {
            return List.of(StageSplit.refused(RULE, what, "dockfit splits npm projects only, not " + plan.build().name()));
        }
        Optional<String> install = npmInstall(in, plan);
        if (install.isEmpty()) {
            return List.of(StageSplit.refused(RULE, what, "the stage installs no dependencies with npm ci or npm install"));
        }
        String wd = StageSplit.workdir(in, plan);
        if (wd == null) return List.of(StageSplit.refused(RULE, what, "the WORKDIR holds a variable"));
        Optional<String> script = entryScript(in, StageSplit.command(plan));
        if (script.isEmpty()) {
            return List.of(StageSplit.refused(RULE, what, "the script the container starts is unknown (node FILE or npm start)"));
        }
        String s = script.get();
        if (s.startsWith("/") || !s.contains("/") || s.startsWith("../") || !s.matches("[A-Za-z0-9_./@-]+")) {
            return List.of(StageSplit.refused(RULE, what, "the container runs " + s
                    + ", not a file in a build output directory of the app: the output to copy is unknown"));
        }
        String output = StageFacts.resolve(wd, s.replaceFirst("^\\./", "").replaceFirst("/.*", ""));
        ImageReference image = plan.stage().base().reference();
        String runtime = StageSplit.runtimeVariant(in, image);
        List<String> manifests = new ArrayList<>(List.of("package.json"));
        boolean lock = false;
        for (String l : List.of("package-lock.json", "npm-shrinkwrap.json")) {
            if (in.contextHas(l)) {
                manifests.add(l);
                lock = true;
            }
        }
        if (in.contextDir().isEmpty()) {
            manifests = List.of("package*.json");
            lock = install.get().equals("ci");
        }
        List<String> lines = List.of(
                StageFacts.keyword(plan.stage(), "COPY") + " " + String.join(" ", manifests) + " ./",
                StageFacts.keyword(plan.stage(), "RUN") + " npm " + (lock ? "ci" : "install") + " --omit=dev && npm cache clean --force",
                StageSplit.copyFromBuild(plan, output, output));
        return List.of(Proposal.of(RULE, Practice.MULTI_STAGE, new Fix("npm build moved to stage '" + plan.buildName()
                + "'; " + output + " and the production dependencies run on " + runtime, FixLevel.RECOMMENDED,
                StageSplit.edits(in, plan, runtime, lines)),
                "the final image holds no dev dependencies or sources" + (runtime.equals(image.raw()) ? "" : " on a slim base")));
    }

    /** {@code ci} or {@code install}: how the stage installs its dependencies. */
    private static Optional<String> npmInstall(FixInput in, StageSplit.Plan plan) {
        for (Instruction run : plan.stage().all("RUN")) {
            var rs = in.script(run);
            if (rs.isEmpty()) continue;
            for (SimpleCommand c : rs.get().script().commandsNamed("npm")) {
                if (c.hasArg("ci")) return Optional.of("ci");
                if (c.hasArg("install", "i")) return Optional.of("install");
            }
        }
        return Optional.empty();
    }

    /** The script {@code node} runs: from the command, or from package.json's start script for {@code npm start}. */
    private static Optional<String> entryScript(FixInput in, List<String> command) {
        if (command.isEmpty()) return Optional.empty();
        if (!command.get(0).replaceAll(".*/", "").equals("npm")) return nodeScript(command);
        List<String> args = command.subList(1, command.size());
        if (!(args.equals(List.of("start")) || args.equals(List.of("run", "start"))) || !in.contextHas("package.json")) {
            return Optional.empty();
        }
        try {
            JsonNode pkg = JSON.readTree(in.contextDir().get().resolve("package.json").toFile());
            String script = pkg.path("scripts").path("start").asText("").strip();
            if (script.isEmpty() || script.matches(".*[;&|<>$`].*")) return Optional.empty();
            return nodeScript(List.of(script.split("\\s+")));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** {@code node [flags] FILE ...}: FILE. */
    private static Optional<String> nodeScript(List<String> words) {
        if (words.isEmpty() || !words.get(0).replaceAll(".*/", "").equals("node")) return Optional.empty();
        return words.stream().skip(1).filter(w -> !w.startsWith("-")).findFirst();
    }
}
