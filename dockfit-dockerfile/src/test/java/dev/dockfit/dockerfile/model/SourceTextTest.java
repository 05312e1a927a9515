package dev.dockfit.dockerfile.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SourceTextTest {

    @Test
    void keepsItsOwnCopyOfTheBytes() {
        byte[] bytes = "FROM a\n".getBytes(StandardCharsets.UTF_8);
        SourceText source = SourceText.of(bytes);
        bytes[0] = 'X';
        assertThat(source.bytes()).isEqualTo("FROM a\n".getBytes(StandardCharsets.UTF_8));
        assertThat(source.byteView()).isEqualTo("FROM a\n");
    }

    @Test
    void indexesLinesAndCountsCodePointsInColumns() {
        SourceText source = SourceText.of("\uFEFFFROM a\r\nLABEL x=\"\u2665\" y\n\nRUN z");
        assertThat(source.isAscii()).isFalse();
        assertThat(source.lineCount()).isEqualTo(4);
        assertThat(source.lineStart(2)).isEqualTo(11);
        assertThat(source.lineContentEnd(1)).isEqualTo(9);
        assertThat(source.lineContentEnd(4)).isEqualTo(source.length());
        assertThat(source.position(3)).isEqualTo(new Position(1, 1, 3)); // after the BOM
        int y = source.byteView().indexOf(" y") + 1;
        assertThat(source.position(y).column()).isEqualTo(13); // the heart is 3 bytes, 1 column
        assertThat(source.text(new Span(11, y))).isEqualTo("LABEL x=\"\u2665\" ");
    }

    @Test
    void anAsciiFileCountsBytesAsColumns() {
        SourceText source = SourceText.of("FROM a\nRUN  b\n");
        assertThat(source.isAscii()).isTrue();
        assertThat(source.position(12)).isEqualTo(new Position(2, 6, 12));
        assertThat(source.position(source.length())).isEqualTo(new Position(3, 1, 14));
    }
}
