package dev.dockfit.testenv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * A thin wrapper around buildah for tests: chroot isolation, host network and one storage root shared by all test
 * runs under {@link TestCache} (never the user's own storage), so base images and {@code --layers} build steps are
 * reused between runs. The storage driver is chosen once per JVM: kernel overlay, else overlay through
 * fuse-overlayfs, else vfs (slow but works everywhere); each driver has its own root because containers/storage
 * refuses to reopen a root with another driver.
 */
public final class Buildah {
  static final Duration BUILD_TIMEOUT = Duration.ofMinutes(20);
  static final Duration PUSH_TIMEOUT = Duration.ofMinutes(5);
  static final Duration QUICK_TIMEOUT = Duration.ofMinutes(2);

  private static Buildah shared;

  private final String driver;
  private final Path storageRoot;
  private final List<String> globalArgs;

  private Buildah(String driver, Path home, List<String> storageOptions) {
    this.driver = driver;
    this.storageRoot = home.resolve("storage");
    List<String> args = new ArrayList<>(List.of(Tools.path("buildah"),
        "--root", storageRoot.toString(), "--runroot", home.resolve("runroot").toString(),
        "--storage-driver", driver.startsWith("overlay") ? "overlay" : driver));
    for (String option : storageOptions) {
      args.add("--storage-opt");
      args.add(option);
    }
    this.globalArgs = List.copyOf(args);
  }

  /**
   * The instance every test shares; picks the storage driver on first use. Skips the calling test (loudly) when
   * buildah is missing or the JVM does not run as root.
   */
  public static synchronized Buildah shared() {
    Tools.assumeTools("buildah");
    Tools.assumeRoot();
    if (shared == null) {
      shared = detect();
    }
    return shared;
  }

  private static Buildah detect() {
    List<Buildah> candidates = new ArrayList<>();
    candidates.add(new Buildah("overlay", TestCache.root().resolve("containers/overlay"), List.of()));
    Tools.find("fuse-overlayfs").ifPresent(program -> candidates.add(new Buildah("overlay+fuse-overlayfs",
        TestCache.root().resolve("containers/fuse-overlayfs"), List.of("overlay.mount_program=" + program))));
    StringBuilder failures = new StringBuilder();
    for (Buildah candidate : candidates) {
      try {
        candidate.probeMount();
        return candidate;
      } catch (CommandFailedException e) {
        failures.append(candidate.driver).append(": ").append(e.getMessage()).append('\n');
      }
    }
    System.err.println("dockfit testenv: overlay mounts fail here, buildah falls back to the (much slower) vfs driver:\n"
        + failures);
    return new Buildah("vfs", TestCache.root().resolve("containers/vfs"), List.of());
  }

  /** Mounts an empty working container: the cheapest operation that fails when the driver cannot mount. */
  private void probeMount() {
    String container = run(QUICK_TIMEOUT, "from", "--pull-never", "scratch").strip();
    try {
      run(QUICK_TIMEOUT, "mount", container);
      run(QUICK_TIMEOUT, "umount", container);
    } finally {
      run(QUICK_TIMEOUT, "rm", container);
    }
  }

  /** "overlay", "overlay+fuse-overlayfs" or "vfs". */
  public String storageDriver() {
    return driver;
  }

  /** Where this driver's images and layers live (inside {@link TestCache#root()}). */
  public Path storageRoot() {
    return storageRoot;
  }

  /**
   * Builds {@code context/Dockerfile} with {@code --layers} and tags the result {@code tag}; returns the image ID.
   * {@code extraArgs} go to {@code buildah build} before the context (e.g. "--build-arg", "X=1").
   */
  public String build(Path context, String tag, String... extraArgs) {
    return build(context, context.resolve("Dockerfile"), tag, extraArgs);
  }

  /** As {@link #build(Path, String, String...)} with a Dockerfile that may live elsewhere. */
  public String build(Path context, Path dockerfile, String tag, String... extraArgs) {
    Path idFile = null;
    try {
      idFile = Files.createTempFile("dockfit-iid-", ".txt");
      List<String> args = new ArrayList<>(List.of("build", "--isolation", "chroot", "--network", "host", "--layers",
          "--pull-never", "--iidfile", idFile.toString(), "-f", dockerfile.toString(), "-t", tag));
      args.addAll(Arrays.asList(extraArgs));
      args.add(context.toString());
      run(BUILD_TIMEOUT, args.toArray(String[]::new));
      return Files.readString(idFile).strip().replaceFirst("^sha256:", "");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (idFile != null) {
        idFile.toFile().delete();
      }
    }
  }

  /** Writes {@code image} as a {@code docker save} tarball (RepoTags: the image name); replaces an existing file. */
  public Path pushDockerArchive(String image, Path file) {
    deleteIfExists(file);
    push(image, "docker-archive:" + file);
    return file;
  }

  /** Writes {@code image} into the OCI image layout directory {@code dir} (created or added to). */
  public Path pushOciDir(String image, Path dir) {
    push(image, "oci:" + dir);
    return dir;
  }

  /** Writes {@code image} into {@code dir} under the reference name {@code refName} (index annotation). */
  public Path pushOciDir(String image, Path dir, String refName) {
    push(image, "oci:" + dir + ":" + refName);
    return dir;
  }

  /** Writes {@code image} as an OCI layout tarball; replaces an existing file. */
  public Path pushOciArchive(String image, Path file) {
    deleteIfExists(file);
    push(image, "oci-archive:" + file);
    return file;
  }

  /**
   * Pushes {@code image} to {@code registry} as {@code repositoryAndTag} (e.g. "team/app:1") over plain HTTP, with
   * the registry's credentials when it has any; returns the full reference "127.0.0.1:PORT/team/app:1".
   */
  public String pushToRegistry(String image, LocalRegistry registry, String repositoryAndTag, String... extraArgs) {
    String reference = registry.hostAndPort() + "/" + repositoryAndTag;
    List<String> args = new ArrayList<>(List.of("--tls-verify=false"));
    registry.credentials().ifPresent(credentials -> args.addAll(List.of("--creds", credentials.userColonPassword())));
    args.addAll(Arrays.asList(extraArgs));
    push(image, "docker://" + reference, args.toArray(String[]::new));
    return reference;
  }

  /** {@code buildah push [extraArgs] image destination} for any containers-transports destination. */
  public void push(String image, String destination, String... extraArgs) {
    List<String> args = new ArrayList<>(List.of("push", "--quiet"));
    args.addAll(Arrays.asList(extraArgs));
    args.add(image);
    args.add(destination);
    run(PUSH_TIMEOUT, args.toArray(String[]::new));
  }

  /** Whether the local store holds an image by this name or ID. */
  public boolean exists(String image) {
    try {
      run(QUICK_TIMEOUT, "inspect", "--type", "image", "--format", "{{.FromImageID}}", image);
      return true;
    } catch (CommandFailedException e) {
      return false;
    }
  }

  /** The image's full ID (hex, no "sha256:"). */
  public String imageId(String image) {
    return inspect(image, "{{.FromImageID}}").strip();
  }

  /** {@code buildah inspect --type image} as JSON text. */
  public String inspect(String image) {
    return run(QUICK_TIMEOUT, "inspect", "--type", "image", image);
  }

  /** {@code buildah inspect --type image --format goTemplate}, e.g. "{{.OCIv1.Config.User}}". */
  public String inspect(String image, String goTemplate) {
    return run(QUICK_TIMEOUT, "inspect", "--type", "image", "--format", goTemplate, image);
  }

  /** Removes the image (by name: untags it; the layers go once no other name uses them). */
  public void rmi(String image) {
    run(QUICK_TIMEOUT, "rmi", image);
  }

  /** Runs {@code command} in a throw-away container of {@code image} and returns its stdout. */
  public String runIn(String image, String... command) {
    String container = run(QUICK_TIMEOUT, "from", "--pull-never", "--quiet", image).strip();
    try {
      List<String> args = new ArrayList<>(List.of("run", "--isolation", "chroot", "--network", "host", container, "--"));
      args.addAll(Arrays.asList(command));
      return run(BUILD_TIMEOUT, args.toArray(String[]::new));
    } finally {
      run(QUICK_TIMEOUT, "rm", container);
    }
  }

  /**
   * Mounts a throw-away container of {@code image} and hands its root filesystem (the merged view of all layers) to
   * {@code reader}; cheaper than {@link #runIn} when a test only reads files.
   */
  public <T> T withRootfs(String image, Function<Path, T> reader) {
    String container = run(QUICK_TIMEOUT, "from", "--pull-never", "--quiet", image).strip();
    try {
      return reader.apply(Path.of(run(QUICK_TIMEOUT, "mount", container).strip()));
    } finally {
      run(QUICK_TIMEOUT, "rm", container); // unmounts too
    }
  }

  /** Runs buildah with this instance's storage options and {@code args}; returns stdout. */
  public String run(Duration timeout, String... args) {
    List<String> command = new ArrayList<>(globalArgs);
    command.addAll(Arrays.asList(args));
    return Command.run(command, timeout).stdout();
  }

  private static void deleteIfExists(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
