package dev.dockfit.image.packages;

/** Path spelling shared by the package parsers: relative to the image root, {@code /}-separated, no leading {@code ./} or {@code /}. */
final class PackagePaths {

    private PackagePaths() {
    }

    static String normalize(String path) {
        String p = path.replace('\\', '/');
        while (p.startsWith("./") || p.startsWith("/")) p = p.startsWith("./") ? p.substring(2) : p.substring(1);
        return p;
    }
}
