package dev.dockfit.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockfit.cli.Json;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The report's printer lays out what Jackson's default printer lays out, at every depth. */
class ReportPrettyPrinterTest {
    static String written(DefaultPrettyPrinter printer, Object value) throws Exception {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = Json.MAPPER.createGenerator(out)) {
            g.setPrettyPrinter(printer);
            Json.MAPPER.writeValue(g, value);
        }
        return out.toString();
    }

    @Test
    void sameBytesAsTheDefaultPrinter() throws Exception {
        ObjectNode deep = Json.MAPPER.createObjectNode();
        ObjectNode at = deep;
        for (int i = 0; i < 20; i++) { // past the printer's 16 encoded levels
            at.put("n" + i, i).putArray("a" + i).add("x").addObject().put("k", "v \"q\" é");
            at.putObject("empty");
            at = at.putObject("next");
        }
        for (Object value : List.of(deep, Map.of(), List.of(), Map.of("a", List.of(1, Map.of("b", List.of()))))) {
            assertThat(written(new ReportPrettyPrinter(), value)).isEqualTo(written(new DefaultPrettyPrinter(), value));
        }
    }
}
