package dev.dockfit.lint.rules.layercache;

import dev.dockfit.dockerfile.model.Arg;
import dev.dockfit.dockerfile.model.Instruction;
import dev.dockfit.lint.LintContext;
import dev.dockfit.lint.support.Names;
import java.util.Optional;

/** COPY or ADD of the whole build context ({@code COPY . .}, {@code ADD ./ /app}, {@code COPY * ./}). */
final class BroadCopy {
    private static final Names WHOLE_CONTEXT = Names.of(".", "./", "./.", "*", "./*", "/", "/.");

    private BroadCopy() {
    }

    static boolean isBroad(LintContext ctx, Instruction in) {
        return broadSource(ctx, in).isPresent();
    }

    /** The source argument naming the whole context, for a COPY/ADD from the build context. */
    static Optional<Arg> broadSource(LintContext ctx, Instruction in) {
        if (!(in.is("COPY") || in.is("ADD")) || in.flag("from").isPresent() || in.args().size() < 2) {
            return Optional.empty();
        }
        for (Arg a : in.args().subList(0, in.args().size() - 1)) {
            String v = ctx.model().expand(in, a.value()).map(e -> e.value()).orElse(a.value());
            if (WHOLE_CONTEXT.contains(v)) return Optional.of(a);
        }
        return Optional.empty();
    }
}
