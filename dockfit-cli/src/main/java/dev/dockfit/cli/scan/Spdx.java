package dev.dockfit.cli.scan;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockfit.cli.Json;
import dev.dockfit.image.packages.Package;
import dev.dockfit.vuln.scan.Inventory;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** SPDX 2.3 JSON: the image as the described CONTAINER package, which CONTAINS one package per found package. */
final class Spdx {

    private Spdx() {
    }

    static ObjectNode document(Inventory inv, String source, String toolVersion) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("spdxVersion", "SPDX-2.3");
        root.put("dataLicense", "CC0-1.0");
        root.put("SPDXID", "SPDXRef-DOCUMENT");
        root.put("name", source);
        root.put("documentNamespace", "https://dockfit.dev/spdx/" + UUID.randomUUID());
        ObjectNode creation = root.putObject("creationInfo");
        creation.put("created", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        creation.putArray("creators").add("Tool: dockfit-" + toolVersion);
        ArrayNode packages = root.putArray("packages");
        ObjectNode image = packages.addObject();
        image.put("name", source).put("SPDXID", "SPDXRef-Image").put("downloadLocation", "NOASSERTION")
                .put("filesAnalyzed", false).put("primaryPackagePurpose", "CONTAINER");
        if (inv.image().manifestDigest() != null) image.put("versionInfo", inv.image().manifestDigest().toString());
        ArrayNode relationships = root.putArray("relationships");
        relationships.addObject().put("spdxElementId", "SPDXRef-DOCUMENT").put("relationshipType", "DESCRIBES")
                .put("relatedSpdxElement", "SPDXRef-Image");
        if (inv.os().isKnown()) {
            packages.addObject().put("name", inv.os().id()).put("SPDXID", "SPDXRef-OperatingSystem")
                    .put("versionInfo", inv.os().versionId()).put("downloadLocation", "NOASSERTION")
                    .put("filesAnalyzed", false).put("primaryPackagePurpose", "OPERATING_SYSTEM")
                    .put("description", inv.os().prettyName());
            relationships.addObject().put("spdxElementId", "SPDXRef-Image").put("relationshipType", "CONTAINS")
                    .put("relatedSpdxElement", "SPDXRef-OperatingSystem");
        }
        int n = 0;
        for (Package p : inv.packages()) {
            String id = "SPDXRef-Package-" + p.type().purlType() + "-" + (++n);
            ObjectNode o = packages.addObject();
            o.put("name", p.name()).put("SPDXID", id).put("versionInfo", p.version()).put("downloadLocation", "NOASSERTION")
                    .put("filesAnalyzed", false).put("primaryPackagePurpose", "LIBRARY");
            String by = inv.createdBy(p);
            o.put("sourceInfo", "found at /" + p.path() + " in layer " + p.layerIndex() + (by.isEmpty() ? "" : " (" + by + ")"));
            o.putArray("externalRefs").addObject().put("referenceCategory", "PACKAGE-MANAGER")
                    .put("referenceType", "purl").put("referenceLocator", p.purl());
            relationships.addObject().put("spdxElementId", "SPDXRef-Image").put("relationshipType", "CONTAINS")
                    .put("relatedSpdxElement", id);
        }
        return root;
    }
}
