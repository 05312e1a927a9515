package dev.dockfit.cli.server;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;

/**
 * The launcher's rule for rebuilding the jar (its {@code stale()}): the root {@code pom.xml}, a module's
 * {@code pom.xml} or a file under a module's {@code src/main} is newer than the jar. The launcher asks the server
 * first and builds only when it is refused, so the server applies the rule for it, without a process per run.
 */
final class SourceTree {
    private SourceTree() {
    }

    /** Whether a source under {@code root} (the checkout) is newer than {@code jarTime}. */
    static boolean newerThan(Path root, FileTime jarTime) {
        try {
            if (newer(root.resolve("pom.xml"), jarTime)) return true;
            try (DirectoryStream<Path> modules = Files.newDirectoryStream(root, "dockfit-*")) {
                for (Path m : modules) {
                    if (newer(m.resolve("pom.xml"), jarTime) || newerBelow(m.resolve("src/main"), jarTime)) return true;
                }
            }
            return false;
        } catch (IOException e) {
            return true; // cannot tell: let the launcher decide
        }
    }

    private static boolean newer(Path file, FileTime than) throws IOException {
        return Files.exists(file) && Files.getLastModifiedTime(file).compareTo(than) > 0;
    }

    private static boolean newerBelow(Path dir, FileTime than) throws IOException {
        if (!Files.isDirectory(dir)) return false;
        boolean[] found = {false};
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                return visit(attrs);
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
                return visit(attrs);
            }

            private FileVisitResult visit(BasicFileAttributes attrs) {
                if (attrs.lastModifiedTime().compareTo(than) > 0) {
                    found[0] = true;
                    return FileVisitResult.TERMINATE;
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return found[0];
    }
}
