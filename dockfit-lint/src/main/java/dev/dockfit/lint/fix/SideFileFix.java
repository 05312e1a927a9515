package dev.dockfit.lint.fix;

import java.util.Optional;

/** A fix that creates a file next to the Dockerfile (a {@code .dockerignore}); it never replaces an existing one. */
public interface SideFileFix {

    record NewFile(String name, String content, Proposal proposal) {
    }

    String rule();

    FixLevel level();

    Optional<NewFile> propose(FixInput in);
}
