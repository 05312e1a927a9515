package dev.dockfit.cli.report;

import dev.dockfit.finding.Finding;
import dev.dockfit.finding.Location;
import java.io.PrintWriter;
import java.util.List;

/**
 * JUnit XML, as CI servers display test results: a test suite per source, a failed test case per finding,
 * and one passing test case for a source without findings.
 */
public final class Junit {
    private Junit() {
    }

    public static void write(List<CheckedSource> sources, PrintWriter out) {
        int failures = CheckedSource.allFindings(sources).size();
        int tests = sources.stream().mapToInt(s -> Math.max(1, s.findings().size())).sum();
        out.println("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        out.println("<testsuites name=\"dockfit lint\" tests=\"" + tests + "\" failures=\"" + failures + "\" errors=\"0\">");
        for (CheckedSource s : sources) {
            String file = XmlText.escape(s.path());
            out.println("  <testsuite name=\"" + file + "\" tests=\"" + Math.max(1, s.findings().size())
                    + "\" failures=\"" + s.findings().size() + "\" errors=\"0\" skipped=\"0\">");
            if (s.findings().isEmpty()) out.println("    <testcase name=\"no findings\" classname=\"" + file + "\"/>");
            for (Finding f : s.findings()) {
                Location l = f.location();
                String where = l.hasPosition() ? l.source() + ":" + l.line() + ":" + l.column() : l.source();
                out.println("    <testcase name=\"" + XmlText.escape(f.rule() + " " + where) + "\" classname=\"" + file + "\">");
                out.println("      <failure message=\"" + XmlText.escape(f.message()) + "\" type=\"" + f.severity().id() + "\">"
                        + XmlText.escape(where + ": " + f.severity().id() + " " + f.rule() + " (" + f.practice().id()
                        + "): " + f.message()) + "</failure>");
                out.println("    </testcase>");
            }
            out.println("  </testsuite>");
        }
        out.println("</testsuites>");
        out.flush();
    }
}
