package dev.dockfit.dockerfile.parser;

import dev.dockfit.dockerfile.model.Arg;
import dev.dockfit.dockerfile.model.Dockerfile;
import dev.dockfit.dockerfile.model.Flag;
import dev.dockfit.dockerfile.model.Instruction;
import java.util.Locale;

/**
 * BuildKit's AST dump ({@code Node.Dump}): one S-expression per instruction, keyword lower-cased, flags as a
 * Go-quoted list, every argument Go-quoted, ONBUILD's instruction nested. The conformance oracle.
 */
public final class BuildKitDump {
    private BuildKitDump() {
    }

    public static String dump(Dockerfile file) {
        StringBuilder sb = new StringBuilder();
        for (Instruction i : file.instructions()) sb.append('(').append(node(i)).append(")\n");
        return sb.toString();
    }

    private static String node(Instruction i) {
        StringBuilder sb = new StringBuilder(i.writtenKeyword().toLowerCase(Locale.ROOT));
        if (!i.flags().isEmpty()) {
            sb.append(" [");
            for (int k = 0; k < i.flags().size(); k++) {
                Flag f = i.flags().get(k);
                if (k > 0) sb.append(' ');
                sb.append(GoText.quote(GoText.bytes(f.raw().getBytes(java.nio.charset.StandardCharsets.UTF_8))));
            }
            sb.append(']');
        }
        for (Arg a : i.args()) sb.append(' ').append(GoText.quote(a.bytes()));
        if (i.child() != null) sb.append(" (").append(node(i.child())).append(')');
        return sb.toString().strip();
    }
}
