package dev.dockfit.cli.scan;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockfit.cli.Json;
import dev.dockfit.image.packages.Package;
import dev.dockfit.vuln.match.VulnMatch;
import dev.dockfit.vuln.scan.Inventory;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.IdentityHashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** CycloneDX 1.6 JSON: the image as metadata component, one component per package, optional vulnerabilities. */
final class CycloneDx {

    private CycloneDx() {
    }

    static ObjectNode bom(Inventory inv, String source, String toolVersion, List<VulnMatch> matches) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("$schema", "http://cyclonedx.org/schema/bom-1.6.schema.json");
        root.put("bomFormat", "CycloneDX");
        root.put("specVersion", "1.6");
        root.put("serialNumber", "urn:uuid:" + UUID.randomUUID());
        root.put("version", 1);
        ObjectNode metadata = root.putObject("metadata");
        metadata.put("timestamp", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        metadata.putObject("tools").putArray("components").addObject()
                .put("type", "application").put("name", "dockfit").put("version", toolVersion);
        ObjectNode image = metadata.putObject("component");
        image.put("type", "container").put("bom-ref", "image").put("name", source);
        if (inv.image().manifestDigest() != null) image.put("version", inv.image().manifestDigest().toString());
        ArrayNode components = root.putArray("components");
        if (inv.os().isKnown()) {
            components.addObject().put("type", "operating-system").put("bom-ref", "os").put("name", inv.os().id())
                    .put("version", inv.os().versionId()).put("description", inv.os().prettyName());
        }
        Map<Package, String> refs = new IdentityHashMap<>();
        Set<String> used = new HashSet<>();
        for (Package p : inv.packages()) {
            String ref = p.purl();
            if (!used.add(ref)) {
                ref = p.purl() + "#" + p.path();
                for (int n = 2; !used.add(ref); n++) ref = p.purl() + "#" + p.path() + "#" + n;
            }
            refs.put(p, ref);
            ObjectNode c = components.addObject();
            c.put("type", "library");
            c.put("bom-ref", ref).put("name", p.name()).put("version", p.version()).put("purl", p.purl());
            ArrayNode props = c.putArray("properties");
            props.addObject().put("name", "dockfit:package:type").put("value", p.type().purlType());
            props.addObject().put("name", "dockfit:package:path").put("value", p.path());
            if (!p.sourceName().equals(p.name()) || !p.sourceVersion().equals(p.version())) {
                props.addObject().put("name", "dockfit:package:source").put("value", p.sourceName() + " " + p.sourceVersion());
            }
            props.addObject().put("name", "dockfit:layer:index").put("value", Integer.toString(p.layerIndex()));
            String by = inv.createdBy(p);
            if (!by.isEmpty()) props.addObject().put("name", "dockfit:layer:createdBy").put("value", by);
        }
        if (matches != null) {
            ArrayNode vulns = root.putArray("vulnerabilities");
            int n = 0;
            for (VulnMatch m : ScanJson.sorted(matches)) {
                ObjectNode v = vulns.addObject();
                v.put("bom-ref", "vuln-" + (++n));
                v.put("id", m.id());
                v.putObject("source").put("name", "OSV").put("url", "https://osv.dev/vulnerability/" + m.id());
                ObjectNode rating = v.putArray("ratings").addObject();
                if (m.severity().score() != null) rating.put("score", m.severity().score());
                rating.put("severity", m.severity().severity().name().toLowerCase(Locale.ROOT));
                if (!m.aliases().isEmpty()) {
                    ArrayNode refsArr = v.putArray("references");
                    for (String a : m.aliases()) {
                        refsArr.addObject().put("id", a).putObject("source").put("name", "OSV")
                                .put("url", "https://osv.dev/vulnerability/" + a);
                    }
                }
                if (m.summary() != null && !m.summary().isBlank()) v.put("description", m.summary());
                v.put("recommendation", m.isFixed() ? "Upgrade " + m.pkg().name() + " to " + m.fixedVersion() + " or later" : "No fix is known yet");
                ObjectNode affected = v.putArray("affects").addObject();
                affected.put("ref", refs.get(m.pkg()));
                affected.putArray("versions").addObject().put("version", m.pkg().version()).put("status", "affected");
            }
        }
        return root;
    }
}
