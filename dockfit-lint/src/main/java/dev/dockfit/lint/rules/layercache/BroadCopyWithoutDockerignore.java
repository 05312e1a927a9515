package dev.dockfit.lint.rules.layercache;

import dev.dockfit.dockerfile.model.Arg;
import dev.dockfit.dockerfile.model.Instruction;
import dev.dockfit.finding.Practice;
import dev.dockfit.finding.Severity;
import dev.dockfit.lint.LintContext;
import dev.dockfit.lint.Rule;
import dev.dockfit.lint.RuleDoc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

@RuleDoc(id = "DF302", title = "Whole context copied with no .dockerignore", severity = Severity.WARNING,
        practice = Practice.LAYER_CACHE,
        why = "Without a .dockerignore, COPY . sends and copies everything: .git, node_modules, build output, "
                + "local .env files. Any change to them (every commit changes .git) invalidates the layer and all "
                + "that follow, and secrets may end up in the image.",
        bad = """
                FROM node:20-slim
                WORKDIR /app
                COPY . .
                """,
        good = """
                FROM node:20-slim
                WORKDIR /app
                COPY package.json package-lock.json ./
                COPY src/ ./src/
                """)
public final class BroadCopyWithoutDockerignore implements Rule {

    @Override
    public void check(LintContext ctx) {
        Optional<Path> dir = ctx.contextDir();
        if (dir.isEmpty()) return;
        for (Instruction in : ctx.instructions()) {
            Optional<Arg> source = BroadCopy.broadSource(ctx, in);
            if (source.isEmpty()) continue;
            // the file system is asked only now: most Dockerfiles copy nothing broad
            if (hasIgnoreFile(dir.get(), ctx.file().path())) return;
            ctx.report(source.get().span(), "add a .dockerignore next to the Dockerfile (at least .git and "
                    + "build output) before copying the whole context");
            return;
        }
    }

    /** {@code .dockerignore}, or BuildKit's per-Dockerfile {@code <name>.dockerignore}. */
    private static boolean hasIgnoreFile(Path dir, String dockerfilePath) {
        if (Files.exists(dir.resolve(".dockerignore"))) return true;
        try {
            Path name = Path.of(dockerfilePath).getFileName();
            return name != null && Files.exists(dir.resolve(name + ".dockerignore"));
        } catch (java.nio.file.InvalidPathException e) {
            return false;
        }
    }
}
