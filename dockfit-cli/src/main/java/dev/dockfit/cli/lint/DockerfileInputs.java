package dev.dockfit.cli.lint;

import dev.dockfit.cli.ExitCodes;
import dev.dockfit.cli.UserError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The Dockerfiles named on the command line: files as given, {@code -} for standard input, and for a
 * directory every {@code Dockerfile}, {@code Containerfile}, {@code *.Dockerfile} and {@code Dockerfile.*}
 * below it (in path order), skipping {@code .git}, {@code node_modules} and {@code target}.
 */
final class DockerfileInputs {
    private static final Set<String> SKIPPED = Set.of(".git", "node_modules", "target");

    /** One input: its display path (as given, or below a directory as given), and the absolute file (null for standard input). */
    record Input(String name, Path file) {
        boolean isStdin() {
            return file == null;
        }
    }

    private DockerfileInputs() {
    }

    /** The inputs the arguments name; relative paths are relative to {@code cwd} (absolute). */
    static List<Input> expand(List<String> args, Path cwd) {
        List<Input> out = new ArrayList<>();
        for (String a : args) {
            if (a.equals("-")) {
                out.add(new Input("-", null));
                continue;
            }
            Path p = cwd.resolve(a);
            BasicFileAttributes attributes;
            try {
                // one stat per argument (a large run names thousands of files)
                attributes = Files.readAttributes(p, BasicFileAttributes.class);
            } catch (IOException e) {
                throw new UserError(ExitCodes.IO, "dockfit lint: " + a + ": no such file or directory");
            }
            if (attributes.isDirectory()) {
                List<Input> found = walk(p, Path.of(a));
                if (found.isEmpty()) throw new UserError(ExitCodes.USAGE, "dockfit lint: " + a + ": no Dockerfile in this directory");
                out.addAll(found);
            } else {
                out.add(new Input(a, p));
            }
        }
        return out;
    }

    static boolean isDockerfileName(String name) {
        return name.equals("Dockerfile") || name.equals("Containerfile") || name.endsWith(".Dockerfile")
                || name.startsWith("Dockerfile.") || name.startsWith("Containerfile.");
    }

    /** The Dockerfiles below {@code dir} (absolute), named as paths below {@code shown}, the directory as given. */
    private static List<Input> walk(Path dir, Path shown) {
        List<Path> files = new ArrayList<>();
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                    return !d.equals(dir) && SKIPPED.contains(String.valueOf(d.getFileName()))
                            ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() && isDockerfileName(f.getFileName().toString())) files.add(f);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path f, IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            throw new UserError(ExitCodes.IO, "dockfit lint: " + shown + ": cannot list: " + e.getMessage());
        }
        files.sort(null);
        return files.stream().map(f -> new Input(shown.resolve(dir.relativize(f)).toString(), f)).toList();
    }
}
