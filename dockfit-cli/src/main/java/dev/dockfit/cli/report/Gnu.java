package dev.dockfit.cli.report;

import dev.dockfit.finding.Finding;
import dev.dockfit.finding.Location;
import java.io.PrintWriter;
import java.util.List;

/** GNU's error format, one finding a line ({@code file:line:col: severity: message [rule]}), read by editors. */
public final class Gnu {
    private Gnu() {
    }

    public static void write(List<CheckedSource> sources, PrintWriter out) {
        for (Finding f : CheckedSource.allFindings(sources)) {
            Location l = f.location();
            String where = l.hasPosition() ? l.source() + ":" + l.line() + ":" + l.column() : l.source();
            out.println(where + ": " + f.severity().id() + ": " + f.message() + " [" + f.rule() + "]");
        }
        out.flush();
    }
}
