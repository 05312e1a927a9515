package dev.dockfit.cli.fix;

import dev.dockfit.cli.ExitCodes;
import dev.dockfit.cli.UserError;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.Arrays;

/**
 * Replaces a file atomically: the new bytes go to a temporary file in the same directory, are synced, and the
 * temporary file is moved over the original (ATOMIC_MOVE), but only when the original still holds the bytes
 * that were read; otherwise nothing is written.
 */
final class AtomicWrite {
    private AtomicWrite() {
    }

    static void replace(Path file, byte[] expected, byte[] content) {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            tmp = Files.createTempFile(dir, "." + file.getFileName() + ".", ".dockfit-tmp");
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ByteBuffer buf = ByteBuffer.wrap(content);
                while (buf.hasRemaining()) ch.write(buf);
                ch.force(true);
            }
            var perms = Files.getFileAttributeView(file, PosixFileAttributeView.class);
            if (perms != null) Files.setPosixFilePermissions(tmp, perms.readAttributes().permissions());
            if (!Arrays.equals(Files.readAllBytes(file), expected)) {
                throw new UserError(ExitCodes.IO, file + ": changed since it was read; not written (run fix again)");
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            tmp = null;
        } catch (AccessDeniedException e) {
            throw new UserError(ExitCodes.IO, file + ": cannot write: permission denied", e);
        } catch (IOException e) {
            throw new UserError(ExitCodes.IO, file + ": cannot write: " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the temporary file is left behind; the original is untouched
                }
            }
        }
    }

    /** Creates a file that must not exist yet (a .dockerignore is never overwritten). */
    static boolean createNew(Path file, String content) {
        try {
            Files.writeString(file, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            return true;
        } catch (java.nio.file.FileAlreadyExistsException e) {
            return false;
        } catch (IOException e) {
            throw new UserError(ExitCodes.IO, file + ": cannot write: " + e.getMessage(), e);
        }
    }
}
