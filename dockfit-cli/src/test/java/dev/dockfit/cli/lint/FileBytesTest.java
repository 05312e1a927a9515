package dev.dockfit.cli.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FileBytesTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 4095, 4096, 65535, 65536, 65537, 200_000})
    void readsWhatReadAllBytesReads(int size) throws IOException {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        Path f = Files.write(tmp.resolve("f" + size), bytes);
        assertThat(FileBytes.read(f)).isEqualTo(Files.readAllBytes(f)).hasSize(size);
    }

    @Test
    void aBufferLeftFullByALargerFileDoesNotLeakIntoASmallerOne() throws IOException {
        Path large = Files.writeString(tmp.resolve("large"), "x".repeat(60_000));
        Path small = Files.writeString(tmp.resolve("small"), "FROM alpine\n");
        assertThat(FileBytes.read(large)).hasSize(60_000);
        assertThat(new String(FileBytes.read(small))).isEqualTo("FROM alpine\n");
    }

    @Test
    void failsAsReadAllBytesDoes() {
        assertThatThrownBy(() -> FileBytes.read(tmp)).isInstanceOf(IOException.class).hasMessageContaining("directory");
        assertThatThrownBy(() -> FileBytes.read(tmp.resolve("missing")))
                .isInstanceOf(java.nio.file.NoSuchFileException.class).hasMessage(tmp.resolve("missing").toString());
    }
}
