package dev.dockfit.lint.fix;

/** How far a fix changes the build: {@code fix --level} applies fixes up to the level asked for. */
public enum FixLevel {
    /** No change in behaviour (casing, flags that only skip caches or prompts). */
    SAFE,
    /** Applies one of the five practices; the result is built and compared in the fix proof suite. */
    RECOMMENDED,
    /** Everything, including changes that need BuildKit features (cache mounts). */
    ALL
}
