package dev.dockfit.cli.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;

/**
 * The state file of a running lint server: one line {@code PORT CLIENT_TOKEN SERVER_TOKEN PID}, mode 0600, in a
 * directory only its owner may enter (0700). Whoever can read it may use the server; so the directory is
 * refused when it belongs to someone else or others may enter it.
 */
public record ServerState(int port, String clientToken, String serverToken, long pid) {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");

    /** A new state for a server on {@code port}: two fresh 128-bit random tokens. */
    static ServerState fresh(int port) {
        return new ServerState(port, token(), token(), ProcessHandle.current().pid());
    }

    private static String token() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** Writes the file atomically (a reader sees the old contents or the new, never a part). */
    void write(Path file) throws IOException {
        Path dir = privateDirectory(file.toAbsolutePath().getParent());
        Path tmp = Files.createTempFile(dir, ".state", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
        try {
            Files.writeString(tmp, port + " " + clientToken + " " + serverToken + " " + pid + "\n", StandardCharsets.US_ASCII);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The state in {@code file}, or empty when there is none or it is not one. */
    public static Optional<ServerState> read(Path file) {
        try {
            String[] f = Files.readString(file, StandardCharsets.US_ASCII).strip().split(" ");
            if (f.length != 4) return Optional.empty();
            return Optional.of(new ServerState(Integer.parseInt(f[0]), f[1], f[2], Long.parseLong(f[3])));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Creates {@code dir} (0700) if needed, and refuses one that others own or may enter. */
    static Path privateDirectory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir.getParent());
            try {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIR));
            } catch (FileAlreadyExistsException e) {
                // made by a concurrent start: checked below like any existing one
            }
        }
        UserPrincipal me = dir.getFileSystem().getUserPrincipalLookupService()
                .lookupPrincipalByName(System.getProperty("user.name"));
        if (!Files.getOwner(dir).equals(me)) throw new IOException(dir + ": owned by another user; not used");
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(dir);
        if (!OWNER_ONLY_DIR.containsAll(perms)) {
            throw new IOException(dir + ": others may enter it (mode " + PosixFilePermissions.toString(perms)
                    + "); not used (chmod 700 it)");
        }
        return dir;
    }
}
