package dev.dockfit.cli.image;

import dev.dockfit.finding.Finding;
import dev.dockfit.image.analysis.Bytes;
import dev.dockfit.image.analysis.ImageReport;
import dev.dockfit.image.analysis.ImageReport.LayerReport;
import dev.dockfit.image.analysis.ImageReport.Leftover;
import dev.dockfit.image.analysis.ImageReport.WastedFile;
import java.util.Locale;

/**
 * One self-contained HTML page: an inline SVG chart of layer sizes (the wasted part of each bar in red), the
 * waste table, leftovers and findings. No scripts, fonts or images are loaded from anywhere.
 */
final class ImageHtml {
    private static final int BAR_HEIGHT = 22;
    private static final int CHART_WIDTH = 640;
    private static final int LABEL_WIDTH = 60;

    private ImageHtml() {
    }

    static String render(ImageReport r) {
        StringBuilder h = new StringBuilder(16384);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
        h.append("<title>dockfit image: ").append(esc(r.image().source())).append("</title>");
        h.append("<style>")
                .append("body{font:14px/1.45 system-ui,-apple-system,Segoe UI,sans-serif;margin:2em auto;max-width:1100px;color:#1d2433;padding:0 1em}")
                .append("h1{font-size:1.4em}h2{font-size:1.1em;margin-top:2em;border-bottom:1px solid #dde}")
                .append("table{border-collapse:collapse;width:100%}td,th{padding:.3em .6em;text-align:left;border-bottom:1px solid #eef;vertical-align:top}")
                .append("td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}code{font-size:.92em;word-break:break-all}")
                .append(".cards{display:flex;gap:1em;flex-wrap:wrap}.card{background:#f5f7fb;border-radius:8px;padding:.8em 1.2em;min-width:10em}")
                .append(".card b{display:block;font-size:1.35em}.error{color:#b3261e}.warning{color:#a15c00}.info,.style{color:#3b5b8c}")
                .append(".legend span{display:inline-block;width:.9em;height:.9em;margin:0 .3em 0 1em;vertical-align:-.1em}")
                .append("</style></head><body>\n");
        h.append("<h1>").append(esc(r.image().source())).append("</h1>\n<div class=\"cards\">");
        card(h, "layers", String.valueOf(r.layers().size()));
        card(h, "files in all layers", Bytes.human(r.totalFileBytes()));
        card(h, "reclaimable", Bytes.human(r.reclaimableBytes()));
        card(h, "efficiency", String.format(Locale.ROOT, "%.1f %%", r.efficiency() * 100));
        card(h, "user", esc(ImageTty.user(r.user())));
        card(h, "dive efficiency", String.format(Locale.ROOT, "%.2f %%", r.dive().efficiency() * 100));
        h.append("</div>\n");

        h.append("<h2>Layer sizes</h2>\n");
        chart(h, r);
        h.append("<table><tr><th>#</th><th>stored</th><th>tar</th><th>wasted</th><th>line</th><th>created by</th></tr>\n");
        for (LayerReport l : r.layers()) {
            h.append("<tr><td class=\"n\">").append(l.index()).append(l.base() ? " (base)" : "").append("</td><td class=\"n\">")
                    .append(Bytes.human(l.compressedBytes())).append("</td><td class=\"n\">")
                    .append(Bytes.human(l.uncompressedBytes())).append("</td><td class=\"n\">")
                    .append(l.wastedBytes() == 0 ? "-" : Bytes.human(l.wastedBytes())).append("</td><td class=\"n\">")
                    .append(l.dockerfileLine() > 0 ? String.valueOf(l.dockerfileLine()) : "").append("</td><td><code>")
                    .append(esc(ImageTty.shorten(l.createdBy()))).append("</code></td></tr>\n");
        }
        h.append("</table>\n");

        h.append("<h2>Wasted files</h2>\n");
        if (r.wastedFiles().isEmpty()) {
            h.append("<p>No file is stored in one layer and hidden by a later one.</p>\n");
        } else {
            h.append("<table><tr><th>bytes</th><th>layers</th><th>path</th></tr>\n");
            for (WastedFile w : r.wastedFiles()) {
                h.append("<tr><td class=\"n\">").append(Bytes.human(w.bytes())).append("</td><td>")
                        .append(esc(w.layers().toString())).append("</td><td><code>").append(esc(w.path()))
                        .append("</code></td></tr>\n");
            }
            h.append("</table>\n");
        }
        if (!r.leftovers().isEmpty()) {
            h.append("<h2>Build leftovers</h2>\n<table><tr><th>kind</th><th>bytes</th><th>layer</th><th>what</th></tr>\n");
            for (Leftover l : r.leftovers()) {
                h.append("<tr><td>").append(esc(l.kind())).append("</td><td class=\"n\">").append(Bytes.human(l.bytes()))
                        .append("</td><td class=\"n\">").append(l.layer()).append("</td><td><code>")
                        .append(esc(l.kind().equals("dev-package") ? l.what() : l.path())).append("</code></td></tr>\n");
            }
            h.append("</table>\n");
        }
        h.append("<h2>Findings</h2>\n");
        if (r.findings().isEmpty()) {
            h.append("<p>No findings.</p>\n");
        } else {
            h.append("<table><tr><th>severity</th><th>rule</th><th>practice</th><th>message</th></tr>\n");
            for (Finding f : r.findings()) {
                h.append("<tr><td class=\"").append(f.severity().id()).append("\">").append(f.severity().id())
                        .append("</td><td>").append(esc(f.rule())).append("</td><td>").append(esc(f.practice().id()))
                        .append("</td><td>").append(esc(f.message())).append("</td></tr>\n");
            }
            h.append("</table>\n");
        }
        h.append("</body></html>\n");
        return h.toString();
    }

