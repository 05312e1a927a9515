package dev.dockfit.testenv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImageRecipeTest {
  private static final ImageRecipe BASE = ImageRecipe.of("FROM scratch\nCOPY a /a\n").withFile("a", "x");

  @Test
  void equalRecipesShareAKeyWhateverTheFileOrder() {
    Map<String, String> ab = new LinkedHashMap<>();
    ab.put("a", "1");
    ab.put("b", "2");
    Map<String, String> ba = new LinkedHashMap<>();
    ba.put("b", "2");
    ba.put("a", "1");

    assertThat(new ImageRecipe("FROM scratch", ab, List.of()).key())
        .isEqualTo(new ImageRecipe("FROM scratch", ba, List.of()).key())
        .matches("[0-9a-f]{12}");
  }

  @Test
  void anyChangeToDockerfileFilesOrOptionsChangesTheKey() {
    assertThat(List.of(
            BASE.key(),
            ImageRecipe.of("FROM scratch\nCOPY a /b\n").withFile("a", "x").key(),
            BASE.withFile("a", "y").key(),
            BASE.withFile("b", "x").key(),
            BASE.withBuildOptions("--squash").key()))
        .doesNotHaveDuplicates();
  }

  @Test
  void partBoundariesCount() {
    assertThat(ImageRecipe.of("FROM scratch").withFile("ab", "c").key())
        .isNotEqualTo(ImageRecipe.of("FROM scratch").withFile("a", "bc").key());
  }

  @Test
  void contextFilesMustStayInsideTheContext() {
    assertThatThrownBy(() -> BASE.withFile("../escape", "x")).hasMessageContaining("../escape");
    assertThatThrownBy(() -> BASE.withFile("/etc/passwd", "x")).hasMessageContaining("/etc/passwd");
    assertThatThrownBy(() -> BASE.withFile("Dockerfile", "x")).hasMessageContaining("Dockerfile");
  }
}
