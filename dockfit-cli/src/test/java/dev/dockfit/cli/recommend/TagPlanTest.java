package dev.dockfit.cli.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TagPlanTest {

    private static final List<String> NODE = List.of("latest", "lts", "slim", "alpine", "bookworm", "bookworm-slim",
            "18", "18.19.0", "18.20.4", "18.20.4-slim", "18.20.4-alpine3.19", "18.20.4-alpine3.20", "18.20.4-bookworm-slim",
            "20.1.0", "20.17.0", "20.17.0-slim", "22.9.0", "22.9.0-alpine3.20", "23.0.0-rc1", "18.20.5-rc1");

    @Test
    void minorMajorAndAlternativesFollowTheTagGrammar() {
        TagPlan plan = TagPlan.of("18.19.0", NODE);
        assertThat(plan.minorUpgrades()).containsExactly("18.20.4");
        assertThat(plan.majorUpgrades()).containsExactly("22.9.0", "20.17.0");
        // newest of each variant family in major 18: alpine3.20 over alpine3.19, bookworm-slim apart from slim
        assertThat(plan.alternatives()).containsExactlyInAnyOrder("18.20.4-slim", "18.20.4-alpine3.20", "18.20.4-bookworm-slim");
    }

    @Test
    void aVariantKeepsItsVariantAndPreReleasesAreNeverProposed() {
        TagPlan plan = TagPlan.of("18.20.4-slim", NODE);
        assertThat(plan.minorUpgrades()).isEmpty();
        assertThat(plan.majorUpgrades()).containsExactly("20.17.0-slim");
        assertThat(plan.alternatives()).contains("18.20.4", "18.20.4-alpine3.20").doesNotContain("18.20.5-rc1");
    }

    @Test
    void jreJdkAndDistrolessVariants() {
        List<String> tags = List.of("17-jdk", "17-jre", "17.0.12_7-jdk", "17.0.12_7-jre", "21.0.4_7-jre", "21.0.4_7-jdk",
                "nonroot", "debug", "debug-nonroot", "12-nonroot");
        TagPlan plan = TagPlan.of("17-jdk", tags);
        assertThat(plan.current().variant()).isEqualTo("jdk");
        assertThat(plan.minorUpgrades()).containsExactly("17.0.12_7-jdk");
        assertThat(plan.majorUpgrades()).containsExactly("21.0.4_7-jdk");
        assertThat(plan.alternatives()).containsExactly("17.0.12_7-jre");
        assertThat(TagPlan.of("nonroot", tags).current().variant()).isEqualTo("nonroot");
    }
}
