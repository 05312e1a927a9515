package dev.dockfit.lint.fix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockfit.dockerfile.model.Span;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class EditApplierTest {

    private static String apply(String source, TextEdit... edits) {
        return new String(EditApplier.apply(source.getBytes(StandardCharsets.UTF_8), List.of(edits)), StandardCharsets.UTF_8);
    }

    @Test
    void editsApplyByOffsetWhateverTheirOrder() {
        assertThat(apply("abcdef", new TextEdit(new Span(4, 5), "E"), new TextEdit(new Span(0, 1), "A"),
                new TextEdit(new Span(2, 2), "+"))).isEqualTo("Ab+cdEf");
    }

    @Test
    void lineBreaksInReplacementsFollowTheFile() {
        assertThat(apply("a\r\nb\r\n", new TextEdit(new Span(3, 3), "x\ny\n"))).isEqualTo("a\r\nx\r\ny\r\nb\r\n");
        assertThat(apply("a\nb\n", new TextEdit(new Span(2, 2), "x\r\n"))).isEqualTo("a\nx\nb\n");
    }

    @Test
    void conflictsAreOverlapsAndInsertionsAtTheSameOffset() {
        assertThat(EditApplier.conflict(new TextEdit(new Span(0, 3), ""), new TextEdit(new Span(2, 4), ""))).isTrue();
        assertThat(EditApplier.conflict(new TextEdit(new Span(3, 3), "a"), new TextEdit(new Span(3, 3), "b"))).isTrue();
        assertThat(EditApplier.conflict(new TextEdit(new Span(2, 2), "a"), new TextEdit(new Span(0, 4), ""))).isTrue();
        assertThat(EditApplier.conflict(new TextEdit(new Span(0, 2), ""), new TextEdit(new Span(2, 4), ""))).isFalse();
        assertThat(EditApplier.conflict(new TextEdit(new Span(4, 4), "a"), new TextEdit(new Span(0, 4), ""))).isFalse();
    }
}
