package dev.dockfit.image.tar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dockfit.image.ImageException;
import java.util.ArrayDeque;
import java.util.Deque;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class EntryPathsTest {
    @Test
    void namesBecomeAbsoluteAndNormal() {
        assertThat(EntryPaths.normalize("usr/bin/env", "l")).isEqualTo("/usr/bin/env");
        assertThat(EntryPaths.normalize("/usr/bin/env", "l")).isEqualTo("/usr/bin/env");
        assertThat(EntryPaths.normalize("./a//b/./c/", "l")).isEqualTo("/a/b/c");
        assertThat(EntryPaths.normalize("usr/share/", "l")).isEqualTo("/usr/share");
        assertThat(EntryPaths.normalize("a/b/../c", "l")).isEqualTo("/a/c");
        assertThat(EntryPaths.normalize("./", "l")).isEqualTo("/");
        assertThat(EntryPaths.normalize(".hidden/..x/...", "l")).isEqualTo("/.hidden/..x/...");
    }

    @Test
    void climbingOutIsRefused() {
        assertThatThrownBy(() -> EntryPaths.normalize("../etc/passwd", "layer 1"))
                .isInstanceOf(ImageException.class).hasMessageContaining("climbs out of the image root");
        assertThatThrownBy(() -> EntryPaths.normalize("a/../../b", "layer 1")).isInstanceOf(ImageException.class);
    }

    /** The fast path for clean names gives what splitting on {@code /} and resolving segment by segment gives. */
    @Property(tries = 3000)
    void agreesWithSegmentResolution(@ForAll("names") String name) {
        String expected = resolve(name);
        if (expected == null) {
            assertThatThrownBy(() -> EntryPaths.normalize(name, "l")).isInstanceOf(ImageException.class);
        } else {
            assertThat(EntryPaths.normalize(name, "l")).as(name).isEqualTo(expected);
        }
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.of("a", "bc", ".", "..", "...", ".x", "", "/", "/", "//").list().ofMinSize(1).ofMaxSize(8)
                .map(parts -> String.join("", parts));
    }

    private static String resolve(String name) {
        Deque<String> parts = new ArrayDeque<>();
        for (String part : name.split("/")) {
            if (part.isEmpty() || part.equals(".")) continue;
            if (part.equals("..")) {
                if (parts.isEmpty()) return null;
                parts.removeLast();
            } else {
                parts.addLast(part);
            }
        }
        return "/" + String.join("/", parts);
    }
}
