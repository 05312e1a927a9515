package dev.dockfit.testenv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Builds images from {@link ImageRecipe}s once and reuses them: the image is tagged
 * {@code localhost/dockfit-test/NAME:KEY} in the shared buildah store, so any later run (or JVM) that asks for the
 * same recipe finds the tag and builds nothing.
 */
public final class TestImages {
  private static final Pattern NAME = Pattern.compile("[a-z0-9]+(?:[._-][a-z0-9]+)*");
  private static final Set<String> ENSURED = ConcurrentHashMap.newKeySet();

  private TestImages() {}

  /**
   * The reference of the image {@code recipe} builds, building it first unless an earlier run did. {@code name}
   * (lowercase letters, digits, '.', '_', '-') becomes the repository name. Skips the calling test when image
   * builds are impossible here.
   */
  public static String ensureImage(String name, ImageRecipe recipe) {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("image name must be lowercase letters, digits and . _ - : " + name);
    }
    String reference = reference(name, recipe.key());
    if (ENSURED.contains(reference)) {
      return reference;
    }
    Buildah buildah = Buildah.shared();
    TestCache.withLock("image-" + name, () -> {
      if (!buildah.exists(reference)) {
        build(buildah, recipe, reference);
      }
      return reference;
    });
    ENSURED.add(reference);
    return reference;
  }

  /**
   * {@code image} written in {@code format}, once per image ID: later calls (and later runs) get the cached copy
   * under {@code <cache>/archives/IMAGE-ID/}. Writing a 130 MB base takes seconds, so tests share these copies;
   * treat them as read-only (copy first to corrupt one). The OCI layout names the image by its tag
   * ({@code org.opencontainers.image.ref.name}); skopeo reads it as {@code oci:DIR:TAG}.
   */
  public static Path archive(String image, ArchiveFormat format) {
    Buildah buildah = Buildah.shared();
    String id = buildah.imageId(image);
    Path target = TestCache.dir("archives", id).resolve(format.fileName());
    return TestCache.withLock("archive-" + id, () -> {
      if (!Files.exists(target)) {
        Path partial = target.resolveSibling(format.fileName() + ".partial-" + UUID.randomUUID());
        try {
          switch (format) {
            case DOCKER_ARCHIVE -> buildah.pushDockerArchive(image, partial);
            case OCI_LAYOUT -> buildah.pushOciDir(image, partial, tag(image));
            case OCI_ARCHIVE -> buildah.pushOciArchive(image, partial);
          }
          Files.move(partial, target);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot cache " + image + " as " + target, e);
        } finally {
          FileTrees.delete(partial);
        }
      }
      return target;
    });
  }

  /** The tag of a reference ("latest" when it has none), as an OCI layout's ref.name. */
  static String tag(String image) {
    int colon = image.lastIndexOf(':');
    return colon > image.lastIndexOf('/') ? image.substring(colon + 1) : "latest";
  }

  static String reference(String name, String key) {
    return "localhost/dockfit-test/" + name + ":" + key;
  }

  private static void build(Buildah buildah, ImageRecipe recipe, String reference) {
    Path context = TestCache.dir("work").resolve("context-" + UUID.randomUUID());
    try {
      Files.createDirectories(context);
      Files.writeString(context.resolve("Dockerfile"), recipe.dockerfile());
      for (Map.Entry<String, String> file : recipe.contextFiles().entrySet()) {
        Path target = context.resolve(file.getKey());
        Files.createDirectories(target.getParent());
        Files.writeString(target, file.getValue());
      }
      buildah.build(context, reference, recipe.buildOptions().toArray(String[]::new));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the build context " + context, e);
    } finally {
      FileTrees.delete(context);
    }
  }
}
