package dev.dockfit.testenv;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * Availability checks for the external tools the real-component tests need. A missing tool skips the test with a
 * loud message (also printed to stderr, where Maven shows it) so {@code ./mvnw verify} passes on a fresh machine
 * while saying exactly what was not tested.
 */
public final class Tools {
  private static final String INSTALL_HINT =
      "install with: apt-get install -y buildah skopeo docker-registry debootstrap fuse-overlayfs apache2-utils"
          + " (see .ci/run)";

  private Tools() {}

  /** The executable named {@code tool} on PATH (or in /usr/sbin, /sbin for root-only tools), if any. */
  public static Optional<Path> find(String tool) {
    String path = System.getenv().getOrDefault("PATH", "") + File.pathSeparator + "/usr/sbin:/sbin";
    return Arrays.stream(path.split(File.pathSeparator))
        .filter(dir -> !dir.isEmpty())
        .map(dir -> Path.of(dir, tool))
        .filter(Files::isExecutable)
        .findFirst();
  }

  public static boolean available(String tool) {
    return find(tool).isPresent();
  }

  /** The path of {@code tool}; throws when it is missing (call {@link #assumeTools} first in tests). */
  public static String path(String tool) {
    return find(tool).map(Path::toString)
        .orElseThrow(() -> new IllegalStateException(tool + " is not installed; " + INSTALL_HINT));
  }

  /** Skips the calling test, loudly, unless every tool is installed. */
  public static void assumeTools(String... tools) {
    List<String> missing = Arrays.stream(tools).filter(tool -> !available(tool)).toList();
    assumeLoudly(missing.isEmpty(), "missing tool(s) " + missing + "; " + INSTALL_HINT);
  }

  /** Skips the calling test, loudly, unless it runs as root (debootstrap and chroot-isolated buildah need root). */
  public static void assumeRoot() {
    assumeLoudly(isRoot(), "not running as root; debootstrap and buildah --isolation chroot need root");
  }

  /** Skips, loudly, unless everything needed to build test images is here: root, buildah and debootstrap. */
  public static void assumeImageBuilds() {
    assumeTools("buildah", "debootstrap");
    assumeRoot();
  }

  static boolean isRoot() {
    try {
      return Files.readAllLines(Path.of("/proc/self/status")).stream()
          .filter(line -> line.startsWith("Uid:"))
          .anyMatch(line -> line.split("\\s+")[1].equals("0"));
    } catch (IOException e) {
      return false;
    }
  }

  private static void assumeLoudly(boolean condition, String why) {
    if (!condition) {
      String message = "SKIPPED REAL-COMPONENT TEST: " + why;
      System.err.println("!!!!! " + message + " !!!!!");
      Assumptions.assumeTrue(false, message);
    }
  }
}
