package dev.dockfit.cli.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ProtocolException;
import java.nio.charset.StandardCharsets;

/**
 * The lint server's answer, sent once the command has finished: a header line
 * {@code dockfit-1 SERVER_TOKEN EXIT_CODE STDERR_BYTES}, then the standard error bytes, then the standard output
 * bytes up to the end of the connection. The launcher reads the header and standard error with bash's
 * {@code read} (a byte per system call, and both are short) and copies standard output with {@code cat}. The
 * server token, which only the state file holds, shows the client that it talks to the server that file names.
 */
public record Response(int exitCode, byte[] stderr, byte[] stdout) {

    public void write(OutputStream out, String serverToken) throws IOException {
        writeHead(out, serverToken, exitCode, stderr);
        out.write(stdout);
        out.flush();
    }

    /** Writes a response whose standard output is still in chunks (a large report is not copied into one array). */
    static void write(OutputStream out, String serverToken, int exitCode, byte[] stderr, ChunkedBytes stdout) throws IOException {
        writeHead(out, serverToken, exitCode, stderr);
        stdout.writeTo(out);
        out.flush();
    }

    private static void writeHead(OutputStream out, String serverToken, int exitCode, byte[] stderr) throws IOException {
        String header = Request.MAGIC + " " + serverToken + " " + exitCode + " " + stderr.length + "\n";
        out.write(header.getBytes(StandardCharsets.US_ASCII));
        out.write(stderr);
    }

    /** Reads a response whose header must carry {@code serverToken}. */
    public static Response read(InputStream in, String serverToken) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int c; (c = in.read()) != '\n'; ) {
            if (c < 0) throw new ProtocolException("no answer from the lint server");
            if (line.size() > 200) throw new ProtocolException("not a lint server answer");
            line.write(c);
        }
        String[] header = line.toString(StandardCharsets.US_ASCII).split(" ");
        if (header.length != 4 || !header[0].equals(Request.MAGIC) || !header[1].equals(serverToken)) {
            throw new ProtocolException("not an answer of this lint server");
        }
        int exit = Integer.parseInt(header[2]);
        byte[] err = in.readNBytes(Integer.parseInt(header[3]));
        byte[] out = in.readAllBytes();
        return new Response(exit, err, out);
    }
}
