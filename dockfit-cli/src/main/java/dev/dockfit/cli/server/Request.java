package dev.dockfit.cli.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ProtocolException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request to the lint server, as the launcher writes it with bash's {@code printf '%s\0'}: NUL-terminated fields
 * {@code dockfit-1}, token, operation ({@code run}, {@code status} or {@code stop}), working directory, terminal
 * flags (three of {@code 0}/{@code 1}: standard input, output, error), the number of environment entries, the
 * entries ({@code NAME=value}), the number of arguments, the arguments. Text is in the platform's encoding
 * ({@code sun.jnu.encoding}), the one the JVM decodes its own command line with. The operation {@code run-argv} is
 * a {@code run} whose arguments the server reads from the client process ({@link ClientArguments}): after the
 * environment come the client's process id, the number of arguments, the first and the last.
 *
 * @param ttys three characters, {@code 1} where standard input, output or error is a terminal
 */
public record Request(String token, String op, String cwd, String ttys, Map<String, String> env, List<String> args) {

    public static final String MAGIC = "dockfit-1";
    static final String RUN_ARGV = "run-argv";
    /** Requests are a command line and a few variables; anything larger is not from the launcher. */
    static final int MAX_BYTES = 1 << 20;
    private static final int MAX_ITEMS = 100_000;

    public Request {
        env = Map.copyOf(env);
        args = List.copyOf(args);
    }

    /** Standard input and output are both terminals: what a direct run sees as {@code System.console() != null}. */
    boolean console() {
        return ttys.length() == 3 && ttys.charAt(0) == '1' && ttys.charAt(1) == '1';
    }

    public void write(OutputStream out, Charset charset) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        List<String> fields = new ArrayList<>(List.of(MAGIC, token, op, cwd, ttys, String.valueOf(env.size())));
        env.forEach((k, v) -> fields.add(k + "=" + v));
        fields.add(String.valueOf(args.size()));
        fields.addAll(args);
        for (String f : fields) {
            b.write(f.getBytes(charset));
            b.write(0);
        }
        b.writeTo(out);
        out.flush();
    }

    /** Reads one request; a malformed or oversized one is a {@link ProtocolException}. */
    public static Request read(InputStream in, Charset charset) throws IOException {
        Fields f = new Fields(in, charset);
        if (!MAGIC.equals(f.next())) throw new ProtocolException("not a dockfit request");
        String token = f.next();
        String op = f.next();
        String cwd = f.next();
        String ttys = f.next();
        Map<String, String> env = new LinkedHashMap<>();
        for (int i = f.count(); i > 0; i--) {
            String entry = f.next();
            int eq = entry.indexOf('=');
            if (eq <= 0) throw new ProtocolException("bad environment entry");
            env.put(entry.substring(0, eq), entry.substring(eq + 1));
        }
        if (op.equals(RUN_ARGV)) {
            String pid = f.next();
            int count = f.count();
            String first = f.next();
            String last = f.next();
            try {
                return new Request(token, "run", cwd, ttys, env, ClientArguments.read(Long.parseLong(pid), count, first, last, charset));
            } catch (NumberFormatException e) {
                throw new ProtocolException("bad process id " + pid);
            }
        }
        List<String> args = new ArrayList<>();
        for (int i = f.count(); i > 0; i--) args.add(f.next());
        return new Request(token, op, cwd, ttys, env, args);
    }

    /**
     * The NUL-terminated fields of a request, within {@link #MAX_BYTES}. Read in blocks and scanned in place: a
     * byte-at-a-time read of a 2,500-path request cost about 8 ms. Reads past the request are harmless: the client
     * sends nothing more until it has the answer.
     */
    private static final class Fields {
        private final InputStream in;
        private final Charset charset;
        private byte[] buf = new byte[1 << 16];
        /** Unread bytes are buf[start, end). */
        private int start;
        private int end;
        private int total;

        Fields(InputStream in, Charset charset) {
            this.in = in;
            this.charset = charset;
        }

        String next() throws IOException {
            for (int scanned = start; ; ) {
                for (int i = scanned; i < end; i++) {
                    if (buf[i] == 0) {
                        String field = new String(buf, start, i - start, charset);
                        start = i + 1;
                        return field;
                    }
                }
                scanned = end - start; // every unread byte was scanned; fill() moves them to the front
                fill();
            }
        }

        /** Moves the unread bytes to the front (growing the buffer if they fill it) and reads more after them. */
        private void fill() throws IOException {
            int unread = end - start;
            if (unread == buf.length) buf = Arrays.copyOf(buf, buf.length * 2);
            System.arraycopy(buf, start, buf, 0, unread);
            start = 0;
            end = unread;
            int n = in.read(buf, end, buf.length - end);
            if (n < 0) throw new ProtocolException("request ends early");
            total += n;
            if (total > MAX_BYTES) throw new ProtocolException("request too large");
            end += n;
        }

        int count() throws IOException {
            String s = next();
            try {
                int n = Integer.parseInt(s);
                if (n < 0 || n > MAX_ITEMS) throw new ProtocolException("bad count " + s);
                return n;
            } catch (NumberFormatException e) {
                throw new ProtocolException("bad count " + s);
            }
        }
    }
}
