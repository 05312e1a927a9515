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
import java.util.List;
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
public final class BroadCopyWithoutDockerignore extends Rule {

    @Override
    public void check(LintContext ctx) {
        Optional<Path> dir = ctx.contextDir();
        if (dir.isEmpty()) return;
        List<Instruction> copies = ctx.instructions("COPY");
        List<Instruction> adds = ctx.instructions("ADD");
        Optional<Arg> source = Optional.empty();
        // the COPYs and ADDs merged in file order (each list is in it): no other instruction is visited (hot)
        for (int c = 0, a = 0; source.isEmpty() && (c < copies.size() || a < adds.size()); ) {
            boolean copyNext = a == adds.size()
                    || c < copies.size() && copies.get(c).position() < adds.get(a).position();
            source = BroadCopy.broadSource(ctx, copyNext ? copies.get(c++) : adds.get(a++));
        }
        if (source.isEmpty()) return;
        // the file system is asked only now: most Dockerfiles copy nothing broad
        if (hasIgnoreFile(dir.get(), ctx.file().path())) return;
        ctx.report(source.get().span(), "add a .dockerignore next to the Dockerfile (at least .git and "
                + "build output) before copying the whole context");
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
