package dev.dockfit.image.analysis;

import dev.dockfit.finding.Finding;
import dev.dockfit.finding.Location;
import dev.dockfit.finding.Practice;
import dev.dockfit.finding.Severity;
import dev.dockfit.image.Image;
import dev.dockfit.image.analysis.ImageReport.Leftover;
import dev.dockfit.image.analysis.ImageReport.MetadataRewrite;
import dev.dockfit.image.analysis.ImageReport.UserInfo;
import dev.dockfit.image.fs.FileEntry;
import dev.dockfit.image.fs.LayerFiles;
import dev.dockfit.image.fs.MergedFilesystem;
import dev.dockfit.image.fs.MergedFilesystem.Visible;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the analyses into findings. Rule ids: IMG001 root user, IMG002 user missing from /etc/passwd, IMG010
 * reclaimable bytes, IMG011 owner/mode-only rewrite, IMG020 setuid/setgid, IMG021 world-writable directory,
 * IMG022 secret file, IMG023 secret in ENV, IMG030 toolchain, IMG031 -dev package, IMG032 package cache,
 * IMG033 .git folder, IMG040 dive CI rule failed.
 */
final class ImageFindings {
    /** Below this, waste is noise (a rewritten config file), not worth a finding. */
    static final long WASTE_THRESHOLD = 1 << 20;

    private final Image image;
    private final AnalysisOptions options;
    private final LayerContext ctx;
    private final List<Finding> out = new ArrayList<>();

    ImageFindings(Image image, AnalysisOptions options, LayerContext ctx) {
        this.image = image;
        this.options = options;
        this.ctx = ctx;
    }

    List<Finding> all(UserInfo user, MergedFilesystem fs, List<LayerFiles> layers, List<SecretScanner.Hit> tokenHits,
                      WasteAnalysis waste, List<Leftover> leftovers, List<DiveCi.Result> ci) {
        user(user, fs);
        waste(waste);
        files(fs);
        secrets(fs, layers, tokenHits);
        env();
        for (Leftover l : leftovers) leftover(l);
        for (DiveCi.Result r : ci) {
            if (r.status() == DiveCi.Status.FAIL) {
                add("IMG040", Severity.ERROR, Practice.IMAGE_SIZE, "dive CI rule " + r.rule() + " failed: " + r.detail(),
                        -1, Map.of("rule", r.rule()));
            }
        }
        return List.copyOf(out);
    }

    private void user(UserInfo user, MergedFilesystem fs) {
        if (!user.known()) {
            add("IMG002", Severity.ERROR, Practice.LEAST_PRIVILEGE, "user '" + user.raw()
                    + "' is not in the image's /etc/passwd or /etc/group; the container will not start", -1,
                    Map.of("user", user.raw()));
        } else if (user.isRoot()) {
            add("IMG001", Severity.WARNING, Practice.LEAST_PRIVILEGE, "image runs as root (User "
                    + (user.raw().isEmpty() ? "is not set" : "'" + user.raw() + "'") + "); add a non-root USER", -1,
                    Map.of("user", user.raw()));
        } else if (user.name() == null && !UserResolver.hasPasswdEntry(user.uid(), fs)) {
            add("IMG002", Severity.INFO, Practice.LEAST_PRIVILEGE, "uid " + user.uid()
                    + " has no /etc/passwd entry (no name or home directory)", -1, Map.of("user", user.raw()));
        }
    }

    private void waste(WasteAnalysis waste) {
        if (waste.reclaimableBytes() >= WASTE_THRESHOLD) {
            add("IMG010", Severity.WARNING, Practice.IMAGE_SIZE, Bytes.human(waste.reclaimableBytes())
                    + " in layers is not visible in the final filesystem (overwritten or deleted later)", -1,
                    Map.of("reclaimableBytes", waste.reclaimableBytes()));
        }
        for (MetadataRewrite r : waste.rewrites()) {
            add("IMG011", r.bytes() >= WASTE_THRESHOLD ? Severity.WARNING : Severity.INFO, Practice.IMAGE_SIZE,
                    "layer " + r.layer() + " copies " + r.files() + " unchanged files (" + Bytes.human(r.bytes())
                            + ") only to change owner or mode; use COPY --chown/--chmod instead", r.layer(),
                    Map.of("bytes", r.bytes(), "files", r.files()));
        }
    }

