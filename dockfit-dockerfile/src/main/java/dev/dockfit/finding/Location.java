package dev.dockfit.finding;

/**
 * Where a finding points: a file (or image reference) and a 1-based line/column range.
 * Line 0 means the finding concerns the whole source (an image, a file with no position).
 */
public record Location(String source, int line, int column, int endLine, int endColumn) {

    public static Location whole(String source) {
        return new Location(source, 0, 0, 0, 0);
    }

    public boolean hasPosition() {
        return line > 0;
    }
}
