package dev.dockfit.cli.scan;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockfit.cli.Json;
import dev.dockfit.image.analysis.ImageReport;
import dev.dockfit.image.packages.OsInfo;
import dev.dockfit.image.packages.Package;
import dev.dockfit.vuln.match.VulnMatch;
import dev.dockfit.vuln.match.VulnSeverity;
import dev.dockfit.vuln.scan.Inventory;
import dev.dockfit.vuln.scan.ScanResult;
import dev.dockfit.vuln.store.StoreStatus;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The {@code --format json} document of {@code dockfit scan} (schema in docs/scan.md). */
final class ScanJson {

    private ScanJson() {
    }

    /** Most serious first, then package and id: the order of the table and of the JSON array. */
    static final Comparator<VulnMatch> ORDER = Comparator.comparing((VulnMatch m) -> m.severity().severity())
            .thenComparing(m -> m.pkg().name()).thenComparing(VulnMatch::id);

    static ObjectNode toJson(ScanResult result, String source, StoreStatus status) {
        Inventory inv = result.inventory();
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("schemaVersion", 1);
        ObjectNode image = root.putObject("image");
        image.put("source", source);
        image.put("format", inv.image().format());
        if (inv.image().manifestDigest() != null) image.put("manifestDigest", inv.image().manifestDigest().toString());
        ImageReport.BaseImage base = inv.baseImage();
        if (base != null && base.name() != null) image.putObject("baseImage").put("name", base.name()).put("digest", base.digest()).put("method", base.method());
        else image.putNull("baseImage");
        root.set("os", os(inv.os()));
        root.put("tested", result.tested());
        ObjectNode summary = root.putObject("summary");
        summary.put("total", result.matches().size());
        for (Map.Entry<VulnSeverity, Integer> e : result.countsBySeverity().entrySet()) summary.put(e.getKey().name().toLowerCase(Locale.ROOT), e.getValue());
        summary.put("ignored", result.ignored().size());
        summary.put("filtered", result.filtered());
        ArrayNode vulns = root.putArray("vulnerabilities");
        for (VulnMatch m : result.matches().stream().sorted(ORDER).toList()) vulns.add(vulnerability(m, inv));
        ArrayNode ignored = root.putArray("ignored");
        for (VulnMatch m : result.ignored()) ignored.addObject().put("id", m.id()).put("package", m.pkg().name());
        ObjectNode db = root.putObject("database");
        db.put("records", status.records());
        if (status.oldestImport() != null) db.put("oldestImport", status.oldestImport().toString());
        ArrayNode warnings = root.putArray("warnings");
        result.warnings().forEach(warnings::add);
        return root;
    }

    static ObjectNode os(OsInfo os) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("id", os.id()).put("versionId", os.versionId()).put("prettyName", os.prettyName());
        o.put("ecosystem", os.osvEcosystem().orElse(null));
        return o;
    }

    private static ObjectNode vulnerability(VulnMatch m, Inventory inv) {
        Package p = m.pkg();
        ObjectNode v = Json.MAPPER.createObjectNode();
        v.put("id", m.id());
        ArrayNode aliases = v.putArray("aliases");
        m.aliases().forEach(aliases::add);
        v.put("summary", m.summary());
        v.put("package", p.name());
        v.put("installedVersion", p.version());
        v.put("sourcePackage", p.sourceName());
        v.put("sourceVersion", p.sourceVersion());
        v.put("fixedVersion", m.fixedVersion());
        v.put("severity", m.severity().severity().name());
        if (m.severity().score() != null) v.put("cvssScore", m.severity().score());
        else v.putNull("cvssScore");
        v.put("severitySource", m.severity().source());
        v.put("ecosystem", m.ecosystem());
        v.put("type", p.type().name().toLowerCase(Locale.ROOT));
        v.put("purl", p.purl());
        v.put("path", p.path());
        ObjectNode layer = v.putObject("layer");
        layer.put("index", p.layerIndex());
        if (p.layerIndex() >= 0 && p.layerIndex() < inv.layers().size()) {
            String digest = inv.layers().get(p.layerIndex()).digest();
            if (digest != null) layer.put("digest", digest);
        }
        layer.put("createdBy", inv.createdBy(p));
        return v;
    }

    static List<VulnMatch> sorted(List<VulnMatch> matches) {
        return matches.stream().sorted(ORDER).toList();
    }
}
