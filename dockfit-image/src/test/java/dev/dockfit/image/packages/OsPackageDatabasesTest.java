package dev.dockfit.image.packages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OsPackageDatabasesTest {

    private static final OsInfo BOOKWORM = new OsInfo("debian", "12", "bookworm", "Debian GNU/Linux 12 (bookworm)", "12 (bookworm)");

    @Test
    void dpkgStatusKeepsSourceNameAndVersion() {
        List<Package> pkgs = DpkgDatabase.parse(PkgDb.read("dpkg/google__osv-scalibr/status_valid"), "/var/lib/dpkg/status", BOOKWORM);
        assertThat(pkgs).hasSize(7);
        assertThat(pkgs).extracting(Package::name, Package::version, Package::sourceName, Package::sourceVersion).contains(
                tuple("attr", "1:2.5.1-4", "attr", "1:2.5.1-4"),
                tuple("libacl1", "2.3.1-3", "acl", "2.3.1-3"),
                tuple("util-linux-extra", "2.38.1-5+b1", "util-linux", "2.38.1-5"));
        Package attr = pkgs.stream().filter(p -> p.name().equals("attr")).findFirst().orElseThrow();
        assertThat(attr.path()).isEqualTo("var/lib/dpkg/status");
        assertThat(attr.type()).isEqualTo(PackageType.DEB);
        assertThat(attr.layerIndex()).isEqualTo(-1);
        assertThat(pkgs.stream().filter(p -> p.name().equals("util-linux-extra")).findFirst().orElseThrow().purl())
                .isEqualTo("pkg:deb/debian/util-linux-extra@2.38.1-5%2Bb1?arch=amd64&distro=debian-12&upstream=util-linux%402.38.1-5");
    }

    @Test
    void dpkgSkipsPackagesThatAreNotInstalled() {
        List<Package> pkgs = DpkgDatabase.parse(PkgDb.read("dpkg/google__osv-scalibr/status_statusfield"), "var/lib/dpkg/status", BOOKWORM);
        assertThat(pkgs).extracting(Package::name)
                .containsExactly("wantinstall_installed", "wantdeinstall_installed", "wantpurge_installed", "wantnostatus");
    }

    @Test
    void dpkgEdgeCasesAndARealUbuntuStatus() {
        assertThat(DpkgDatabase.parse(PkgDb.read("dpkg/google__osv-scalibr/status_empty"), "var/lib/dpkg/status", BOOKWORM)).isEmpty();
        assertThat(DpkgDatabase.parse(PkgDb.read("dpkg/google__osv-scalibr/status_noversion"), "var/lib/dpkg/status", BOOKWORM))
                .allMatch(p -> !p.version().isEmpty());
        assertThat(DpkgDatabase.parse(PkgDb.read("dpkg/google__osv-scalibr/status_invalid"), "var/lib/dpkg/status", BOOKWORM)).isEmpty();
        assertThat(DpkgDatabase.parse(PkgDb.read("dpkg/google__osv-scalibr/status_trailingnewlines"), "var/lib/dpkg/status", BOOKWORM))
                .isNotEmpty();
        OsInfo bionic = new OsInfo("ubuntu", "18.04", "bionic", "Ubuntu 18.04.3 LTS", "18.04.3 LTS (Bionic Beaver)");
        List<Package> ubuntu = DpkgDatabase.parse(PkgDb.txtar("dpkg/aquasecurity__trivy/valid.txtar", "var/lib/dpkg/status"),
                "var/lib/dpkg/status", bionic);
        assertThat(ubuntu).hasSize(90);
        assertThat(ubuntu).extracting(Package::name).contains("libc6", "fdisk", "perl-base");
        assertThat(ubuntu.get(0).purl()).startsWith("pkg:deb/ubuntu/").contains("distro=ubuntu-18.04");
        assertThat(bionic.osvEcosystem()).contains("Ubuntu:18.04:LTS");
    }

    @Test
    void distrolessStatusDirectory() {
        assertThat(DpkgDatabase.isDatabase("var/lib/dpkg/status.d/foo")).isTrue();
        assertThat(DpkgDatabase.isDatabase("var/lib/dpkg/status.d/foo.md5sums")).isFalse();
        assertThat(DpkgDatabase.isDatabase("var/lib/dpkg/status-old")).isFalse();
        List<Package> foo = DpkgDatabase.parse(PkgDb.read("dpkg/google__osv-scalibr/status.d/foo"), "var/lib/dpkg/status.d/foo", BOOKWORM);
        assertThat(foo).extracting(Package::name, Package::version).containsExactly(tuple("foo", "1.2.3"));
        List<Package> sqlite = DpkgDatabase.parse(PkgDb.read("dpkg/anchore__syft/distroless_status.d_libsqlite3-0"),
                "var/lib/dpkg/status.d/libsqlite3-0", BOOKWORM);
        assertThat(sqlite).singleElement().satisfies(p -> {
            assertThat(p.name()).isEqualTo("libsqlite3-0");
            assertThat(p.sourceName()).isEqualTo("sqlite3");
        });
        assertThat(DpkgDatabase.parse(PkgDb.read("dpkg/anchore__syft/status.d_deinstall"), "var/lib/dpkg/status.d/x", BOOKWORM))
                .extracting(Package::name).doesNotContain("linux-image-6.8.0-1029-aws");
    }

    @Test
    void apkKeepsOrigin() {
        OsInfo alpine = OsDetector.detect(path -> path.equals("etc/os-release")
                ? Optional.of(PkgDb.read("apk/from-image_alpine-310/os-release")) : Optional.empty());
        assertThat(alpine.osvEcosystem()).contains("Alpine:v3.10");
        List<Package> pkgs = ApkDatabase.parse(PkgDb.read("apk/from-image_alpine-310/installed"), "lib/apk/db/installed", alpine);
        assertThat(pkgs).hasSize(14);
        assertThat(pkgs).extracting(Package::name, Package::version, Package::sourceName).contains(
                tuple("musl", "1.1.22-r3", "musl"), tuple("libcrypto1.1", "1.1.1d-r2", "openssl"), tuple("scanelf", "1.2.3-r0", "pax-utils"));
        assertThat(pkgs.get(0).purl()).isEqualTo("pkg:apk/alpine/musl@1.1.22-r3?arch=x86_64&distro=alpine-3.10.4");
        List<Package> noOrigin = ApkDatabase.parse(PkgDb.read("apk/google__osv-scalibr/installed_no-origin"), "lib/apk/db/installed", alpine);
        assertThat(noOrigin).extracting(Package::name, Package::sourceName).containsExactly(tuple("pkgname", "pkgname"));
        assertThat(ApkDatabase.parse(PkgDb.read("apk/google__osv-scalibr/installed_empty"), "lib/apk/db/installed", alpine)).isEmpty();
        assertThat(ApkDatabase.parse(PkgDb.read("apk/anchore__syft/installed_multiple-2"), "lib/apk/db/installed", alpine)).hasSize(14);
    }

    @Test
    void osDetectionFallbacks() {
        byte[] distroless = "ID=debian\nVERSION_ID=\"12\"\nPRETTY_NAME=\"Distroless\"\n".getBytes(StandardCharsets.UTF_8);
        Map<String, byte[]> viaUsrLib = Map.of("usr/lib/os-release", distroless);
        assertThat(OsDetector.detect(p -> Optional.ofNullable(viaUsrLib.get(p))).osvEcosystem()).contains("Debian:12");
        Map<String, byte[]> onlyDebianVersion = Map.of("etc/debian_version", "11.7\n".getBytes(StandardCharsets.UTF_8));
        OsInfo bullseye = OsDetector.detect(p -> Optional.ofNullable(onlyDebianVersion.get(p)));
        assertThat(bullseye.id()).isEqualTo("debian");
        assertThat(bullseye.osvEcosystem()).contains("Debian:11");
        Map<String, byte[]> sid = Map.of("etc/debian_version", "trixie/sid\n".getBytes(StandardCharsets.UTF_8));
        assertThat(OsDetector.detect(p -> Optional.ofNullable(sid.get(p))).osvEcosystem()).isEmpty();
        Map<String, byte[]> alpine = Map.of("etc/alpine-release", "3.18.4\n".getBytes(StandardCharsets.UTF_8));
        assertThat(OsDetector.detect(p -> Optional.ofNullable(alpine.get(p))).osvEcosystem()).contains("Alpine:v3.18");
        assertThat(OsDetector.detect(p -> Optional.empty())).isEqualTo(OsInfo.UNKNOWN);
    }
}
