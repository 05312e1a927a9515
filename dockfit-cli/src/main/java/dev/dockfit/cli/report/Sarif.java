package dev.dockfit.cli.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockfit.cli.Json;
import dev.dockfit.finding.Finding;
import dev.dockfit.finding.Location;
import dev.dockfit.finding.Severity;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A SARIF 2.1.0 log with one run: the rules that fired (with their help when known) and one result per
 * finding. Columns count Unicode code points ({@code columnKind}), as dockfit's positions do.
 */
public final class Sarif {
    public static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

    /**
     * What a tool documents about a rule.
     *
     * @param title        one line ({@code shortDescription})
     * @param description  a paragraph ({@code fullDescription})
     * @param helpMarkdown the rule's help with examples; its plain-text form is derived from it
     */
    public record RuleHelp(String title, String description, String helpMarkdown) {
    }

    private Sarif() {
    }

    /**
     * @param toolVersion      printed as the driver's version
     * @param ruleDescriptions short description per rule id; rules without one use the first message seen
     */
    public static ObjectNode log(List<Finding> findings, String toolVersion, Map<String, String> ruleDescriptions) {
        Map<String, RuleHelp> help = new LinkedHashMap<>();
        ruleDescriptions.forEach((id, d) -> help.put(id, new RuleHelp(d, null, null)));
        return logWithHelp(findings, toolVersion, help);
    }

    public static ObjectNode logWithHelp(List<Finding> findings, String toolVersion, Map<String, RuleHelp> rulesHelp) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("$schema", SCHEMA);
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "dockfit").put("version", toolVersion)
                .put("informationUri", "https://github.com/dockfit/dockfit");
        Map<String, Finding> firstByRule = new LinkedHashMap<>();
        for (Finding f : findings) firstByRule.putIfAbsent(f.rule(), f);
        ArrayNode rules = driver.putArray("rules");
        Map<String, Integer> ruleIndex = new LinkedHashMap<>();
        for (Finding f : firstByRule.values()) {
            ruleIndex.put(f.rule(), ruleIndex.size());
            RuleHelp h = rulesHelp.get(f.rule());
            ObjectNode r = rules.addObject().put("id", f.rule());
            r.putObject("shortDescription").put("text", h != null && h.title() != null ? h.title() : f.message());
            if (h != null && h.description() != null) r.putObject("fullDescription").put("text", h.description());
            if (h != null && h.helpMarkdown() != null) {
                r.putObject("help").put("text", plainText(h.helpMarkdown())).put("markdown", h.helpMarkdown());
            }
            r.putObject("defaultConfiguration").put("level", level(f.severity()));
            r.putObject("properties").put("practice", f.practice().id()).putArray("tags").add(f.practice().id());
        }
        run.put("columnKind", "unicodeCodePoints");
        ArrayNode results = run.putArray("results");
        for (Finding f : findings) {
            ObjectNode r = results.addObject();
            r.put("ruleId", f.rule()).put("ruleIndex", ruleIndex.get(f.rule())).put("level", level(f.severity()));
            r.putObject("message").put("text", f.message());
            Location l = f.location();
            ObjectNode physical = r.putArray("locations").addObject().putObject("physicalLocation");
            physical.putObject("artifactLocation").put("uri", uri(l.source()));
            if (l.hasPosition()) {
                ObjectNode region = physical.putObject("region").put("startLine", l.line());
                if (l.column() > 0) region.put("startColumn", l.column());
                if (l.endLine() > 0) region.put("endLine", l.endLine());
                if (l.endColumn() > 0) region.put("endColumn", l.endColumn());
            }
            ObjectNode props = Json.MAPPER.valueToTree(f.properties());
            props.put("practice", f.practice().id()).put("severity", f.severity().id());
            r.set("properties", props);
        }
        return root;
    }

    /** A path as a relative URI reference: forward slashes, reserved characters percent-encoded. */
    static String uri(String source) {
        String path = source.replace('\\', '/');
        try {
            return new URI(null, null, path, null).toASCIIString();
        } catch (URISyntaxException e) {
            return path;
        }
    }

    private static String plainText(String markdown) {
        return markdown.replace("```dockerfile\n", "").replace("```\n", "").replace("```", "").replace("**", "");
    }

    /** SARIF has three levels: dockfit's info and style both become {@code note}. */
    public static String level(Severity s) {
        return switch (s) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO, STYLE -> "note";
        };
    }
}
