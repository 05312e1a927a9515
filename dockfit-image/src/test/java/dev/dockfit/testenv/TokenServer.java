package dev.dockfit.testenv;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * The token service of the Docker registry's bearer-token auth, run in the test JVM on 127.0.0.1. A client that the
 * registry answers 401 asks {@code GET /token?service=..&scope=..} here with basic auth; for the one known user it
 * returns a JWT granting the requested scopes, signed RS256 with a key generated per server (keytool, part of the
 * JDK, makes the key and the self-signed certificate the registry's {@code rootcertbundle} must hold). The JWT
 * header names the key by {@code kid}, the libtrust fingerprint the registry computes for each bundled certificate.
 */
public final class TokenServer implements AutoCloseable {
  /** One token handed out: to whom, for which registry, with which granted scopes. */
  public record IssuedToken(String subject, String service, List<String> scopes) {}

  private static final Duration LIFETIME = Duration.ofMinutes(10);
  private static final String KEY_ALIAS = "token-signer";
  private static final String KEY_STORE_PASSWORD = "dockfit-test";
  private static final String KEY_VERSION = "1";

  private final Credentials credentials;
  private final String service;
  private final String issuer;
  private final PrivateKey signingKey;
  private final X509Certificate certificate;
  private final Path rootCertBundle;
  private final HttpServer server;
  private final List<IssuedToken> issued = new CopyOnWriteArrayList<>();
  private final List<String> refusals = new CopyOnWriteArrayList<>();

  private TokenServer(Credentials credentials, String service, String issuer, Path workDir) throws IOException {
    this.credentials = credentials;
    this.service = service;
    this.issuer = issuer;
    Path keyStoreFile = signerKeyStore();
    try (InputStream in = Files.newInputStream(keyStoreFile)) {
      KeyStore keyStore = KeyStore.getInstance("PKCS12");
      keyStore.load(in, KEY_STORE_PASSWORD.toCharArray());
      this.signingKey = (PrivateKey) keyStore.getKey(KEY_ALIAS, KEY_STORE_PASSWORD.toCharArray());
      this.certificate = (X509Certificate) keyStore.getCertificate(KEY_ALIAS);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot read the token signing key in " + keyStoreFile, e);
    }
    this.rootCertBundle = Files.writeString(workDir.resolve("token-root.pem"), pem(certificate));
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/token", this::handle);
    server.start();
  }

  /**
   * The signing key and certificate, made once by keytool (seconds of CPU) and kept in the test cache. It only
   * ever signs tokens for throw-away registries on 127.0.0.1, so it is not secret; the registry trusts it by key ID
   * and does not check the certificate's dates.
   */
  private static Path signerKeyStore() {
    Path keyStore = TestCache.dir("token-signer").resolve("token-signer-" + KEY_VERSION + ".p12");
    return TestCache.withLock("token-signer", () -> {
      if (!Files.exists(keyStore)) {
        Path partial = keyStore.resolveSibling(keyStore.getFileName() + ".partial-" + UUID.randomUUID());
        Command.run(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
            "-genkeypair", "-alias", KEY_ALIAS, "-keyalg", "RSA", "-keysize", "2048", "-sigalg", "SHA256withRSA",
            "-dname", "CN=dockfit-test-token-signer", "-validity", "3650", "-storetype", "PKCS12",
            "-keystore", partial.toString(), "-storepass", KEY_STORE_PASSWORD), Duration.ofMinutes(1));
        try {
          Files.move(partial, keyStore);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot store the token signing key in " + keyStore, e);
        }
      }
      return keyStore;
    });
  }

  /** Starts a token server that knows one user, for the registry {@code service}; the PEM bundle goes in {@code workDir}. */
  public static TokenServer start(Credentials credentials, String service, String issuer, Path workDir) {
    try {
      return new TokenServer(credentials, service, issuer, workDir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the token server", e);
    }
  }

  /** The URL the registry sends clients to (its {@code auth.token.realm}). */
  public URI realm() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/token");
  }

  public String service() {
    return service;
  }

  public String issuer() {
    return issuer;
  }

  /** PEM file holding the certificate whose key signs the tokens (the registry's {@code rootcertbundle}). */
  public Path rootCertBundle() {
    return rootCertBundle;
  }

  /** The signing certificate. */
  public X509Certificate certificate() {
    return certificate;
  }

  /** Every token issued so far, oldest first. */
  public List<IssuedToken> issued() {
    return List.copyOf(issued);
  }

  /** Why each refused token request was refused, oldest first. */
  public List<String> refusals() {
    return List.copyOf(refusals);
  }

  /** The libtrust key ID of {@code certificate}'s public key: SHA-256 of the DER key, first 240 bits, base32, 4-char groups. */
  static String libtrustKeyId(X509Certificate certificate) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(certificate.getPublicKey().getEncoded());
      String base32 = base32(Arrays.copyOf(hash, 30));
      List<String> groups = new ArrayList<>();
      for (int i = 0; i < base32.length(); i += 4) {
        groups.add(base32.substring(i, i + 4));
      }
      return String.join(":", groups);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!exchange.getRequestMethod().equals("GET")) {
        refuse(exchange, 405, exchange.getRequestMethod() + " is not supported");
        return;
      }
      String authorization = exchange.getRequestHeaders().getFirst("Authorization");
      if (!credentials.basicAuthorization().equals(authorization)) {
        exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"" + issuer + "\"");
        refuse(exchange, 401, authorization == null ? "no credentials" : "wrong credentials");
        return;
      }
      List<String> services = queryValues(exchange.getRequestURI(), "service");
      if (!services.equals(List.of(service))) {
        refuse(exchange, 400, "unknown service " + services);
        return;
      }
      List<String> scopes = queryValues(exchange.getRequestURI(), "scope").stream()
          .flatMap(value -> Arrays.stream(value.split(" ")))
          .filter(scope -> !scope.isBlank())
          .toList();
      String token = sign(credentials.user(), scopes);
      issued.add(new IssuedToken(credentials.user(), service, scopes));
      Instant now = Instant.now();
      respond(exchange, 200, "{\"token\":" + json(token) + ",\"access_token\":" + json(token)
          + ",\"expires_in\":" + LIFETIME.toSeconds() + ",\"issued_at\":" + json(now.toString()) + "}");
    }
  }

  private String sign(String subject, List<String> scopes) {
    long now = Instant.now().getEpochSecond();
    String header = "{\"typ\":\"JWT\",\"alg\":\"RS256\",\"kid\":" + json(libtrustKeyId(certificate)) + "}";
    String access = scopes.stream().map(TokenServer::accessEntry).collect(Collectors.joining(",", "[", "]"));
    String claims = "{\"iss\":" + json(issuer) + ",\"sub\":" + json(subject) + ",\"aud\":" + json(service)
        + ",\"exp\":" + (now + LIFETIME.toSeconds()) + ",\"nbf\":" + (now - 1) + ",\"iat\":" + now
        + ",\"jti\":" + json(UUID.randomUUID().toString()) + ",\"access\":" + access + "}";
    String signingInput = base64Url(header.getBytes(StandardCharsets.UTF_8)) + "."
        + base64Url(claims.getBytes(StandardCharsets.UTF_8));
    try {
      Signature signature = Signature.getInstance("SHA256withRSA");
      signature.initSign(signingKey);
      signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
      return signingInput + "." + base64Url(signature.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign a token", e);
    }
  }

  /** "repository:team/app:pull,push" becomes {"type":"repository","name":"team/app","actions":["pull","push"]}. */
  private static String accessEntry(String scope) {
    int first = scope.indexOf(':');
    int last = scope.lastIndexOf(':');
    if (first < 0 || first == last) {
      throw new IllegalArgumentException("malformed scope: " + scope);
    }
    String actions = Arrays.stream(scope.substring(last + 1).split(","))
        .map(TokenServer::json).collect(Collectors.joining(",", "[", "]"));
    return "{\"type\":" + json(scope.substring(0, first)) + ",\"name\":" + json(scope.substring(first + 1, last))
        + ",\"actions\":" + actions + "}";
  }

  private void refuse(HttpExchange exchange, int status, String why) throws IOException {
    refusals.add(why);
    respond(exchange, status, "{\"errors\":[{\"message\":" + json(why) + "}]}");
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static List<String> queryValues(URI uri, String name) {
    String query = uri.getRawQuery();
    if (query == null) {
      return List.of();
    }
    return Arrays.stream(query.split("&"))
        .filter(pair -> pair.startsWith(name + "="))
        .map(pair -> URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8))
        .toList();
  }

  static String json(String value) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : value.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  private static String base64Url(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static String base32(byte[] bytes) {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    StringBuilder out = new StringBuilder();
    int buffer = 0;
    int bits = 0;
    for (byte b : bytes) {
      buffer = (buffer << 8) | (b & 0xff);
      bits += 8;
      while (bits >= 5) {
        out.append(alphabet.charAt((buffer >> (bits - 5)) & 31));
        bits -= 5;
      }
    }
    if (bits > 0) {
      out.append(alphabet.charAt((buffer << (5 - bits)) & 31));
    }
    return out.toString();
  }

  private static String pem(X509Certificate certificate) {
    try {
      return "-----BEGIN CERTIFICATE-----\n"
          + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(certificate.getEncoded())
          + "\n-----END CERTIFICATE-----\n";
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
