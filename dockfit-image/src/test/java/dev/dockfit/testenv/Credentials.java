package dev.dockfit.testenv;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A registry user name and password. */
public record Credentials(String user, String password) {
  public Credentials {
    if (user.contains(":")) {
      throw new IllegalArgumentException("a user name must not contain ':' (basic auth): " + user);
    }
  }

  /** "user:password", as buildah and skopeo take it in {@code --creds}. */
  public String userColonPassword() {
    return user + ":" + password;
  }

  /** The value of an HTTP {@code Authorization} header for basic auth. */
  public String basicAuthorization() {
    return "Basic " + Base64.getEncoder().encodeToString(userColonPassword().getBytes(StandardCharsets.UTF_8));
  }
}
