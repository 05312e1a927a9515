package dev.dockfit.testenv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

/**
 * The cache shared by every test run on this machine: {@code $DOCKFIT_TEST_CACHE}, else
 * {@code ~/.cache/dockfit-test}. It lives outside the clone so {@code mvn clean} and new worktrees keep it.
 * Several Maven builds may run at once, so everything that fills the cache does so under a named lock.
 */
public final class TestCache {
  private static final ConcurrentMap<String, Object> JVM_LOCKS = new ConcurrentHashMap<>();

  private TestCache() {}

  public static Path root() {
    String override = System.getenv("DOCKFIT_TEST_CACHE");
    Path root = override != null && !override.isBlank()
        ? Path.of(override)
        : Path.of(System.getProperty("user.home"), ".cache", "dockfit-test");
    return root.toAbsolutePath();
  }

  /** A directory under the cache root, created when missing. */
  public static Path dir(String first, String... more) {
    Path dir = root().resolve(Path.of(first, more));
    try {
      return Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create test cache directory " + dir, e);
    }
  }

  /**
   * Runs {@code action} while holding the lock {@code name}, exclusive across threads of this JVM and across
   * processes (a file lock under {@code <root>/locks}).
   */
  public static <T> T withLock(String name, Supplier<T> action) {
    synchronized (JVM_LOCKS.computeIfAbsent(name, key -> new Object())) {
      Path lockFile = dir("locks").resolve(name + ".lock");
      try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          FileLock ignored = channel.lock()) {
        return action.get();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot lock " + lockFile, e);
      }
    }
  }
}
