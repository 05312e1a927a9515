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

    /**
     * The arguments as inputs, without touching the file system: each names a file (relative paths are relative to
     * {@code cwd}, absolute) or standard input. Whether a name is a directory, or missing, shows when it is read
     * ({@link #afterFailedRead}): a stat per argument cost more than the read of a small file, serially, on
     * thousands of arguments.
     */
    static List<Input> arguments(List<String> args, Path cwd) {
        List<Input> out = new ArrayList<>(args.size());
        for (String a : args) out.add(a.equals("-") ? new Input("-", null) : new Input(a, cwd.resolve(a)));
        return out;
    }

    /** What an argument that could not be read as a file names. */
    enum Named { DIRECTORY, NOTHING, UNREADABLE_FILE }

    /** Why reading the argument {@code file} failed: one stat, on failure only. */
    static Named afterFailedRead(Path file) {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class).isDirectory() ? Named.DIRECTORY : Named.UNREADABLE_FILE;
        } catch (IOException e) {
            return Named.NOTHING;
        }
    }

    /** The error for an argument that names nothing. */
    static UserError nothingAt(Input argument) {
        return new UserError(ExitCodes.IO, "dockfit lint: " + argument.name() + ": no such file or directory");
    }

    /** The Dockerfiles below the directory an argument names, in path order; an error when there is none. */
    static List<Input> below(Input argument) {
        List<Input> found = walk(argument.file(), Path.of(argument.name()));
        if (found.isEmpty()) {
            throw new UserError(ExitCodes.USAGE, "dockfit lint: " + argument.name() + ": no Dockerfile in this directory");
        }
        return found;
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