    private void files(MergedFilesystem fs) {
        for (Visible v : fs.all()) {
            FileEntry e = v.entry();
            if (e.isFile() && (e.isSetuid() || e.isSetgid())) {
                add("IMG020", Severity.INFO, Practice.SECURITY, e.path() + " is " + (e.isSetuid() ? "setuid" : "setgid")
                        + " (mode " + Integer.toOctalString(e.mode()) + ")", v.layer(), Map.of("path", e.path()));
            }
            if (e.isDirectory() && (e.mode() & 0002) != 0 && (e.mode() & 01000) == 0) {
                add("IMG021", Severity.WARNING, Practice.SECURITY, e.path()
                        + " is world-writable without the sticky bit (mode " + Integer.toOctalString(e.mode()) + ")",
                        v.layer(), Map.of("path", e.path()));
            }
        }
    }

    /**
     * Secrets in any layer: a file deleted by a later layer still ships in the layer that added it, so it is
     * reported too, with what to do about it.
     */
    private void secrets(MergedFilesystem fs, List<LayerFiles> layers, List<SecretScanner.Hit> tokenHits) {
        List<SecretScanner.Hit> hits = new java.util.ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            for (FileEntry e : layers.get(i).entries()) {
                if (!e.isFile() || e.content() == null || !Secrets.CANDIDATES.wants(e.path(), e.size())) continue;
                int layer = i;
                Secrets.inFile(e.path(), e.content()).ifPresent(k -> hits.add(new SecretScanner.Hit(layer, e.path(), k)));
            }
        }
        hits.addAll(tokenHits);
        for (SecretScanner.Hit h : hits) {
            boolean visible = fs.get(h.path()).map(v -> v.layer() == h.layer()).orElse(false);
            String message = visible
                    ? h.path() + " holds a secret (" + h.kind() + "); use a build secret or mount it at run time"
                    : h.path() + " holds a secret (" + h.kind() + ") and is still in layer " + h.layer()
                    + " although a later layer removes it; use a build secret (RUN --mount=type=secret)";
            add("IMG022", Severity.ERROR, Practice.SECURITY, message, h.layer(),
                    Map.of("path", h.path(), "kind", h.kind(), "visible", visible));
        }
    }

    private void env() {
        for (String entry : image.config().env()) {
            Secrets.inEnv(entry).ifPresent(kind -> add("IMG023", Severity.ERROR, Practice.SECURITY,
                    "ENV " + entry.substring(0, Math.max(0, entry.indexOf('='))) + " holds a secret (" + kind
                            + "); anyone who pulls the image can read it", -1, Map.of("kind", kind)));
        }
    }

    private void leftover(Leftover l) {
        String where = " (" + Bytes.human(l.bytes()) + ", layer " + l.layer() + ")";
        switch (l.kind()) {
            case "toolchain" -> add("IMG030", Severity.WARNING, Practice.MULTI_STAGE, l.what() + " at " + l.path()
                    + " is left in the final image" + where + "; build in a separate stage", l.layer(), props(l));
            case "dev-package" -> add("IMG031", Severity.WARNING, Practice.MULTI_STAGE, "development package "
                    + l.what() + " is installed" + where + "; build in a separate stage", l.layer(), props(l));
            case "cache" -> add("IMG032", Severity.WARNING, Practice.IMAGE_SIZE, "package-manager cache " + l.path()
                    + " is left in the image" + where + "; clean it in the same RUN", l.layer(), props(l));
            default -> add("IMG033", Severity.WARNING, Practice.IMAGE_SIZE, l.path() + " (a git repository) is in the image"
                    + where + "; add .git to .dockerignore", l.layer(), props(l));
        }
    }

    private static Map<String, Object> props(Leftover l) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("path", l.path());
        p.put("bytes", l.bytes());
        p.put("layer", l.layer());
        return p;
    }

    private void add(String rule, Severity severity, Practice practice, String message, int layer,
                     Map<String, Object> properties) {
        Map<String, Object> p = new LinkedHashMap<>(properties);
        if (layer >= 0) {
            p.put("layer", layer);
            String by = ctx.createdBy(layer);
            if (by != null) p.put("createdBy", by);
        }
        int line = layer >= 0 ? ctx.dockerfileLine(layer) : 0;
        Location loc = line > 0 && options.dockerfile() != null
                ? new Location(options.dockerfile().toString(), line, 1, line, 1)
                : Location.whole(image.source());
        out.add(new Finding(rule, severity, practice, message, loc, false, p));
    }
}
