package dev.dockfit.lint.support;

import dev.dockfit.dockerfile.model.Instruction;
import dev.dockfit.dockerfile.semantic.BuildModel;
import dev.dockfit.dockerfile.semantic.Stage;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** The USER an instruction runs as: the last USER before it in its stage, else in the stages it builds on. */
public final class UserInEffect {
    private static final Pattern ZEROS = Pattern.compile("0+");
    private UserInEffect() {
    }

    /**
     * The expanded user, or empty when no USER precedes the instruction (the base image's user, root for
     * nearly every image) or its value does not resolve.
     */
    public static Optional<String> before(BuildModel model, Instruction at) {
        Optional<Stage> stage = model.stageOf(at);
        if (stage.isEmpty()) return Optional.empty();
        for (Stage s : StageChain.of(model, stage.get())) {
            List<Instruction> users = s.all("USER");
            for (int i = users.size() - 1; i >= 0; i--) {
                Instruction u = users.get(i);
                if (s == stage.get() && u.span().start() > at.span().start()) continue;
                if (u.args().isEmpty()) return Optional.empty();
                return model.expand(u, u.args().get(0).value())
                        .filter(e -> e.unset().isEmpty()).map(e -> e.value().strip());
            }
        }
        return Optional.empty();
    }

    /** {@code root}, {@code 0}, or either with any group ({@code 0:0}, {@code root:root}, {@code root:app}). */
    public static boolean isRoot(String user) {
        int colon = user.indexOf(':');
        String name = colon < 0 ? user : user.substring(0, colon);
        return name.equals("root") || ZEROS.matcher(name).matches();
    }
}
