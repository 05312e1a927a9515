package dev.dockfit.testenv;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenServerTest {
  private static final Credentials USER = new Credentials("alice", "s3cret");
  private final HttpClient client = HttpClient.newHttpClient();
  @TempDir Path workDir;
  private TokenServer server;

  @BeforeEach
  void start() {
    server = TokenServer.start(USER, "registry.test", "issuer.test", workDir);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void refusesRequestsWithoutTheRightCredentials() throws Exception {
    HttpResponse<String> anonymous = get("?service=registry.test&scope=repository:team/app:pull", null);
    HttpResponse<String> wrong = get("?service=registry.test&scope=repository:team/app:pull",
        new Credentials("alice", "guess").basicAuthorization());

    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(server.refusals()).containsExactly("no credentials", "wrong credentials");
    assertThat(server.issued()).isEmpty();
  }

  @Test
  void refusesTokensForAnotherService() throws Exception {
    assertThat(get("?service=elsewhere&scope=repository:team/app:pull", USER.basicAuthorization()).statusCode())
        .isEqualTo(400);
  }

  @Test
  void issuesAnRs256TokenSignedByTheBundledCertificateGrantingTheRequestedScopes() throws Exception {
    HttpResponse<String> response = get("?account=alice&service=registry.test"
        + "&scope=repository%3Ateam%2Fapp%3Apull%2Cpush&scope=repository:base:pull", USER.basicAuthorization());

    assertThat(response.statusCode()).isEqualTo(200);
    String token = field(response.body(), "token");
    assertThat(field(response.body(), "access_token")).isEqualTo(token);
    String[] parts = token.split("\\.");
    assertThat(parts).hasSize(3);
    String header = decode(parts[0]);
    String claims = decode(parts[1]);

    X509Certificate bundled = (X509Certificate) CertificateFactory.getInstance("X.509")
        .generateCertificate(Files.newInputStream(server.rootCertBundle()));
    assertThat(bundled).isEqualTo(server.certificate());
    assertThat(field(header, "alg")).isEqualTo("RS256");
    assertThat(field(header, "kid")).isEqualTo(TokenServer.libtrustKeyId(bundled))
        .matches("([A-Z2-7]{4}:){11}[A-Z2-7]{4}");
    Signature rs256 = Signature.getInstance("SHA256withRSA");
    rs256.initVerify(bundled.getPublicKey());
    rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
    assertThat(rs256.verify(Base64.getUrlDecoder().decode(parts[2]))).isTrue();

    assertThat(field(claims, "iss")).isEqualTo("issuer.test");
    assertThat(field(claims, "aud")).isEqualTo("registry.test");
    assertThat(field(claims, "sub")).isEqualTo("alice");
    assertThat(claims).contains("{\"type\":\"repository\",\"name\":\"team/app\",\"actions\":[\"pull\",\"push\"]}",
        "{\"type\":\"repository\",\"name\":\"base\",\"actions\":[\"pull\"]}");
    assertThat(server.issued()).containsExactly(new TokenServer.IssuedToken("alice", "registry.test",
        List.of("repository:team/app:pull,push", "repository:base:pull")));
  }

  private HttpResponse<String> get(String query, String authorization) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.realm() + query));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String decode(String base64Url) {
    return new String(Base64.getUrlDecoder().decode(base64Url), StandardCharsets.UTF_8);
  }

  private static String field(String json, String name) {
    Matcher matcher = Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(json);
    assertThat(matcher.find()).as("%s has a string field %s", json, name).isTrue();
    return matcher.group(1);
  }
}
