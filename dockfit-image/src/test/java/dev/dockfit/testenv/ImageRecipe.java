package dev.dockfit.testenv;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How to build a cached test image: a Dockerfile, the files of its build context (path relative to the context ->
 * UTF-8 text) and extra {@code buildah build} options. Its {@link #key()} hashes all three, so changing any of them
 * (including the base tag in FROM, which itself carries the base's key) builds a new image instead of reusing a
 * stale one.
 */
public record ImageRecipe(String dockerfile, Map<String, String> contextFiles, List<String> buildOptions) {
  public ImageRecipe {
    contextFiles = Map.copyOf(new TreeMap<>(contextFiles));
    buildOptions = List.copyOf(buildOptions);
    for (String path : contextFiles.keySet()) {
      if (path.startsWith("/") || Arrays.asList(path.split("/")).contains("..") || path.equals("Dockerfile")) {
        throw new IllegalArgumentException("context file must be a relative path inside the context: " + path);
      }
    }
  }

  public static ImageRecipe of(String dockerfile) {
    return new ImageRecipe(dockerfile, Map.of(), List.of());
  }

  /** This recipe plus one context file. */
  public ImageRecipe withFile(String path, String content) {
    Map<String, String> files = new TreeMap<>(contextFiles);
    files.put(path, content);
    return new ImageRecipe(dockerfile, files, buildOptions);
  }

  /** This recipe plus {@code buildah build} options, e.g. "--squash". */
  public ImageRecipe withBuildOptions(String... options) {
    List<String> all = new ArrayList<>(buildOptions);
    all.addAll(Arrays.asList(options));
    return new ImageRecipe(dockerfile, contextFiles, all);
  }

  /** 12 hex digits of SHA-256 over everything that shapes the image. */
  public String key() {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      update(digest, dockerfile);
      new TreeMap<>(contextFiles).forEach((path, content) -> {
        update(digest, path);
        update(digest, content);
      });
      buildOptions.forEach(option -> update(digest, option));
      return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Length-prefixed, so ("ab","c") and ("a","bc") hash differently. */
  private static void update(MessageDigest digest, String part) {
    byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
    digest.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
    digest.update(bytes);
  }
}
