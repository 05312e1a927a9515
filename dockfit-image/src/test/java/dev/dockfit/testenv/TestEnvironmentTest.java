package dev.dockfit.testenv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end: an image really built by buildah FROM the debootstrapped base, written in every form dockfit reads
 * and read back by skopeo, an independent client.
 */
class TestEnvironmentTest {
  private static final String TINY = "localhost/dockfit-test/testenv-tiny:latest";
  private static final Credentials USER = new Credentials("dockfit", "not-a-secret");
  private static Buildah buildah;
  private static String diffIds;

  @BeforeAll
  static void buildTinyImage(@TempDir Path context) throws IOException {
    Skopeo.assumeAvailable();
    String base = DebianBase.minbase();
    buildah = Buildah.shared();
    Files.writeString(context.resolve("greeting.txt"), "hello from the context\n");
    Files.writeString(context.resolve("Dockerfile"), "FROM " + base + "\n"
        + "RUN echo hi > /x\n"
        + "RUN useradd --uid 1000 --create-home app\n"
        + "COPY --chown=app:app greeting.txt /home/app/greeting.txt\n"
        + "ENV GREETING=hello\n"
        + "LABEL org.opencontainers.image.title=tiny\n"
        + "USER app\n"
        + "WORKDIR /home/app\n");
    String id = buildah.build(context, TINY);
    assertThat(buildah.imageId(TINY)).isEqualTo(id);
    diffIds = buildah.inspect(TINY, "{{.OCIv1.RootFS.DiffIDs}}").strip();
  }

  @Test
  void baseIsOneLayerCarryingTheHostsLocalCertificatesAndDebianPackages() {
    String base = DebianBase.minbase();

    assertThat(buildah.inspect(base, "{{len .OCIv1.RootFS.DiffIDs}}").strip()).isEqualTo("1");
    buildah.withRootfs(base, rootfs -> {
      String bundle = read(rootfs.resolve("etc/ssl/certs/ca-certificates.crt")).replace("\n", "");
      DebianBase.hostFiles().forEach((path, content) -> {
        if (path.endsWith(".crt")) {
          assertThat(pemBodies(new String(content, StandardCharsets.US_ASCII)))
              .allSatisfy(body -> assertThat(bundle).as("%s in the image's CA bundle", path).contains(body));
        }
      });
      assertThat(read(rootfs.resolve("var/lib/dpkg/status")).lines().filter(line -> line.startsWith("Package: ")))
          .contains("Package: apt", "Package: base-files", "Package: ca-certificates", "Package: dpkg")
          .doesNotContain("Package: systemd", "Package: perl");
      assertThat(read(rootfs.resolve("etc/apt/sources.list.d/debian.sources")))
          .contains("Suites: bookworm bookworm-updates", "Suites: bookworm-security");
      assertThat(rootfs.resolve("var/cache/apt/archives").toFile().list()).containsOnly("partial");
      return null;
    });
  }

  @Test
  void dockerfileStepsAreInTheImage() {
    String x = buildah.withRootfs(TINY, rootfs -> read(rootfs.resolve("x")));
    assertThat(x).isEqualTo("hi\n");
    assertThat(buildah.runIn(TINY, "sh", "-c", "id -un; pwd; stat -c %U greeting.txt; echo $GREETING"))
        .isEqualTo("app\n/home/app\napp\nhello\n");
    assertThat(buildah.inspect(TINY, "{{.OCIv1.Config.User}}").strip()).isEqualTo("app");
    assertThat(diffIds.split(" ")).as("base + RUN + RUN + COPY").hasSize(4);
  }

  @Test
  void archiveFormsReadBackWithSkopeoAndAreCachedPerImageId() throws IOException {
    Path dockerArchive = TestImages.archive(TINY, ArchiveFormat.DOCKER_ARCHIVE);
    Path ociLayout = TestImages.archive(TINY, ArchiveFormat.OCI_LAYOUT);
    Path ociArchive = TestImages.archive(TINY, ArchiveFormat.OCI_ARCHIVE);

    for (String reference : new String[] {"docker-archive:" + dockerArchive, "oci:" + ociLayout + ":latest",
        "oci-archive:" + ociArchive}) {
      assertThat(Skopeo.inspectConfig(reference, "--format", "{{.Config.User}} {{.RootFS.DiffIDs}}").strip())
          .as(reference).isEqualTo("app " + diffIds);
    }
    assertThat(Skopeo.rawManifest("docker-archive:" + dockerArchive))
        .contains("application/vnd.docker.distribution.manifest.v2+json");
    assertThat(Skopeo.rawManifest("oci:" + ociLayout + ":latest"))
        .contains("application/vnd.oci.image.manifest.v1+json", "application/vnd.oci.image.layer.v1.tar+gzip");
    assertThat(dockerArchive).startsWith(TestCache.root().resolve("archives").resolve(buildah.imageId(TINY)));
    FileTime written = Files.getLastModifiedTime(dockerArchive);
    assertThat(TestImages.archive(TINY, ArchiveFormat.DOCKER_ARCHIVE)).isEqualTo(dockerArchive);
    assertThat(Files.getLastModifiedTime(dockerArchive)).isEqualTo(written);
  }

