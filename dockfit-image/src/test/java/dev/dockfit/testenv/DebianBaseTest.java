package dev.dockfit.testenv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The derived Debian images later tests build on; each is built once and then comes from the cache. */
class DebianBaseTest {
  /** What slimming removes and keeps, read from a mounted image. */
  private record DocFiles(long removable, long copyrights, long usrBytes) {}

  @Test
  void bookwormIsOneLayerWithTheOfficialImagesAptSettings() {
    String bookworm = DebianBase.bookworm();
    Buildah buildah = Buildah.shared();

    assertThat(buildah.inspect(bookworm, "{{len .OCIv1.RootFS.DiffIDs}}").strip()).isEqualTo("1");
    String languages = buildah.withRootfs(bookworm,
        rootfs -> read(rootfs.resolve("etc/apt/apt.conf.d/docker-no-languages")));
    assertThat(languages).contains("Acquire::Languages \"none\";");
  }

  @Test
  void slimDropsDocumentationButKeepsCopyrightFiles() {
    Buildah buildah = Buildah.shared();
    String slim = DebianBase.slim();

    DocFiles full = buildah.withRootfs(DebianBase.bookworm(), DebianBaseTest::docFiles);
    DocFiles slimmed = buildah.withRootfs(slim, DebianBaseTest::docFiles);

    assertThat(full.removable()).isPositive();
    assertThat(slimmed.removable()).isZero();
    assertThat(slimmed.copyrights()).isPositive();
    assertThat(slimmed.usrBytes()).isLessThan(full.usrBytes());
    assertThat(buildah.inspect(slim, "{{len .OCIv1.RootFS.DiffIDs}}").strip()).isEqualTo("1");
  }

  @Test
  void packagesComeFromDebiansArchiveInsideTheBuild() {
    String image = DebianBase.withPackages("hello");

    assertThat(image).startsWith("localhost/dockfit-test/bookworm-with-hello:");
    assertThat(Buildah.shared().runIn(image, "hello")).isEqualTo("Hello, world!\n");
    String[] lists = Buildah.shared().withRootfs(image, rootfs -> rootfs.resolve("var/lib/apt/lists").toFile().list());
    assertThat(lists).noneMatch(name -> name.endsWith("Packages") || name.endsWith("Packages.lz4"));
  }

  @Test
  void httpsFromInsideABuildTrustsTheHostsLocalCertificates() {
    String image = TestImages.ensureImage("testenv-https", ImageRecipe.of("FROM " + DebianBase.minbase() + "\n"
        + "RUN sed -i 's|http://deb.debian.org|https://deb.debian.org|' /etc/apt/sources.list.d/debian.sources"
        + " && apt-get update && grep -l https /etc/apt/sources.list.d/debian.sources > /fetched-over"
        + " && rm -rf /var/lib/apt/lists/*\n"));

    String fetchedOver = Buildah.shared().withRootfs(image, rootfs -> read(rootfs.resolve("fetched-over")));
    assertThat(fetchedOver).contains("debian.sources");
  }

  @Test
  void packageNamesAreChecked() {
    assertThatThrownBy(() -> DebianBase.withPackages("nodejs; rm -rf /")).hasMessageContaining("not a Debian package");
    assertThatThrownBy(DebianBase::withPackages).hasMessageContaining("at least one");
  }

  private static DocFiles docFiles(Path rootfs) {
    try (Stream<Path> docs = Stream.of("usr/share/man", "usr/share/locale", "usr/share/doc")
            .map(rootfs::resolve).filter(Files::isDirectory).flatMap(DebianBaseTest::walk);
        Stream<Path> usr = walk(rootfs.resolve("usr"))) {
      long removable = 0;
      long copyrights = 0;
      for (Path file : docs.filter(Files::isRegularFile).toList()) {
        String name = file.getFileName().toString();
        if (name.equals("copyright")) {
          copyrights++;
        } else if (!name.equals("locale.alias")) {
          removable++;
        }
      }
      long bytes = usr.filter(path -> Files.isRegularFile(path, java.nio.file.LinkOption.NOFOLLOW_LINKS))
          .mapToLong(path -> path.toFile().length()).sum();
      return new DocFiles(removable, copyrights, bytes);
    }
  }

  private static Stream<Path> walk(Path dir) {
    try {
      return Files.walk(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
