package dev.dockfit.lint.rules.correctness;

import dev.dockfit.dockerfile.model.Instruction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The Dockerfile reference's instructions and the flags each accepts (BuildKit rejects anything else). */
final class Keywords {
    static final Set<String> INSTRUCTIONS = Set.of("ADD", "ARG", "CMD", "COPY", "ENTRYPOINT", "ENV", "EXPOSE",
            "FROM", "HEALTHCHECK", "LABEL", "MAINTAINER", "ONBUILD", "RUN", "SHELL", "STOPSIGNAL", "USER",
            "VOLUME", "WORKDIR");

    static final Map<String, Set<String>> FLAGS = Map.of(
            "FROM", Set.of("platform"),
            "ARG", Set.of("required"),
            "RUN", Set.of("mount", "network", "security", "device"),
            "COPY", Set.of("from", "chown", "chmod", "link", "parents", "exclude"),
            "ADD", Set.of("chown", "chmod", "link", "checksum", "keep-git-dir", "exclude", "unpack"),
            "HEALTHCHECK", Set.of("interval", "timeout", "start-period", "start-interval", "retries"));

    private Keywords() {
    }

    /** Every instruction, with the instruction an ONBUILD wraps listed after the ONBUILD. */
    static List<Instruction> withOnbuildChildren(List<Instruction> instructions) {
        if (!anyOnbuildChild(instructions)) return instructions; // the usual file: no copy
        List<Instruction> out = new ArrayList<>();
        for (Instruction i : instructions) {
            out.add(i);
            if (i.child() != null) out.add(i.child());
        }
        return out;
    }

    private static boolean anyOnbuildChild(List<Instruction> instructions) {
        for (int i = 0; i < instructions.size(); i++) if (instructions.get(i).child() != null) return true;
        return false;
    }
}
