package dev.dockfit.testenv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Deletes a directory tree without following symbolic links. A debootstrap killed mid-way leaves the host's /proc
 * and /sys mounted inside its target, so anything still mounted below the tree is unmounted first, and the tree is
 * left alone if that fails: walking into a live /sys or /proc and deleting is not an option.
 */
final class FileTrees {
  private static final Path MOUNTS = Path.of("/proc/self/mounts");

  private FileTrees() {}

  static void delete(Path root) {
    if (root == null || !Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Path absolute = root.toAbsolutePath().normalize();
    for (Path mountPoint : mountPointsBelow(absolute)) {
      Command.run(List.of("umount", "--lazy", mountPoint.toString()), Duration.ofMinutes(1));
    }
    if (!mountPointsBelow(absolute).isEmpty()) {
      throw new IllegalStateException("not deleting " + absolute + ": something is still mounted below it");
    }
    try (Stream<Path> paths = Files.walk(absolute)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> {
        try {
          Files.delete(path);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot delete " + path, e);
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + absolute, e);
    }
  }

  /** Mount points at or below {@code root}, deepest first. */
  private static List<Path> mountPointsBelow(Path root) {
    if (!Files.isReadable(MOUNTS)) {
      return List.of();
    }
    try {
      return Files.readAllLines(MOUNTS).stream()
          .map(line -> line.split(" "))
          .filter(fields -> fields.length > 1)
          .map(fields -> Path.of(unescape(fields[1])))
          .filter(mountPoint -> mountPoint.startsWith(root))
          .sorted(Comparator.comparingInt(Path::getNameCount).reversed())
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + MOUNTS, e);
    }
  }

  /** /proc/self/mounts writes space, tab, newline and backslash as octal escapes. */
  private static String unescape(String field) {
    return field.replace("\\040", " ").replace("\\011", "\t").replace("\\012", "\n").replace("\\134", "\\");
  }
}
