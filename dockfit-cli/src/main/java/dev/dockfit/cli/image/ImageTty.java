package dev.dockfit.cli.image;

import dev.dockfit.finding.Finding;
import dev.dockfit.image.analysis.Bytes;
import dev.dockfit.image.analysis.DiveCi;
import dev.dockfit.image.analysis.ImageReport;
import dev.dockfit.image.analysis.ImageReport.LayerReport;
import dev.dockfit.image.analysis.ImageReport.Leftover;
import dev.dockfit.image.analysis.ImageReport.MetadataRewrite;
import dev.dockfit.image.analysis.ImageReport.WastedFile;
import java.io.PrintWriter;
import java.util.Locale;

/** The terminal report: layer table, waste, dive's figures, leftovers and findings. */
final class ImageTty {
    private static final int COMMAND_WIDTH = 70;
    private static final int WASTED_ROWS = 10;

    private ImageTty() {
    }

    static void print(ImageReport r, PrintWriter out) {
        out.printf(Locale.ROOT, "Image   %s (%s, %d layers, %s/%s)%n", r.image().source(), r.image().format(),
                r.layers().size(), r.image().config().os(), r.image().config().architecture());
        out.printf(Locale.ROOT, "User    %s%n", user(r.user()));
        ImageReport.BaseImage b = r.baseImage();
        out.printf(Locale.ROOT, "Base    %s%n", b.method().equals("none") ? "unknown"
                : (b.name() != null ? b.name() : "(unnamed)") + (b.layerCount() >= 0 ? ", " + b.layerCount()
                + " layer(s)" : "") + " [" + b.method() + "]");
        out.println();
        out.printf(Locale.ROOT, "%3s %10s %10s %8s %10s  %s%n", "#", "stored", "tar", "entries", "wasted", "created by");
        for (LayerReport l : r.layers()) {
            out.printf(Locale.ROOT, "%3d %10s %10s %8d %10s  %s%s%n", l.index(), Bytes.human(l.compressedBytes()),
                    Bytes.human(l.uncompressedBytes()), l.entries(), l.wastedBytes() == 0 ? "-" : Bytes.human(l.wastedBytes()),
                    l.base() ? "(base) " : l.dockerfileLine() > 0 ? "L" + l.dockerfileLine() + " " : "",
                    shorten(l.createdBy()));
        }
        out.println();
        out.printf(Locale.ROOT, "Files   %s in all layers, %s visible, %s reclaimable (efficiency %.2f %%)%n",
                Bytes.human(r.totalFileBytes()), Bytes.human(r.finalFileBytes()), Bytes.human(r.reclaimableBytes()),
                r.efficiency() * 100);
        out.printf(Locale.ROOT, "dive    efficiency %.2f %%, wastedBytes %d, userWastedPercent %.2f %%%n",
                r.dive().efficiency() * 100, r.dive().wastedBytes(), r.dive().userWastedPercent() * 100);
        for (DiveCi.Result c : r.diveCi()) {
            out.printf(Locale.ROOT, "  %-4s  %s (%s)%n", c.status(), c.rule(), c.detail());
        }
        if (!r.wastedFiles().isEmpty()) {
            out.println();
            out.println("Largest wasted files:");
            out.printf(Locale.ROOT, "%10s  %-10s  %s%n", "bytes", "layers", "path");
            r.wastedFiles().stream().limit(WASTED_ROWS).forEach((WastedFile w) -> out.printf(Locale.ROOT,
                    "%10s  %-10s  %s%n", Bytes.human(w.bytes()), w.layers().toString().replace(" ", ""), w.path()));
        }
        if (!r.metadataRewrites().isEmpty()) {
            out.println();
            out.println("Owner/mode-only rewrites (same content copied again):");
            for (MetadataRewrite m : r.metadataRewrites()) {
                out.printf(Locale.ROOT, "  layer %d: %d files, %s  %s%n", m.layer(), m.files(), Bytes.human(m.bytes()),
                        shorten(m.createdBy()));
            }
        }
        if (!r.leftovers().isEmpty()) {
            out.println();
            out.println("Build leftovers:");
            for (Leftover l : r.leftovers()) {
                out.printf(Locale.ROOT, "  %-11s %10s  layer %-3d %s%n", l.kind(), Bytes.human(l.bytes()), l.layer(),
                        l.kind().equals("dev-package") ? l.what() : l.path());
            }
        }
        out.println();
        if (r.findings().isEmpty()) {
            out.println("No findings.");
        } else {
            out.println("Findings:");
            for (Finding f : r.findings()) {
                String where = f.location().hasPosition() ? f.location().source() + ":" + f.location().line() + ": " : "";
                out.printf(Locale.ROOT, "  %-7s %s [%s] %s%s%n", f.severity().id(), f.rule(), f.practice().id(), where,
                        f.message());
            }
        }
        out.flush();
    }

    static String user(ImageReport.UserInfo u) {
        String shown = u.raw().isEmpty() ? "(not set)" : u.raw();
        if (!u.known()) return shown + " - not in /etc/passwd";
        return shown + " = " + (u.name() != null ? u.name() + " " : "") + "uid " + u.uid()
                + (u.gid() >= 0 ? " gid " + u.gid() : "") + (u.isRoot() ? " (root)" : "");
    }

    static String shorten(String createdBy) {
        if (createdBy == null) return "(no history)";
        String s = createdBy.replace("/bin/sh -c #(nop) ", "").replace("/bin/sh -c ", "RUN ")
                .replace(" # buildkit", "").replaceAll("\\s+", " ").strip();
        return s.length() <= COMMAND_WIDTH ? s : s.substring(0, COMMAND_WIDTH - 3) + "...";
    }
}
