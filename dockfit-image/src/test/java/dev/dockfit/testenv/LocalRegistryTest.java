package dev.dockfit.testenv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The registry process itself, spoken to over HTTP (the image push tests are in {@link TestEnvironmentTest}). */
class LocalRegistryTest {
  private static final Credentials USER = new Credentials("bob", "pa:ss word");
  private final HttpClient client = HttpClient.newHttpClient();

  @BeforeEach
  void needsRegistry() {
    Tools.assumeTools("docker-registry");
  }

  @Test
  void anonymousRegistryAnswersTheV2BaseEndpointOnLoopbackAndStopsOnClose() throws Exception {
    Path storage;
    URI base;
    try (LocalRegistry registry = LocalRegistry.start()) {
      base = registry.baseUri();
      storage = registry.storageDir();
      assertThat(base.getHost()).isEqualTo("127.0.0.1");
      assertThat(get(base.resolve("/v2/"), null).statusCode()).isEqualTo(200);
      assertThat(registry.credentials()).isEmpty();
    }
    assertThatThrownBy(() -> get(base.resolve("/v2/"), null)).isInstanceOf(IOException.class);
    assertThat(storage.getParent()).doesNotExist();
  }

  @Test
  void basicAuthRegistryWantsTheBcryptedCredentials() throws Exception {
    Tools.assumeTools("htpasswd");
    try (LocalRegistry registry = LocalRegistry.startWithBasicAuth(USER)) {
      URI v2 = registry.baseUri().resolve("/v2/");

      HttpResponse<String> anonymous = get(v2, null);
      assertThat(anonymous.statusCode()).isEqualTo(401);
      assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
      assertThat(get(v2, new Credentials("bob", "wrong").basicAuthorization()).statusCode()).isEqualTo(401);
      assertThat(get(v2, USER.basicAuthorization()).statusCode()).as(registry.log()).isEqualTo(200);
      assertThat(Files.readString(registry.storageDir().resolveSibling("htpasswd"))).startsWith("bob:$2y$");
    }
  }

  @Test
  void tokenAuthRegistryAcceptsTokensFromItsTokenServer() throws Exception {
    try (LocalRegistry registry = LocalRegistry.startWithTokenAuth(USER)) {
      URI v2 = registry.baseUri().resolve("/v2/");
      TokenServer tokens = registry.tokenServer().orElseThrow();

      HttpResponse<String> challenge = get(v2, null);
      assertThat(challenge.statusCode()).isEqualTo(401);
      String wwwAuthenticate = challenge.headers().firstValue("WWW-Authenticate").orElseThrow();
      assertThat(wwwAuthenticate).startsWith("Bearer").contains("realm=\"" + tokens.realm() + "\"")
          .contains("service=\"" + tokens.service() + "\"");

      HttpResponse<String> tokenResponse = get(URI.create(tokens.realm() + "?service=" + tokens.service()),
          USER.basicAuthorization());
      Matcher token = Pattern.compile("\"token\":\"([^\"]+)\"").matcher(tokenResponse.body());
      assertThat(token.find()).isTrue();

      assertThat(get(v2, "Bearer " + token.group(1)).statusCode()).as(registry.log()).isEqualTo(200);
      assertThat(get(v2, "Bearer " + withFlippedSignatureBit(token.group(1))).statusCode())
          .as("a token with a broken signature").isEqualTo(401);
    }
  }

  private static String withFlippedSignatureBit(String jwt) {
    int dot = jwt.lastIndexOf('.');
    byte[] signature = Base64.getUrlDecoder().decode(jwt.substring(dot + 1));
    signature[signature.length / 2] ^= 1;
    return jwt.substring(0, dot + 1) + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
  }

  private HttpResponse<String> get(URI uri, String authorization) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri);
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
