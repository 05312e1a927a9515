package dev.dockfit.testenv;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * skopeo, to read images back the way an independent client sees them (any containers-transports reference:
 * {@code docker-archive:F}, {@code oci:DIR}, {@code oci-archive:F}, {@code docker://HOST/REPO:TAG}).
 */
public final class Skopeo {
  private static final Duration TIMEOUT = Duration.ofMinutes(2);

  private Skopeo() {}

  /** Skips the calling test, loudly, when skopeo is missing. */
  public static void assumeAvailable() {
    Tools.assumeTools("skopeo");
  }

  /** {@code skopeo inspect [options] reference}: JSON, or the {@code --format} output when options carry one. */
  public static String inspect(String reference, String... options) {
    return skopeo("inspect", reference, options);
  }

  /** {@code skopeo inspect --config [options] reference}: the image configuration. */
  public static String inspectConfig(String reference, String... options) {
    List<String> all = new ArrayList<>(List.of("--config"));
    all.addAll(Arrays.asList(options));
    return skopeo("inspect", reference, all.toArray(String[]::new));
  }

  /** {@code skopeo inspect --raw}: the manifest (or index) exactly as stored. */
  public static String rawManifest(String reference, String... options) {
    List<String> all = new ArrayList<>(List.of("--raw"));
    all.addAll(Arrays.asList(options));
    return skopeo("inspect", reference, all.toArray(String[]::new));
  }

  /**
   * Options to reach {@code registry} over plain HTTP with its credentials, if any: {@code --tls-verify=false
   * [--creds user:password]}.
   */
  public static String[] registryOptions(LocalRegistry registry) {
    List<String> options = new ArrayList<>(List.of("--tls-verify=false"));
    registry.credentials().ifPresent(credentials -> options.addAll(List.of("--creds", credentials.userColonPassword())));
    return options.toArray(String[]::new);
  }

  /** {@code skopeo copy [options] source destination}, e.g. to turn one archive form into another. */
  public static void copy(String source, String destination, String... options) {
    List<String> command = new ArrayList<>(List.of(Tools.path("skopeo"), "copy", "--quiet"));
    command.addAll(Arrays.asList(options));
    command.add(source);
    command.add(destination);
    Command.run(command, Duration.ofMinutes(5));
  }

  /**
   * Copies {@code source} (e.g. a cached {@code oci:DIR:TAG}) into {@code registry} as {@code repositoryAndTag}
   * with its credentials, over plain HTTP; returns "127.0.0.1:PORT/repo:tag". Already-compressed layers are sent
   * as they are, so this is much faster than a buildah push, which compresses every layer again.
   */
  public static String copyToRegistry(String source, LocalRegistry registry, String repositoryAndTag,
      String... options) {
    String reference = registry.hostAndPort() + "/" + repositoryAndTag;
    List<String> all = new ArrayList<>(List.of("--dest-tls-verify=false"));
    registry.credentials().ifPresent(credentials -> all.addAll(List.of("--dest-creds", credentials.userColonPassword())));
    all.addAll(Arrays.asList(options));
    copy(source, "docker://" + reference, all.toArray(String[]::new));
    return reference;
  }

  private static String skopeo(String verb, String reference, String... options) {
    List<String> command = new ArrayList<>(List.of(Tools.path("skopeo"), verb));
    command.addAll(Arrays.asList(options));
    command.add(reference);
    return Command.run(command, TIMEOUT).stdout();
  }
}
