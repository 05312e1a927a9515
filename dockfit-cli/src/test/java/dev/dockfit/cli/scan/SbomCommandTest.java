package dev.dockfit.cli.scan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.dockfit.cli.CliRun;
import dev.dockfit.testenv.ArchiveFormat;
import dev.dockfit.testenv.DebianBase;
import dev.dockfit.testenv.TestImages;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dockfit sbom} of a real image (bookworm plus one {@code apt-get install hello} layer) validates against
 * the official CycloneDX 1.6 and SPDX 2.3 JSON schemas, and names the layer that brought each package.
 */
class SbomCommandTest {

    static String archive;

    /** The layer cache goes here, not into the user's cache directory. */
    @TempDir
    static Path layers;

    @BeforeAll
    static void image() {
        archive = TestImages.archive(DebianBase.withPackages("hello"), ArchiveFormat.DOCKER_ARCHIVE).toString();
    }

    /** CycloneDX's schema, from cyclonedx-core-java's jar; its $refs (spdx, jsf) resolve on the class path. */
    static Schema cycloneDxSchema() throws Exception {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7,
                b -> b.schemaIdResolvers(r -> r.mapPrefix("http://cyclonedx.org/schema/", "classpath:")));
        try (InputStream in = SbomCommandTest.class.getResourceAsStream("/bom-1.6.schema.json")) {
            assertThat(in).as("bom-1.6.schema.json on the test class path").isNotNull();
            return registry.getSchema(in);
        }
    }

    /** SPDX's own 2.3 schema, as shipped in org.spdx:tools-java. */
    private static Schema spdxSchema() throws Exception {
        try (InputStream in = SbomCommandTest.class.getResourceAsStream("/resources/spdx-schema-v2.3.json")) {
            assertThat(in).as("spdx-schema-v2.3.json on the test class path").isNotNull();
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2019_09).getSchema(in);
        }
    }

    private static JsonNode sbom(String format) throws Exception {
        CliRun run = CliRun.of("sbom", "--format", format, "--layer-cache", layers.toString(), archive);
        assertThat(run.exitCode()).as(run.err()).isZero();
        return new ObjectMapper().readTree(run.out());
    }

    @Test
    void cycloneDxIsValidAndAttributesPackagesToLayers() throws Exception {
        JsonNode bom = sbom("cyclonedx");
        assertThat(cycloneDxSchema().validate(bom)).extracting(Error::getMessage).isEmpty();

        Map<String, JsonNode> byName = new HashMap<>();
        for (JsonNode c : bom.get("components")) byName.put(c.get("name").asText(), c);
        assertThat(byName).containsKeys("hello", "libc6", "dpkg", "debian");
        assertThat(property(byName.get("hello"), "dockfit:layer:createdBy")).contains("apt-get").contains("hello");
        assertThat(property(byName.get("libc6"), "dockfit:layer:index")).isEqualTo("0");
        assertThat(Integer.parseInt(property(byName.get("hello"), "dockfit:layer:index"))).isPositive();
        assertThat(byName.get("libc6").get("purl").asText()).startsWith("pkg:deb/debian/libc6@").contains("distro=debian-12");
        assertThat(byName.get("debian").get("type").asText()).isEqualTo("operating-system");

        ((ObjectNode) bom).remove("specVersion");
        assertThat(cycloneDxSchema().validate(bom)).as("the schema is not toothless").isNotEmpty();
    }

    @Test
    void spdxIsValidAndListsTheSamePackages() throws Exception {
        JsonNode doc = sbom("spdx");
        assertThat(spdxSchema().validate(doc)).extracting(Error::getMessage).isEmpty();
        JsonNode bom = sbom("cyclonedx");
        // image + OS + packages in SPDX; OS + packages in CycloneDX (the image is its metadata component)
        assertThat(doc.get("packages").size()).isEqualTo(bom.get("components").size() + 1);
        boolean hello = false;
        for (JsonNode p : doc.get("packages")) {
            if (p.get("name").asText().equals("hello")) {
                hello = true;
                assertThat(p.at("/externalRefs/0/referenceLocator").asText()).startsWith("pkg:deb/debian/hello@");
                assertThat(p.get("sourceInfo").asText()).contains("apt-get");
            }
        }
        assertThat(hello).isTrue();

        ((ObjectNode) doc).remove("SPDXID");
        assertThat(spdxSchema().validate(doc)).as("the schema is not toothless").isNotEmpty();
    }

    private static String property(JsonNode component, String name) {
        for (JsonNode p : component.get("properties")) if (p.get("name").asText().equals(name)) return p.get("value").asText();
        throw new AssertionError("no property " + name + " in " + component);
    }
}