    /** Horizontal bars, one per layer, scaled to the largest; red is the part later layers hide. */
    private static void chart(StringBuilder h, ImageReport r) {
        long max = 1;
        for (LayerReport l : r.layers()) max = Math.max(max, l.fileBytes());
        int height = r.layers().size() * BAR_HEIGHT + 10;
        int barSpace = CHART_WIDTH - LABEL_WIDTH - 90;
        h.append("<p class=\"legend\"><span style=\"background:#4f7cc9\"></span>files kept"
                + "<span style=\"background:#d9534f\"></span>wasted (hidden later)</p>\n");
        h.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"layer sizes\" width=\"")
                .append(CHART_WIDTH).append("\" height=\"").append(height).append("\" viewBox=\"0 0 ")
                .append(CHART_WIDTH).append(' ').append(height).append("\">\n");
        int y = 5;
        for (LayerReport l : r.layers()) {
            int total = (int) Math.round((double) l.fileBytes() / max * barSpace);
            int wasted = (int) Math.round((double) Math.min(l.wastedBytes(), l.fileBytes()) / max * barSpace);
            h.append("<text x=\"0\" y=\"").append(y + 15).append("\" font-size=\"12\">layer ").append(l.index())
                    .append("</text>");
            h.append("<rect x=\"").append(LABEL_WIDTH).append("\" y=\"").append(y).append("\" width=\"")
                    .append(Math.max(total - wasted, 0)).append("\" height=\"").append(BAR_HEIGHT - 6)
                    .append("\" fill=\"").append(l.base() ? "#9fb3d9" : "#4f7cc9").append("\"><title>")
                    .append(esc(ImageTty.shorten(l.createdBy()))).append("</title></rect>");
            if (wasted > 0) {
                h.append("<rect x=\"").append(LABEL_WIDTH + total - wasted).append("\" y=\"").append(y)
                        .append("\" width=\"").append(wasted).append("\" height=\"").append(BAR_HEIGHT - 6)
                        .append("\" fill=\"#d9534f\"/>");
            }
            h.append("<text x=\"").append(LABEL_WIDTH + total + 6).append("\" y=\"").append(y + 13)
                    .append("\" font-size=\"11\">").append(Bytes.human(l.fileBytes())).append("</text>\n");
            y += BAR_HEIGHT;
        }
        h.append("</svg>\n");
    }

    private static void card(StringBuilder h, String label, String value) {
        h.append("<div class=\"card\">").append(label).append("<b>").append(value).append("</b></div>");
    }

    static String esc(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
