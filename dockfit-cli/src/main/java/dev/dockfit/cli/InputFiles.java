package dev.dockfit.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a command's input file (or standard input for {@code -}), turning I/O failures into one-line errors. */
public final class InputFiles {
    private InputFiles() {
    }

    /** The bytes of the file named {@code name} (relative to the caller's working directory), or of its stdin for {@code -}. */
    public static byte[] read(Invocation invocation, String name) {
        try {
            if (name.equals("-")) return invocation.stdin().readAllBytes();
            Path p = invocation.resolve(name);
            if (Files.isDirectory(p)) throw new UserError(ExitCodes.IO, name + ": is a directory");
            return Files.readAllBytes(p);
        } catch (NoSuchFileException e) {
            throw new UserError(ExitCodes.IO, name + ": no such file");
        } catch (IOException e) {
            throw new UserError(ExitCodes.IO, name + ": cannot read: " + e.getMessage(), e);
        }
    }
}
