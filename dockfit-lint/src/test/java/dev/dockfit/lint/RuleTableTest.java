package dev.dockfit.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/rules.md is the table of every rule rendered from their metadata; this fails when a rule was added or
 * changed without regenerating it (run with {@code -Ddockfit.updateDocs=true} to rewrite the file).
 */
class RuleTableTest {

    @Test
    void docsRulesMdIsUpToDate() throws Exception {
        Path root = Path.of(System.getProperty("dockfit.root", ".."));
        Path doc = root.resolve("docs/rules.md");
        String expected = RuleTable.markdown(AllRules.infos());
        if (Boolean.getBoolean("dockfit.updateDocs")) Files.writeString(doc, expected, StandardCharsets.UTF_8);
        assertThat(Files.exists(doc)).as(doc + " exists").isTrue();
        assertThat(Files.readString(doc, StandardCharsets.UTF_8))
                .as("docs/rules.md is out of date: regenerate it with ./mvnw -q -pl dockfit-lint -am test "
                        + "-Dtest=RuleTableTest -Dsurefire.failIfNoSpecifiedTests=false -Ddockfit.updateDocs=true")
                .isEqualTo(expected);
    }

    @Test
    void everyRuleHasARow() {
        String table = RuleTable.markdown(AllRules.infos());
        for (RuleInfo r : AllRules.infos()) assertThat(table).contains("| " + r.id() + " | " + r.title());
        RuleInfo apt = AllRules.infos().stream().filter(r -> r.id().equals("DF400")).findFirst().orElseThrow();
        assertThat(table).contains("| DF400 | " + apt.title() + " | image-size | info | DL3015 | DS-0029 |  |");
    }
}
