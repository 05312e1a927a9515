package dev.dockfit.cli.report;

/** Escaping for XML attribute values and text (the XML formats are small enough to write by hand). */
final class XmlText {
    private XmlText() {
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&apos;");
                case '\n' -> b.append("&#10;");
                case '\t' -> b.append("&#9;");
                case '\r' -> b.append("&#13;");
                default -> {
                    // characters XML 1.0 cannot carry at all become U+FFFD
                    if (c < 0x20 || (c >= 0xFFFE && c <= 0xFFFF) || (c >= 0xD800 && c <= 0xDFFF)) b.append('\uFFFD');
                    else b.appendCodePoint(c);
                }
            }
        });
        return b.toString();
    }
}
