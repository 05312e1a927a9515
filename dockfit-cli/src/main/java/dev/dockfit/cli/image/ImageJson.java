package dev.dockfit.cli.image;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockfit.cli.Json;
import dev.dockfit.cli.report.FindingsJson;
import dev.dockfit.image.analysis.DiveCi;
import dev.dockfit.image.analysis.DiveEfficiency;
import dev.dockfit.image.analysis.ImageReport;
import dev.dockfit.image.analysis.ImageReport.HistoryStep;
import dev.dockfit.image.analysis.ImageReport.LayerReport;
import dev.dockfit.image.analysis.ImageReport.Leftover;
import dev.dockfit.image.analysis.ImageReport.MetadataRewrite;
import dev.dockfit.image.analysis.ImageReport.WastedFile;

/** The {@code --format json} document; its schema is documented in docs/image.md. */
final class ImageJson {
    private ImageJson() {
    }

    static ObjectNode toJson(ImageReport r) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("schemaVersion", 1);
        ObjectNode image = root.putObject("image");
        image.put("source", r.image().source());
        image.put("format", r.image().format());
        image.put("manifestDigest", r.image().manifestDigest() == null ? null : r.image().manifestDigest().toString());
        image.put("os", r.image().config().os());
        image.put("architecture", r.image().config().architecture());
        ObjectNode user = image.putObject("user");
        user.put("raw", r.user().raw());
        if (r.user().uid() >= 0) user.put("uid", r.user().uid()); else user.putNull("uid");
        if (r.user().gid() >= 0) user.put("gid", r.user().gid()); else user.putNull("gid");
        user.put("name", r.user().name());
        user.put("isRoot", r.user().isRoot());
        user.put("known", r.user().known());
        ObjectNode base = image.putObject("baseImage");
        base.put("name", r.baseImage().name()).put("digest", r.baseImage().digest())
                .put("method", r.baseImage().method()).put("layerCount", r.baseImage().layerCount());
        ArrayNode layers = image.putArray("layers");
        for (LayerReport l : r.layers()) {
            layers.addObject().put("index", l.index()).put("digest", l.digest()).put("diffId", l.diffId())
                    .put("mediaType", l.mediaType()).put("compressedBytes", l.compressedBytes())
                    .put("uncompressedBytes", l.uncompressedBytes()).put("entries", l.entries())
                    .put("fileBytes", l.fileBytes()).put("wastedBytes", l.wastedBytes())
                    .put("createdBy", l.createdBy()).put("historyIndex", l.historyIndex())
                    .put("dockerfileLine", l.dockerfileLine() > 0 ? l.dockerfileLine() : null)
                    .put("base", l.base());
        }
        ArrayNode history = image.putArray("history");
        for (HistoryStep h : r.history()) {
            history.addObject().put("index", h.index()).put("created", h.created()).put("createdBy", h.createdBy())
                    .put("emptyLayer", h.emptyLayer()).put("layer", h.layer() >= 0 ? h.layer() : null)
                    .put("dockerfileLine", h.dockerfileLine() > 0 ? h.dockerfileLine() : null);
        }
        image.put("totalFileBytes", r.totalFileBytes());
        image.put("finalFileBytes", r.finalFileBytes());
        image.put("reclaimableBytes", r.reclaimableBytes());
        image.put("efficiency", r.efficiency());
        ArrayNode wasted = image.putArray("wastedFiles");
        for (WastedFile w : r.wastedFiles()) {
            ObjectNode o = wasted.addObject().put("path", w.path()).put("bytes", w.bytes());
            ArrayNode ls = o.putArray("layers");
            w.layers().forEach(ls::add);
        }
        ArrayNode rewrites = image.putArray("metadataRewrites");
        for (MetadataRewrite m : r.metadataRewrites()) {
            ObjectNode o = rewrites.addObject().put("layer", m.layer()).put("createdBy", m.createdBy())
                    .put("dockerfileLine", m.dockerfileLine() > 0 ? m.dockerfileLine() : null)
                    .put("files", m.files()).put("bytes", m.bytes());
            ArrayNode ex = o.putArray("examples");
            m.examples().forEach(ex::add);
        }
        ArrayNode leftovers = image.putArray("leftovers");
        for (Leftover l : r.leftovers()) {
            leftovers.addObject().put("kind", l.kind()).put("what", l.what()).put("path", l.path())
                    .put("bytes", l.bytes()).put("layer", l.layer()).put("createdBy", l.createdBy())
                    .put("dockerfileLine", l.dockerfileLine() > 0 ? l.dockerfileLine() : null);
        }
        ObjectNode dive = image.putObject("dive");
        DiveEfficiency.Figures d = r.dive();
        dive.put("efficiency", d.efficiency()).put("wastedBytes", d.wastedBytes())
                .put("userWastedPercent", d.userWastedPercent()).put("sizeBytes", d.sizeBytes())
                .put("userSizeBytes", d.userSizeBytes());
        ArrayNode ineff = dive.putArray("inefficientFiles");
        for (DiveEfficiency.InefficientPath p : d.inefficientPaths()) {
            ineff.addObject().put("path", p.path()).put("count", p.count()).put("wastedBytes", p.cumulativeBytes());
        }
        ArrayNode ci = dive.putArray("ci");
        for (DiveCi.Result c : r.diveCi()) {
            ci.addObject().put("rule", c.rule()).put("status", c.status().name()).put("detail", c.detail());
        }
        root.set("findings", FindingsJson.toJson(r.findings()));
        return root;
    }
}
