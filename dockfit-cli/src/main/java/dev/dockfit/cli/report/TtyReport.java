package dev.dockfit.cli.report;

import dev.dockfit.finding.Finding;
import dev.dockfit.finding.Location;
import dev.dockfit.finding.Severity;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Findings for people: grouped by file, each with a code frame (the source lines it covers and carets under
 * its columns), and a summary line with the counts by severity. ANSI colour only when asked for.
 */
public final class TtyReport {
    /** Lines of a multi-line finding shown before eliding the rest. */
    private static final int MAX_FRAME_LINES = 3;

    private final PrintWriter out;
    private final boolean color;

    private TtyReport(PrintWriter out, boolean color) {
        this.out = out;
        this.color = color;
    }

    public static void write(List<CheckedSource> sources, PrintWriter out, boolean color) {
        new TtyReport(out, color).write(sources);
    }

    private void write(List<CheckedSource> sources) {
        for (CheckedSource s : sources) {
            if (s.findings().isEmpty()) continue;
            out.println(paint("1;4", s.path()));
            for (Finding f : s.findings()) finding(s, f);
            out.println();
        }
        summary(sources);
        out.flush();
    }

    private void finding(CheckedSource s, Finding f) {
        Location l = f.location();
        String where = l.hasPosition() ? l.line() + ":" + l.column() : "-";
        out.println("  " + paint("2", where) + "  " + paint(colour(f.severity()), f.severity().id()) + "  "
                + f.message() + "  " + paint("2", f.rule() + " " + f.practice().id()));
        if (!l.hasPosition()) return;
        int last = Math.max(l.line(), l.endLine());
        // an exclusive end at column 1 means the range stops at the end of the line before
        if (last > l.line() && l.endColumn() <= 1) last--;
        int width = String.valueOf(Math.min(last, l.line() + MAX_FRAME_LINES - 1)).length();
        for (int n = l.line(); n <= last; n++) {
            if (n - l.line() == MAX_FRAME_LINES) {
                out.println("    " + " ".repeat(width) + paint("2", " | ") + paint("2", "..."));
                break;
            }
            String text = s.line(n);
            int from = n == l.line() ? Math.max(1, l.column()) : firstNonBlank(text);
            int to = n == l.endLine() && l.endColumn() > 0 ? l.endColumn() : codePoints(text) + 1;
            out.println("    " + paint("2", pad(n, width) + " | ") + text);
            out.println("    " + " ".repeat(width) + paint("2", " | ") + prefix(text, from)
                    + paint(colour(f.severity()), "^".repeat(Math.max(1, to - from))));
        }
    }

    private void summary(List<CheckedSource> sources) {
        List<Finding> all = CheckedSource.allFindings(sources);
        String files = sources.size() + (sources.size() == 1 ? " file" : " files");
        if (all.isEmpty()) {
            out.println(paint("32", "no findings") + " in " + files);
            return;
        }
        SeverityCounts c = SeverityCounts.of(all);
        List<String> parts = new ArrayList<>();
        for (Severity s : Severity.values()) {
            String text = c.get(s) + " " + s.id() + (s == Severity.ERROR || s == Severity.WARNING ? plural(c.get(s)) : "");
            parts.add(c.get(s) > 0 ? paint(colour(s), text) : text);
        }
        long withFindings = sources.stream().filter(s -> !s.findings().isEmpty()).count();
        out.println(all.size() + (all.size() == 1 ? " finding" : " findings") + " (" + String.join(", ", parts)
                + ") in " + withFindings + " of " + files);
    }

    /** The line's characters before a column, with tabs kept so the carets line up under them. */
    private static String prefix(String text, int column) {
        StringBuilder b = new StringBuilder();
        int[] cps = text.codePoints().limit(Math.max(0, column - 1)).toArray();
        for (int cp : cps) b.append(cp == '\t' ? '\t' : ' ');
        for (int i = cps.length; i < column - 1; i++) b.append(' ');
        return b.toString();
    }

    private static int firstNonBlank(String text) {
        int[] cps = text.codePoints().toArray();
        for (int i = 0; i < cps.length; i++) if (!Character.isWhitespace(cps[i])) return i + 1;
        return 1;
    }

    private static int codePoints(String text) {
        return (int) text.codePoints().count();
    }

    private static String pad(int n, int width) {
        String s = String.valueOf(n);
        return " ".repeat(Math.max(0, width - s.length())) + s;
    }

    private static String plural(int n) {
        return n == 1 ? "" : "s";
    }

    private static String colour(Severity s) {
        return switch (s) {
            case ERROR -> "1;31";
            case WARNING -> "33";
            case INFO -> "36";
            case STYLE -> "35";
        };
    }

    private String paint(String sgr, String text) {
        return color ? "\u001b[" + sgr + "m" + text + "\u001b[0m" : text;
    }
}
