package dev.dockfit.cli.report;

import dev.dockfit.finding.Finding;
import dev.dockfit.finding.Severity;
import java.io.PrintWriter;
import java.util.List;

/** Checkstyle's XML result format (read by Jenkins' warnings plugin, reviewdog, Sonar): a file element per source. */
public final class Checkstyle {
    private Checkstyle() {
    }

    public static void write(List<CheckedSource> sources, PrintWriter out) {
        out.println("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        out.println("<checkstyle version=\"4.3\">");
        for (CheckedSource s : sources) {
            out.println("  <file name=\"" + XmlText.escape(s.path()) + "\">");
            for (Finding f : s.findings()) {
                StringBuilder e = new StringBuilder("    <error");
                if (f.location().hasPosition()) {
                    e.append(" line=\"").append(f.location().line()).append('"')
                            .append(" column=\"").append(f.location().column()).append('"');
                }
                e.append(" severity=\"").append(severity(f.severity())).append('"')
                        .append(" message=\"").append(XmlText.escape(f.message())).append('"')
                        .append(" source=\"dockfit.").append(XmlText.escape(f.rule())).append("\"/>");
                out.println(e);
            }
            out.println("  </file>");
        }
        out.println("</checkstyle>");
        out.flush();
    }

    /** Checkstyle knows error, warning and info. */
    static String severity(Severity s) {
        return switch (s) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO, STYLE -> "info";
        };
    }
}
