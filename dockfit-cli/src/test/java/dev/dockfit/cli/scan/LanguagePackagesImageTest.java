package dev.dockfit.cli.scan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockfit.testenv.ArchiveFormat;
import dev.dockfit.testenv.Buildah;
import dev.dockfit.testenv.TestCache;
import dev.dockfit.testenv.TestImages;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real GHSA/PYSEC records against images built by buildah holding a Spring-Boot-style fat jar (the vulnerable
 * library nested with its pom.properties), a node_modules package and a Python dist-info: affected versions give
 * exactly the expected findings, the fixed versions none.
 */
class LanguagePackagesImageTest {

    @TempDir
    static Path tmp;

    static Path db;

    @BeforeAll
    static void database() {
        Path records = ScanFixtures.shared("vulndata/osv-records");
        db = ScanFixtures.database(tmp.resolve("db"), records.resolve("maven"), records.resolve("npm"), records.resolve("pypi"));
    }

    @Test
    void affectedVersionsAreFoundInTheirLayersAndNestedJars() {
        JsonNode scan = ScanFixtures.scanJson(db, image("scan-lang-affected", "11.0.7", "4.17.15", "5.3"));
        Set<String> pairs = new HashSet<>();
        for (JsonNode v : scan.get("vulnerabilities")) pairs.add(v.get("package").asText() + " " + v.get("id").asText());
        assertThat(pairs).contains("lodash GHSA-p6mc-m468-83gw", "PyYAML PYSEC-2020-96", "PyYAML PYSEC-2021-142");
        // every shared GHSA record of tomcat-catalina 11 fixed above 11.0.7, and none fixed at or below it (GHSA-h2fw-rfh5-95r3: 11.0.7)
        assertThat(pairs.stream().filter(p -> p.startsWith("org.apache.tomcat")).map(p -> p.substring(p.indexOf(' ') + 1)))
                .containsExactlyInAnyOrder("GHSA-42wg-hm62-jcwg", "GHSA-h3gc-qfqq-6h8f", "GHSA-hgrr-935x-pq79",
                        "GHSA-vfww-5hm6-hx2j", "GHSA-wc4r-xq3c-5cf3", "GHSA-wmwf-9ccg-fff5");
        assertThat(pairs).doesNotContain("PyYAML PYSEC-2020-176", "PyYAML PYSEC-2018-49");
        assertThat(scan.get("tested").asInt()).isEqualTo(3);
        for (JsonNode v : scan.get("vulnerabilities")) {
            switch (v.get("package").asText()) {
                case "org.apache.tomcat:tomcat-catalina" -> {
                    assertThat(v.get("path").asText()).isEqualTo("app/app.jar!/BOOT-INF/lib/tomcat-catalina-11.0.7.jar");
                    if (v.get("id").asText().equals("GHSA-h3gc-qfqq-6h8f")) assertThat(v.get("fixedVersion").asText()).isEqualTo("11.0.8");
                    assertThat(v.at("/layer/createdBy").asText()).contains("app.jar");
                }
                case "lodash" -> {
                    if (v.get("id").asText().equals("GHSA-p6mc-m468-83gw")) assertThat(v.get("fixedVersion").asText()).isEqualTo("4.17.19");
                    assertThat(v.at("/layer/createdBy").asText()).contains("node_modules");
                }
                case "PyYAML" -> assertThat(v.at("/layer/createdBy").asText()).contains("site-packages");
                default -> throw new AssertionError("unexpected finding " + v);
            }
        }
    }

    @Test
    void fixedVersionsGiveNoFinding() {
        JsonNode scan = ScanFixtures.scanJson(db, image("scan-lang-fixed", "11.0.12", "4.17.21", "6.0.1"));
        assertThat(scan.get("tested").asInt()).isEqualTo(3);
        assertThat(scan.get("vulnerabilities")).isEmpty();
    }

    /** Builds (once: tagged by a hash of the context) a FROM scratch image with the three packages, one COPY each. */
    private static String image(String name, String tomcat, String lodash, String pyyaml) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("Dockerfile", ("FROM scratch\n"
                + "COPY app.jar /app/app.jar\n"
                + "COPY node_modules /app/node_modules\n"
                + "COPY site-packages /usr/local/lib/python3.11/site-packages\n").getBytes(StandardCharsets.UTF_8));
        files.put("app.jar", fatJar(tomcat));
        files.put("node_modules/lodash/package.json",
                ("{\"name\": \"lodash\", \"version\": \"" + lodash + "\", \"license\": \"MIT\"}\n").getBytes(StandardCharsets.UTF_8));
        files.put("site-packages/PyYAML-" + pyyaml + ".dist-info/METADATA",
                ("Metadata-Version: 2.1\nName: PyYAML\nVersion: " + pyyaml + "\nSummary: YAML parser and emitter for Python\n").getBytes(StandardCharsets.UTF_8));
        String tag = "localhost/dockfit-test/" + name + ":" + hash(files);
        Buildah buildah = Buildah.shared();
        TestCache.withLock("image-" + name, () -> {
            if (!buildah.exists(tag)) {
                Path context = tmp.resolve(name);
                files.forEach((path, content) -> write(context.resolve(path), content));
                buildah.build(context, tag);
            }
            return tag;
        });
        return TestImages.archive(tag, ArchiveFormat.DOCKER_ARCHIVE).toString();
    }

    /** An executable jar whose BOOT-INF/lib holds tomcat-catalina with Maven's pom.properties. */
    private static byte[] fatJar(String version) {
        byte[] inner = zip(Map.of(
                "META-INF/MANIFEST.MF", "Manifest-Version: 1.0\n",
                "META-INF/maven/org.apache.tomcat/tomcat-catalina/pom.properties",
                "groupId=org.apache.tomcat\nartifactId=tomcat-catalina\nversion=" + version + "\n"));
        Map<String, Object> outer = new LinkedHashMap<>();
        outer.put("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\nMain-Class: org.springframework.boot.loader.launch.JarLauncher\n");
        outer.put("BOOT-INF/lib/tomcat-catalina-" + version + ".jar", inner);
        return zip(outer);
    }

    private static byte[] zip(Map<String, ?> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, ?> e : new java.util.TreeMap<>(entries).entrySet()) {
                ZipEntry entry = new ZipEntry(e.getKey());
                entry.setLastModifiedTime(FileTime.fromMillis(946684800000L)); // fixed, so the context hash is stable
                out.putNextEntry(entry);
                out.write(e.getValue() instanceof byte[] b ? b : e.getValue().toString().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static String hash(Map<String, byte[]> files) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            files.forEach((path, content) -> {
                sha.update(path.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(content);
            });
            return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void write(Path file, byte[] content) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
