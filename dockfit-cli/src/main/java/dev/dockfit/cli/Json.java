package dev.dockfit.cli;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The one JSON writer every command's JSON output goes through: pretty-printed, ending with a newline. */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private Json() {
    }

    /** What a streamed document writes between its generator's creation and its end. */
    @FunctionalInterface
    public interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    /**
     * Streams a document that {@code body} writes, in UTF-8, laid out as {@link #write} lays out a tree (for
     * documents too large to build as one: a lint report over thousands of files).
     */
    public static void stream(OutputStream out, Body body) {
        try {
            try (JsonGenerator g = MAPPER.createGenerator(out, JsonEncoding.UTF8)) {
                g.useDefaultPrettyPrinter();
                body.write(g);
            }
            out.write(System.lineSeparator().getBytes(StandardCharsets.UTF_8)); // as write's println
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void write(PrintWriter out, Object tree) {
        try {
            MAPPER.writeValue(out, tree);
            out.println();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