  @Test
  void dockerArchivePushReplacesAnExistingFile(@TempDir Path out) throws IOException {
    Path dockerArchive = Files.writeString(out.resolve("stale.tar"), "stale");

    buildah.pushDockerArchive(DebianBase.minbase(), dockerArchive);

    assertThat(Skopeo.inspect("docker-archive:" + dockerArchive, "--format", "{{len .Layers}}").strip()).isEqualTo("1");
    assertThat(Command.run(List.of("tar", "-xOf", dockerArchive.toString(), "manifest.json"), Duration.ofMinutes(1))
        .stdout()).contains("\"RepoTags\":[\"" + DebianBase.minbase() + "\"]");
  }

  @Test
  void basicAuthRegistryTakesThePushOnlyWithCredentials() {
    Tools.assumeTools("docker-registry", "htpasswd");
    try (LocalRegistry registry = LocalRegistry.startWithBasicAuth(USER)) {
      CommandFailedException anonymous = catchThrowableOfType(CommandFailedException.class, () ->
          buildah.push(TINY, "docker://" + registry.hostAndPort() + "/dockfit/tiny:1", "--tls-verify=false"));
      assertThat(anonymous.stderrTail()).containsIgnoringCase("unauthorized");

      String pushed = buildah.pushToRegistry(TINY, registry, "dockfit/tiny:1");

      assertThat(pushed).isEqualTo(registry.hostAndPort() + "/dockfit/tiny:1");
      assertThat(Skopeo.inspectConfig("docker://" + pushed, with(Skopeo.registryOptions(registry),
          "--format", "{{.Config.User}} {{.RootFS.DiffIDs}}")).strip()).isEqualTo("app " + diffIds);
      CommandFailedException unauthenticatedRead = catchThrowableOfType(CommandFailedException.class,
          () -> Skopeo.inspect("docker://" + pushed, "--tls-verify=false"));
      assertThat(unauthenticatedRead.stderrTail()).containsIgnoringCase("unauthorized");
    }
  }

  @Test
  void tokenAuthRegistryTakesACopyWithATokenScopedToTheRepository() {
    Tools.assumeTools("docker-registry");
    Path ociLayout = TestImages.archive(TINY, ArchiveFormat.OCI_LAYOUT);
    try (LocalRegistry registry = LocalRegistry.startWithTokenAuth(USER)) {
      String pushed = Skopeo.copyToRegistry("oci:" + ociLayout + ":latest", registry, "dockfit/tiny:2",
          "--format", "v2s2");
      String[] destination = Skopeo.registryOptions(registry);

      assertThat(Skopeo.rawManifest("docker://" + pushed, destination))
          .contains("application/vnd.docker.distribution.manifest.v2+json");
      assertThat(Skopeo.inspectConfig("docker://" + pushed, with(destination,
          "--format", "{{.Config.User}} {{.RootFS.DiffIDs}}")).strip()).isEqualTo("app " + diffIds);
      assertThat(registry.tokenServer().orElseThrow().issued())
          .flatExtracting(TokenServer.IssuedToken::scopes)
          .anySatisfy(scope -> assertThat(scope).startsWith("repository:dockfit/tiny:").contains("push"));
    }
  }

  @Test
  void ensureImageBuildsARecipeOnceAndANewRecipeAnew() {
    ImageRecipe recipe = ImageRecipe.of("FROM " + DebianBase.minbase() + "\nRUN date +%s%N > /built-at\n");

    String first = TestImages.ensureImage("testenv-recipe", recipe);
    String builtAt = buildah.withRootfs(first, rootfs -> read(rootfs.resolve("built-at")));
    String again = TestImages.ensureImage("testenv-recipe", recipe);

    assertThat(again).isEqualTo(first).isEqualTo("localhost/dockfit-test/testenv-recipe:" + recipe.key());
    String builtAtAgain = buildah.withRootfs(again, rootfs -> read(rootfs.resolve("built-at")));
    assertThat(builtAtAgain).isEqualTo(builtAt);
    assertThat(TestImages.ensureImage("testenv-recipe", recipe.withFile("unused", "changes the key")))
        .isNotEqualTo(first);
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The base64 of each certificate in a PEM file, without line breaks. */
  private static List<String> pemBodies(String pem) {
    Matcher matcher = Pattern.compile("-----BEGIN CERTIFICATE-----(.*?)-----END CERTIFICATE-----", Pattern.DOTALL)
        .matcher(pem);
    List<String> bodies = new ArrayList<>();
    while (matcher.find()) {
      bodies.add(matcher.group(1).replaceAll("\\s", ""));
    }
    return bodies;
  }

  private static String[] with(String[] options, String... more) {
    String[] all = Arrays.copyOf(options, options.length + more.length);
    System.arraycopy(more, 0, all, options.length, more.length);
    return all;
  }
}
