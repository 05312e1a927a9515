package dev.dockfit.dockerfile.model;

/**
 * A here-document attached to RUN, COPY or ADD.
 *
 * @param name           the delimiter word, quotes removed
 * @param fileDescriptor the number before {@code <<} ({@code 3<<EOF}), 0 when absent
 * @param expand         false when the delimiter was quoted: the body is taken literally
 * @param chomp          true for {@code <<-}: leading tabs are stripped from the body and delimiter
 * @param content        the body exactly as written (leading tabs kept; see {@link #effectiveContent()})
 * @param span           from the first body line to the end of the delimiter line
 */
public record Heredoc(String name, int fileDescriptor, boolean expand, boolean chomp, String content, Span span) {

    /** The body as the build sees it: with {@code <<-} every line's leading tabs removed. */
    public String effectiveContent() {
        return chomp ? content.replaceAll("(?m)^\t+", "") : content;
    }
}
