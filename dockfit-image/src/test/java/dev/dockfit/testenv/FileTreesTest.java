package dev.dockfit.testenv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileTreesTest {
  @TempDir Path temp;

  @Test
  void deletesTheTreeButNotWhatItsSymlinksPointAt() throws IOException {
    Path outside = Files.writeString(Files.createDirectories(temp.resolve("outside")).resolve("keep"), "x");
    Path tree = Files.createDirectories(temp.resolve("tree/etc"));
    Files.writeString(tree.resolve("file"), "y");
    Files.createSymbolicLink(tree.resolve("link"), outside.getParent());

    FileTrees.delete(temp.resolve("tree"));

    assertThat(temp.resolve("tree")).doesNotExist();
    assertThat(outside).hasContent("x");
  }

  @Test
  void unmountsWhatIsMountedInsideBeforeDeleting() throws IOException {
    Tools.assumeRoot();
    Path outside = Files.writeString(Files.createDirectories(temp.resolve("outside")).resolve("keep"), "x");
    Path mountPoint = Files.createDirectories(temp.resolve("rootfs/proc"));
    Command.run(List.of("mount", "--bind", outside.getParent().toString(), mountPoint.toString()), Duration.ofSeconds(30));
    assertThat(mountPoint.resolve("keep")).exists();

    FileTrees.delete(temp.resolve("rootfs"));

    assertThat(temp.resolve("rootfs")).doesNotExist();
    assertThat(outside).hasContent("x");
  }
}
