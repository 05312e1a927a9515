package dev.dockfit.lint.rules.layercache;

import dev.dockfit.dockerfile.model.Arg;
import dev.dockfit.dockerfile.model.Instruction;
import dev.dockfit.lint.LintContext;
import dev.dockfit.lint.support.Names;
import java.util.List;
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
        List<Arg> args = in.args();
        if (!(in.is("COPY") || in.is("ADD")) || args.size() < 2 || in.flag("from").isPresent()) {
            return Optional.empty();
        }
        for (int i = 0; i < args.size() - 1; i++) { // the sources: every argument but the destination
            Arg a = args.get(i);
            var e = ctx.model().expand(in, a.value());
            String v = e.isPresent() ? e.get().value() : a.value(); // no lambda per source (C1 allocates each)
            if (WHOLE_CONTEXT.contains(v)) return Optional.of(a);
        }
        return Optional.empty();
    }
}
