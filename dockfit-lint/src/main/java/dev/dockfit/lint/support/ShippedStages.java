package dev.dockfit.lint.support;

import dev.dockfit.dockerfile.model.Instruction;
import dev.dockfit.dockerfile.semantic.BuildModel;
import dev.dockfit.dockerfile.semantic.Stage;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * The stages whose filesystem ends up in the image {@code docker build} produces (no {@code --target}): the
 * final stage, the stages it builds FROM, and stages copied wholesale ({@code COPY --from=x / ...}) into one
 * of those. A cache left in any other build stage never ships, so image-size rules stay silent there.
 */
public final class ShippedStages {
    private ShippedStages() {
    }

    public static Set<Integer> of(BuildModel model) {
        Set<Integer> shipped = new HashSet<>();
        Deque<Stage> todo = new ArrayDeque<>();
        model.finalStage().ifPresent(todo::add);
        while (!todo.isEmpty()) {
            Stage s = todo.pop();
            if (!shipped.add(s.index())) continue;
            if (s.base().stage() != null) todo.add(model.stages().get(s.base().stage()));
            for (Instruction copy : s.all("COPY")) {
                var from = copy.flag("from");
                if (from.isEmpty() || from.get().value() == null || copy.args().size() < 2) continue;
                boolean wholeRoot = copy.args().subList(0, copy.args().size() - 1).stream()
                        .anyMatch(a -> a.value().equals("/") || a.value().equals("/."));
                if (!wholeRoot) continue;
                String ref = model.expand(copy, from.get().value()).map(e -> e.value()).orElse(from.get().value());
                model.stageNamed(ref, s).ifPresent(todo::add);
            }
        }
        return shipped;
    }
}
