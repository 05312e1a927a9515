package dev.dockfit.cli.server;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.Charset;

/** Sends one request to the server a state file names, as the launcher does in bash; {@code server stop|status} and tests use it. */
public final class ServerClient {
    private ServerClient() {
    }

    /** The server's response; an IOException when there is no server on that port or it refused the request. */
    public static Response send(ServerState state, Request request) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), state.port())) {
            Charset charset = Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8"));
            request.write(new BufferedOutputStream(s.getOutputStream()), charset);
            return Response.read(new BufferedInputStream(s.getInputStream()), state.serverToken());
        }
    }
}
