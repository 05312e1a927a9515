package dev.dockfit.finding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FindingTest {
    private static Finding with(Map<String, Object> properties) {
        return new Finding("DF000", Severity.INFO, Practice.IMAGE_SIZE, "m", Location.whole("x"), false, properties);
    }

    @Test
    void propertiesIterateInKeyOrderWhateverTheCallerBuilt() {
        Map<String, Object> built = new LinkedHashMap<>();
        built.put("path", "/a");
        built.put("bytes", 3L);
        built.put("layer", 2);
        assertThat(with(built).properties().keySet()).containsExactly("bytes", "layer", "path");
        assertThat(with(Map.of("z", 1, "a", 2, "m", 3)).properties().keySet()).containsExactly("a", "m", "z");
    }

    @Test
    void propertiesAreACopyThatCannotChange() {
        Map<String, Object> built = new LinkedHashMap<>(Map.of("a", 1));
        Finding f = with(built);
        built.put("b", 2);
        assertThat(f.properties()).containsOnlyKeys("a");
        assertThatThrownBy(() -> f.properties().put("c", 3)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(with(null).properties()).isEmpty();
        assertThat(f.withSeverity(Severity.ERROR).properties()).isEqualTo(f.properties());
    }
}
