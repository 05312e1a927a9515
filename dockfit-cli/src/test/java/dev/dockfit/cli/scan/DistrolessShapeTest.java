package dev.dockfit.cli.scan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockfit.testenv.ArchiveFormat;
import dev.dockfit.testenv.Buildah;
import dev.dockfit.testenv.TestCache;
import dev.dockfit.testenv.TestImages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distroless layout, built by buildah FROM scratch: one dpkg stanza per file under
 * {@code /var/lib/dpkg/status.d/} and {@code /etc/os-release} a symlink to {@code ../usr/lib/os-release}; the
 * stanzas are minbase's real apt and libapt-pkg6.0 entries, so the debian12-derived record applies.
 */
class DistrolessShapeTest {

    @TempDir
    static Path tmp;

    @Test
    void statusDirectoryAndOsReleaseSymlinkAreRead() throws IOException {
        Path data = ScanFixtures.shared("vulndata/debian12-derived");
        String status = Files.readString(data.resolve("status-minbase"));
        Path context = tmp.resolve("context");
        Files.createDirectories(context.resolve("status.d"));
        Files.createDirectories(context.resolve("usr/lib"));
        Files.createDirectories(context.resolve("etc"));
        Files.writeString(context.resolve("status.d/apt"), stanza(status, "apt"));
        Files.writeString(context.resolve("status.d/libapt-pkg6.0"), stanza(status, "libapt-pkg6.0"));
        Files.writeString(context.resolve("usr/lib/os-release"), Files.readString(data.resolve("os-release-minbase")));
        Files.createSymbolicLink(context.resolve("etc/os-release"), Path.of("../usr/lib/os-release"));
        Files.writeString(context.resolve("Dockerfile"), "FROM scratch\nCOPY usr /usr\nCOPY etc /etc\nCOPY status.d /var/lib/dpkg/status.d\n");
        String tag = "localhost/dockfit-test/scan-distroless-shape:" + Integer.toHexString((status + "v1").hashCode());
        Buildah buildah = Buildah.shared();
        TestCache.withLock("image-scan-distroless-shape", () -> {
            if (!buildah.exists(tag)) buildah.build(context, tag);
            return tag;
        });
        String archive = TestImages.archive(tag, ArchiveFormat.DOCKER_ARCHIVE).toString();
        Path db = ScanFixtures.database(tmp.resolve("db"), data.resolve("osv"));
        JsonNode scan = ScanFixtures.scanJson(db, archive);
        assertThat(scan.at("/os/ecosystem").asText()).isEqualTo("Debian:12");
        assertThat(scan.get("tested").asInt()).isEqualTo(2);
        assertThat(scan.get("vulnerabilities")).hasSize(2);
        for (JsonNode v : scan.get("vulnerabilities")) {
            assertThat(v.get("id").asText()).isEqualTo("DEBIAN-CVE-2026-109518");
            assertThat(v.get("path").asText()).startsWith("var/lib/dpkg/status.d/");
            assertThat(v.at("/layer/createdBy").asText()).contains("status.d");
        }
    }

    /** The stanza of one package from a dpkg status file. */
    private static String stanza(String status, String pkg) {
        for (String s : status.split("\n\n")) if (s.startsWith("Package: " + pkg + "\n")) return s + "\n";
        throw new UncheckedIOException(new IOException("no stanza for " + pkg));
    }
}
