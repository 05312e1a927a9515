package dev.dockfit.cli.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Requests read back as written, however the socket splits them, and bad ones fail as protocol errors. */
class RequestTest {
    @Property(tries = 100)
    void aRequestReadsBackWhateverTheReadSizes(@ForAll("arguments") List<String> args, @ForAll @IntRange(min = 1, max = 70_000) int chunk,
                                               @ForAll long seed) throws IOException {
        Request r = new Request("token", "run", "/work/dir ü", "010", Map.of("HOME", "/home/é", "NO_COLOR", ""), args);
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        r.write(b, StandardCharsets.UTF_8);
        assertThat(Request.read(new Trickle(b.toByteArray(), chunk, seed), StandardCharsets.UTF_8)).isEqualTo(r);
    }

    @Provide
    Arbitrary<List<String>> arguments() {
        Arbitrary<String> arg = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(60, Arbitraries.strings().withChars("abcé/ -.€").ofMaxLength(40)),
                net.jqwik.api.Tuple.of(1, Arbitraries.strings().withChars("xyz").ofMinLength(66_000).ofMaxLength(90_000))); // > a block
        return arg.list().ofMaxSize(300).filter(l -> l.stream().mapToInt(String::length).sum() < 900_000);
    }

    @Property(tries = 30)
    void aTruncatedRequestIsAProtocolError(@ForAll @IntRange(min = 0, max = 60) int cut) throws IOException {
        Request r = new Request("token", "run", "/w", "000", Map.of(), List.of("lint", "Dockerfile"));
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        r.write(b, StandardCharsets.UTF_8);
        byte[] bytes = b.toByteArray();
        byte[] truncated = Arrays.copyOf(bytes, Math.min(cut, bytes.length - 1));
        assertThatThrownBy(() -> Request.read(new ByteArrayInputStream(truncated), StandardCharsets.UTF_8))
                .isInstanceOf(ProtocolException.class);
    }

    @Property(tries = 5)
    void anOversizedRequestIsRefused(@ForAll @IntRange(min = 1, max = 70_000) int chunk) {
        byte[] big = new byte[Request.MAX_BYTES + 10];
        Arrays.fill(big, (byte) 'a');
        assertThatThrownBy(() -> Request.read(new Trickle(big, chunk, 1), StandardCharsets.UTF_8))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("too large");
    }

    /** Hands out at most {@code chunk} bytes per read, sometimes fewer, as a socket does. */
    private static final class Trickle extends InputStream {
        private final byte[] data;
        private final int chunk;
        private final Random random;
        private int pos;

        Trickle(byte[] data, int chunk, long seed) {
            this.data = data;
            this.chunk = chunk;
            this.random = new Random(seed);
        }

        @Override
        public int read() {
            return pos < data.length ? data[pos++] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (pos >= data.length) return -1;
            int n = Math.min(Math.min(len, data.length - pos), 1 + random.nextInt(chunk));
            System.arraycopy(data, pos, b, off, n);
            pos += n;
            return n;
        }
    }

    /** A run-argv request as the launcher writes it: the arguments are the last {@code count} of process {@code pid}. */
    static byte[] runArgv(long pid, int count, String first, String last) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (String f : List.of("dockfit-1", "token", "run-argv", "/w", "000", "1", "HOME=/h", Long.toString(pid),
                Integer.toString(count), first, last)) {
            b.writeBytes(f.getBytes(StandardCharsets.UTF_8));
            b.write(0);
        }
        return b.toByteArray();
    }

    @org.junit.jupiter.api.Test
    void aRunArgvRequestTakesTheArgumentsFromTheClientsCommandLine() throws IOException {
        java.nio.file.Path cmdline = java.nio.file.Path.of("/proc/self/cmdline");
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isReadable(cmdline), "NO /proc: run-argv is not used here; skipped");
        List<String> own = Arrays.asList(new String(java.nio.file.Files.readAllBytes(cmdline), StandardCharsets.UTF_8).split("\0"));
        long pid = ProcessHandle.current().pid();
        List<String> lastThree = own.subList(own.size() - 3, own.size());
        Request r = Request.read(new ByteArrayInputStream(runArgv(pid, 3, lastThree.get(0), lastThree.get(2))), StandardCharsets.UTF_8);
        assertThat(r).isEqualTo(new Request("token", "run", "/w", "000", Map.of("HOME", "/h"), lastThree));
        // what the client announced must be what its command line holds
        assertThatThrownBy(() -> Request.read(new ByteArrayInputStream(runArgv(pid, 3, "lint", lastThree.get(2))), StandardCharsets.UTF_8))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("not the ones announced");
        assertThatThrownBy(() -> Request.read(new ByteArrayInputStream(runArgv(pid, own.size() + 1, "a", "b")), StandardCharsets.UTF_8))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("fewer than");
        assertThatThrownBy(() -> Request.read(new ByteArrayInputStream(runArgv(Long.MAX_VALUE, 1, "a", "b")), StandardCharsets.UTF_8))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("cannot read the arguments");
    }
}
