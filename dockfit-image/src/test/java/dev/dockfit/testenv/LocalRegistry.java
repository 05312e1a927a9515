package dev.dockfit.testenv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Debian's {@code docker-registry} (CNCF distribution 2.x) serving plain HTTP on 127.0.0.1 with a free port and a
 * temporary storage directory, optionally behind basic auth (bcrypt htpasswd made by apache2-utils' htpasswd) or
 * bearer-token auth (a {@link TokenServer} in this JVM). Closing it stops the registry and deletes its storage.
 */
public final class LocalRegistry implements AutoCloseable {
  private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(30);
  private static final int START_ATTEMPTS = 3;
  private static final String SERVICE = "dockfit-test-registry";
  private static final String ISSUER = "dockfit-test-token-issuer";

  private final Path workDir;
  private final Credentials credentials;
  private final TokenServer tokenServer;
  private final int port;
  private final Process process;
  private final Thread shutdownHook;

  private LocalRegistry(Path workDir, Credentials credentials, TokenServer tokenServer, int port, Process process) {
    this.workDir = workDir;
    this.credentials = credentials;
    this.tokenServer = tokenServer;
    this.port = port;
    this.process = process;
    this.shutdownHook = new Thread(process::destroyForcibly, "stop docker-registry on 127.0.0.1:" + port);
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /** A registry anyone may push to and pull from. */
  public static LocalRegistry start() {
    return start(null, false);
  }

  /** A registry that answers 401 unless the request carries {@code credentials} by HTTP basic auth. */
  public static LocalRegistry startWithBasicAuth(Credentials credentials) {
    return start(credentials, false);
  }

  /** A registry that only accepts bearer tokens, which its token server gives to {@code credentials}. */
  public static LocalRegistry startWithTokenAuth(Credentials credentials) {
    return start(credentials, true);
  }

  private static LocalRegistry start(Credentials credentials, boolean tokenAuth) {
    Path workDir = null;
    TokenServer tokenServer = null;
    try {
      workDir = Files.createTempDirectory("dockfit-registry-");
      String authYaml = "";
      if (tokenAuth) {
        tokenServer = TokenServer.start(credentials, SERVICE, ISSUER, workDir);
        authYaml = "auth:\n  token:\n    realm: " + yaml(tokenServer.realm().toString())
            + "\n    service: " + yaml(SERVICE) + "\n    issuer: " + yaml(ISSUER)
            + "\n    rootcertbundle: " + yaml(tokenServer.rootCertBundle().toString()) + "\n";
      } else if (credentials != null) {
        Path htpasswd = workDir.resolve("htpasswd");
        String line = Command.run(List.of(Tools.path("htpasswd"), "-B", "-b", "-n",
            credentials.user(), credentials.password()), Duration.ofSeconds(30)).stdout().strip();
        Files.writeString(htpasswd, line + "\n");
        authYaml = "auth:\n  htpasswd:\n    realm: " + yaml(SERVICE) + "\n    path: " + yaml(htpasswd.toString()) + "\n";
      }
      RuntimeException lastFailure = null;
      for (int attempt = 0; attempt < START_ATTEMPTS; attempt++) {
        int port = freePort();
        try {
          Process process = launch(workDir, port, authYaml);
          return new LocalRegistry(workDir, credentials, tokenServer, port, process);
        } catch (IllegalStateException e) {
          lastFailure = e; // most likely another process took the port between probe and bind: try another
        }
      }
      throw lastFailure;
    } catch (IOException | RuntimeException e) {
      if (tokenServer != null) {
        tokenServer.close();
      }
      FileTrees.delete(workDir);
      if (e instanceof IOException io) {
        throw new UncheckedIOException("cannot start docker-registry", io);
      }
      throw (RuntimeException) e;
    }
  }

  private static Process launch(Path workDir, int port, String authYaml) throws IOException {
    Path config = workDir.resolve("config-" + port + ".yml");
    Files.writeString(config, "version: 0.1\n"
        + "log:\n  level: info\n  formatter: text\n"
        + "storage:\n  filesystem:\n    rootdirectory: " + yaml(workDir.resolve("storage").toString()) + "\n"
        + "  delete:\n    enabled: true\n"
        + "http:\n  addr: " + yaml("127.0.0.1:" + port) + "\n  secret: " + yaml(UUID.randomUUID().toString()) + "\n"
        + authYaml);
    Path log = workDir.resolve("registry-" + port + ".log");
    ProcessBuilder builder = new ProcessBuilder(Tools.path("docker-registry"), "serve", config.toString())
        .redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().keySet().removeIf(name -> name.startsWith("REGISTRY_")); // they override the config
    Process process = builder.start();
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("docker-registry exited with code " + process.exitValue() + " on port "
            + port + ":\n" + Command.tail(log));
      }
      try {
        int status = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v2/")).build(),
            HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status == 200 || status == 401) {
          return process;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroyForcibly();
        throw new IllegalStateException("interrupted while starting docker-registry", e);
      }
      sleep(Duration.ofMillis(50));
    }
    process.destroyForcibly();
    throw new CommandFailedException(List.of("docker-registry", "serve", config.toString()), -1,
        "not answering on 127.0.0.1:" + port + " after " + STARTUP_TIMEOUT.toSeconds() + " s", Command.tail(log));
  }

  public int port() {
    return port;
  }

  /** "127.0.0.1:PORT", the registry part of image references. */
  public String hostAndPort() {
    return "127.0.0.1:" + port;
  }

  /** "http://127.0.0.1:PORT". */
  public URI baseUri() {
    return URI.create("http://" + hostAndPort());
  }

  /** The credentials the registry accepts, when it has auth. */
  public Optional<Credentials> credentials() {
    return Optional.ofNullable(credentials);
  }

  /** The token server, when the registry uses token auth. */
  public Optional<TokenServer> tokenServer() {
    return Optional.ofNullable(tokenServer);
  }

  /** Where the registry keeps blobs and manifests. */
  public Path storageDir() {
    return workDir.resolve("storage");
  }

  /** The registry's log so far, for failure messages. */
  public String log() {
    return Command.tail(workDir.resolve("registry-" + port + ".log"));
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // the JVM is already shutting down; the hook stops the process
    }
    if (tokenServer != null) {
      tokenServer.close();
    }
    FileTrees.delete(workDir);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      return socket.getLocalPort();
    }
  }

  /** A YAML double-quoted scalar. */
  private static String yaml(String value) {
    return TokenServer.json(value);
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
