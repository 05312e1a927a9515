package dev.dockfit.testenv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Debian bookworm base images for tests, made locally (no registry pull): debootstrap --variant=minbase, plus
 * ca-certificates and this host's local CAs (HTTPS from builds may pass a proxy whose CA only the host knows) and
 * the host's apt proxy settings, so apt inside builds reaches the archive the way the host does. The root
 * filesystem tarball is cached under {@code <cache>/rootfs} and imported into the shared buildah store; both are
 * keyed by {@link #RECIPE_VERSION} and a hash of the CAs and proxy settings, so a changed recipe or a new proxy CA
 * builds a fresh base instead of reusing a stale one. Every method skips the calling test (loudly) when image
 * builds are impossible here (no root, buildah or debootstrap).
 */
public final class DebianBase {
  /** Bump when the way the root filesystem is made changes. */
  static final String RECIPE_VERSION = "1";
  static final String SUITE = "bookworm";
  static final String MIRROR = "http://deb.debian.org/debian";
  static final String SECURITY_MIRROR = "http://deb.debian.org/debian-security";
  static final Path LOCAL_CA_DIR = Path.of("/usr/local/share/ca-certificates");
  static final Path APT_CONF_DIR = Path.of("/etc/apt/apt.conf.d");

  private static final Duration DEBOOTSTRAP_TIMEOUT = Duration.ofMinutes(20);
  private static final Pattern PROXY_SETTING = Pattern.compile("(?i)Acquire::[a-z]+::Proxy");
  private static final Pattern PACKAGE = Pattern.compile("[a-z0-9][a-z0-9+.-]*(=[A-Za-z0-9.+:~-]+)?");
  private static final String CHROOT_PATH = "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

  private static volatile String minbase;

  private DebianBase() {}

  /**
   * {@code localhost/dockfit-test/debian:bookworm-minbase-KEY}: debootstrap minbase plus CA certificates, one layer.
   * Made on first use (~1 min), then reused from the cache.
   */
  public static String minbase() {
    Buildah buildah = Buildah.shared();
    String cached = minbase;
    if (cached != null) {
      return cached;
    }
    String key = minbaseKey();
    String reference = "localhost/dockfit-test/debian:" + SUITE + "-minbase-" + key;
    TestCache.withLock("debian-minbase", () -> {
      if (!buildah.exists(reference)) {
        Path tarball = TestCache.dir("rootfs").resolve(SUITE + "-minbase-" + key + ".tar");
        if (!Files.exists(tarball)) {
          Tools.assumeTools("debootstrap");
          makeRootfsTarball(tarball);
        }
        importTarball(buildah, tarball, reference);
      }
      return reference;
    });
    minbase = reference;
    return reference;
  }

  /**
   * Like the official {@code debian:bookworm}: minbase with the apt settings that official image carries (no
   * cached .debs, no translations), squashed into one layer.
   */
  public static String bookworm() {
    return TestImages.ensureImage("debian", ImageRecipe.of("FROM " + minbase() + "\n"
            + "COPY apt.conf.d/ /etc/apt/apt.conf.d/\n")
        .withFile("apt.conf.d/docker-clean", "// No .deb files or package caches left behind in image layers.\n"
            + "DPkg::Post-Invoke { \"rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb"
            + " /var/cache/apt/*.bin || true\"; };\n"
            + "APT::Update::Post-Invoke { \"rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb"
            + " /var/cache/apt/*.bin || true\"; };\n"
            + "Dir::Cache::pkgcache \"\";\nDir::Cache::srcpkgcache \"\";\n")
        .withFile("apt.conf.d/docker-no-languages", "Acquire::Languages \"none\";\n")
        .withBuildOptions("--squash"));
  }

  /**
   * Like the official {@code debian:bookworm-slim}: {@link #bookworm()} without documentation (copyright files
   * stay), man pages, info and locales, and dpkg told to skip them in later installs; squashed into one layer.
   */
  public static String slim() {
    return TestImages.ensureImage("debian-slim", ImageRecipe.of("FROM " + bookworm() + "\n"
            + "COPY slim /etc/dpkg/dpkg.cfg.d/slim\n"
            + "RUN find /usr/share/doc -mindepth 1 ! -type d ! -name copyright -delete"
            + " && find /usr/share/doc -mindepth 1 -type d -empty -delete"
            + " && rm -rf /usr/share/man/* /usr/share/info/* /usr/share/groff/* /usr/share/lintian/*"
            + " && find /usr/share/locale -mindepth 1 -maxdepth 1 ! -name locale.alias -exec rm -rf {} +\n")
        .withFile("slim", "path-exclude /usr/share/doc/*\npath-include /usr/share/doc/*/copyright\n"
            + "path-exclude /usr/share/man/*\npath-exclude /usr/share/info/*\npath-exclude /usr/share/groff/*\n"
            + "path-exclude /usr/share/lintian/*\npath-exclude /usr/share/locale/*\n"
            + "path-include /usr/share/locale/locale.alias\n")
        .withBuildOptions("--squash"));
  }

  /**
   * {@link #bookworm()} plus one layer installing {@code packages} from Debian's archive with
   * {@code --no-install-recommends} (e.g. "nodejs", "python3", "golang-go", "openjdk-17-jre-headless"; "name=version"
   * pins a version). Built on first use, then reused.
   */
  public static String withPackages(String... packages) {
    if (packages.length == 0) {
      throw new IllegalArgumentException("name at least one package");
    }
    for (String name : packages) {
      if (!PACKAGE.matcher(name).matches()) {
        throw new IllegalArgumentException("not a Debian package name: " + name);
      }
    }
    String list = String.join(" ", packages);
    String imageName = ("bookworm-with-" + Arrays.stream(packages).map(p -> p.replaceAll("[^a-z0-9.-]", "-"))
        .collect(Collectors.joining("-"))).replaceAll("[-.]{2,}", "-").replaceAll("[-.]$", "");
    if (imageName.length() > 60) {
      imageName = imageName.substring(0, 60).replaceAll("[-.]+$", "");
    }
    return TestImages.ensureImage(imageName, ImageRecipe.of("FROM " + bookworm() + "\n"
        + "RUN apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends " + list
        + " && rm -rf /var/lib/apt/lists/*\n"));
  }

  /** Recipe version plus a hash of what the host contributes (local CAs, apt proxy settings). */
  static String minbaseKey() {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update((SUITE + "\0" + MIRROR + "\0" + SECURITY_MIRROR + "\0").getBytes(StandardCharsets.UTF_8));
      for (Map.Entry<String, byte[]> file : hostFiles().entrySet()) {
        digest.update((file.getKey() + "\0").getBytes(StandardCharsets.UTF_8));
        digest.update(file.getValue());
      }
      return "v" + RECIPE_VERSION + "-" + HexFormat.of().formatHex(digest.digest()).substring(0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Files copied from the host into the root filesystem, by target path: local CA certificates and the apt.conf.d
   * files that set a proxy.
   */
  static Map<String, byte[]> hostFiles() {
    Map<String, byte[]> files = new TreeMap<>();
    try {
      if (Files.isDirectory(LOCAL_CA_DIR)) {
        try (Stream<Path> paths = Files.walk(LOCAL_CA_DIR)) {
          for (Path path : paths.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".crt")).toList()) {
            files.put(LOCAL_CA_DIR.resolve(LOCAL_CA_DIR.relativize(path)).toString(), Files.readAllBytes(path));
          }
        }
      }
      if (Files.isDirectory(APT_CONF_DIR)) {
        try (Stream<Path> paths = Files.list(APT_CONF_DIR)) {
          for (Path path : paths.filter(Files::isRegularFile).toList()) {
            byte[] content = Files.readAllBytes(path);
            if (PROXY_SETTING.matcher(new String(content, StandardCharsets.UTF_8)).find()) {
              files.put(path.toString(), content);
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the host's CA certificates or apt settings", e);
    }
    return files;
  }

  /** Called under the minbase lock, so any other work tree or partial tarball is a crashed run's leftover. */
  private static void makeRootfsTarball(Path tarball) {
    deleteLeftovers(TestCache.dir("work"), "rootfs-");
    deleteLeftovers(tarball.getParent(), tarball.getFileName() + ".partial-");
    Path work = TestCache.dir("work").resolve("rootfs-" + UUID.randomUUID());
    Path partial = tarball.resolveSibling(tarball.getFileName() + ".partial-" + UUID.randomUUID());
    try {
      Command.run(List.of(Tools.path("debootstrap"), "--variant=minbase", "--include=ca-certificates",
          SUITE, work.toString(), MIRROR), DEBOOTSTRAP_TIMEOUT);
      for (Map.Entry<String, byte[]> file : hostFiles().entrySet()) {
        Path target = work.resolve(file.getKey().substring(1));
        Files.createDirectories(target.getParent());
        Files.write(target, file.getValue());
      }
      chroot(work, "update-ca-certificates");
      configureApt(work);
      clean(work);
      Command.run(List.of("tar", "--numeric-owner", "-C", work.toString(),
          "--exclude=./dev/*", "--exclude=./proc/*", "--exclude=./sys/*", "-cf", partial.toString(), "."),
          Duration.ofMinutes(5));
      Files.move(partial, tarball);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot make the Debian root filesystem in " + work, e);
    } finally {
      FileTrees.delete(work);
      FileTrees.delete(partial);
    }
  }

  private static void deleteLeftovers(Path dir, String prefix) {
    try (Stream<Path> paths = Files.list(dir)) {
      paths.filter(path -> path.getFileName().toString().startsWith(prefix)).forEach(FileTrees::delete);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }

  private static void chroot(Path root, String... command) {
    List<String> args = new java.util.ArrayList<>(List.of("chroot", root.toString(), "/usr/bin/env", CHROOT_PATH));
    args.addAll(Arrays.asList(command));
    Command.run(args, Duration.ofMinutes(5));
  }

  /** The archive and security sources the official image uses, in deb822 form. */
  private static void configureApt(Path root) throws IOException {
    Files.deleteIfExists(root.resolve("etc/apt/sources.list"));
    Path sources = root.resolve("etc/apt/sources.list.d/debian.sources");
    Files.createDirectories(sources.getParent());
    Files.writeString(sources, "Types: deb\nURIs: " + MIRROR + "\nSuites: " + SUITE + " " + SUITE + "-updates\n"
        + "Components: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n\n"
        + "Types: deb\nURIs: " + SECURITY_MIRROR + "\nSuites: " + SUITE + "-security\n"
        + "Components: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n");
  }

  /** Drops downloaded .debs, package lists, the bootstrap log and host details debootstrap copied in. */
  private static void clean(Path root) throws IOException {
    for (String dir : List.of("var/cache/apt/archives", "var/cache/apt", "var/lib/apt/lists")) {
      try (Stream<Path> paths = Files.list(root.resolve(dir))) {
        for (Path path : paths.filter(Files::isRegularFile).toList()) {
          if (!path.getFileName().toString().equals("lock")) {
            Files.delete(path);
          }
        }
      }
    }
    Files.deleteIfExists(root.resolve("var/log/bootstrap.log"));
    Files.deleteIfExists(root.resolve("etc/resolv.conf"));
    Files.writeString(root.resolve("etc/hostname"), "localhost\n");
  }

  private static void importTarball(Buildah buildah, Path tarball, String reference) {
    String container = buildah.run(Buildah.QUICK_TIMEOUT, "from", "--pull-never", "--quiet", "scratch").strip();
    try {
      buildah.run(Buildah.BUILD_TIMEOUT, "add", "--quiet", container, tarball.toString(), "/");
      buildah.run(Buildah.QUICK_TIMEOUT, "config", "--env", CHROOT_PATH, "--cmd", "[\"bash\"]",
          "--label", "dev.dockfit.test.recipe=" + reference, container);
      buildah.run(Buildah.BUILD_TIMEOUT, "commit", "--quiet", "--rm", container, reference);
    } catch (RuntimeException e) {
      try {
        buildah.run(Buildah.QUICK_TIMEOUT, "rm", container);
      } catch (CommandFailedException ignored) {
        // committed with --rm before failing, or already gone
      }
      throw e;
    }
  }
}
