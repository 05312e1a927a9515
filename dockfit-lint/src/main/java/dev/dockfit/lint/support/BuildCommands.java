package dev.dockfit.lint.support;

import dev.dockfit.dockerfile.model.Instruction;
import dev.dockfit.dockerfile.semantic.Stage;
import dev.dockfit.dockerfile.shell.SimpleCommand;
import dev.dockfit.lint.LintContext;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Which shell commands compile or package software (go build, mvn package, npm run build, make, gcc...): the
 * steps a multi-stage build moves out of the final image. Shared by the multi-stage and base-image rules so
 * that one problem gets one finding.
 */
public final class BuildCommands {
    private static final String[] COMPILER_NAMES = {"gcc", "g++", "cc", "c++", "clang", "clang++", "javac", "rustc"};
    private static final Names COMPILERS = Names.of(COMPILER_NAMES);
    private static final Names VERSION_QUERIES = Names.of("--version", "-version", "--help",
            "-dumpversion", "-dumpmachine", "version");
    /** The command names {@link #describe} looks at: the build tools and the compilers (one quick no for the rest). */
    private static final Names DESCRIBED = Names.of(Stream.concat(Stream.of("go", "cargo", "mvn", "mvnw", "gradle",
            "gradlew", "npm", "pnpm", "yarn", "bun", "make", "gmake", "cmake", "dotnet", "pip", "pip3", "python",
            "python3"), Stream.of(COMPILER_NAMES)).toArray(String[]::new));
    private static final Set<String> MAVEN_PHASES = Set.of("package", "install", "verify", "deploy");

    /** A build step found in a RUN script. */
    public record Found(Instruction run, RunScript script, SimpleCommand command, String what) {
    }

    private BuildCommands() {
    }

    /** What the command builds, as a short label ({@code go build}), or empty when it is not a build step. */
    public static Optional<String> describe(SimpleCommand c) {
        String name = c.name();
        if (!DESCRIBED.contains(name)) return Optional.empty();
        List<String> args = c.argLiterals();
        for (int i = 0; i < args.size(); i++) if (VERSION_QUERIES.contains(args.get(i))) return Optional.empty();
        String first = args.isEmpty() ? "" : args.get(0);
        switch (name) {
            case "go":
                return first.equals("build") || first.equals("install") ? Optional.of("go " + first) : Optional.empty();
            case "cargo":
                return first.equals("build") || first.equals("install") ? Optional.of("cargo " + first)
                        : Optional.empty();
            case "mvn", "mvnw":
                return args.stream().filter(MAVEN_PHASES::contains).findFirst().map(p -> name + " " + p);
            case "gradle", "gradlew":
                return args.stream().filter(BuildCommands::isGradleBuildTask).findFirst().map(t -> name + " " + t);
            case "npm", "pnpm", "yarn", "bun":
                return scriptRun(name, args);
            case "make", "gmake":
                return Optional.of(name);
            case "cmake":
                return c.hasFlag("--build") ? Optional.of("cmake --build") : Optional.empty();
            case "dotnet":
                return first.equals("publish") || first.equals("build") ? Optional.of("dotnet " + first)
                        : Optional.empty();
            case "pip", "pip3":
                return first.equals("wheel") ? Optional.of(name + " wheel") : Optional.empty();
            case "python", "python3":
                return args.size() >= 2 && args.get(0).endsWith("setup.py")
                        && Set.of("build", "build_ext", "bdist_wheel").contains(args.get(1))
                        ? Optional.of("setup.py " + args.get(1)) : Optional.empty();
            default:
                return COMPILERS.contains(name) ? Optional.of(name) : Optional.empty();
        }
    }

    /** {@code npm run build}, {@code yarn build}, {@code pnpm run build:prod}: a package script named build*. */
    private static Optional<String> scriptRun(String tool, List<String> args) {
        String first = null; // the first two arguments that are not flags (a loop: no stream per command)
        String second = null;
        for (int i = 0; i < args.size() && second == null; i++) {
            String a = args.get(i);
            if (a.startsWith("-")) continue;
            if (first == null) first = a;
            else second = a;
        }
        if (first == null) return Optional.empty();
        boolean run = first.equals("run") || first.equals("run-script");
        String script = run ? (second != null ? second : "") : first;
        if (!run && tool.equals("npm")) return Optional.empty(); // npm needs "run" for a custom script
        return script.equals("build") || script.startsWith("build:")
                ? Optional.of(tool + (run ? " run " : " ") + script) : Optional.empty();
    }

    private static boolean isGradleBuildTask(String task) {
        if (task.startsWith("-")) return false;
        String t = task.substring(task.lastIndexOf(':') + 1).toLowerCase(Locale.ROOT);
        return t.equals("build") || t.equals("assemble") || t.equals("installdist") || t.endsWith("jar")
                || t.endsWith("war") || t.equals("distzip") || t.equals("disttar");
    }

    /** The first build step in the RUNs of the stage's lineage (the stage and the stages it is built on). */
    public static Optional<Found> firstIn(LintContext ctx, Stage stage) {
        List<Stage> lineage = ctx.stageChain(stage);
        for (int i = lineage.size() - 1; i >= 0; i--) {
            List<Instruction> instructions = lineage.get(i).instructions();
            for (int k = 0; k < instructions.size(); k++) {
                Instruction run = instructions.get(k);
                if (!run.is("RUN")) continue;
                List<RunScript> scripts = ctx.scripts(run);
                for (int s = 0; s < scripts.size(); s++) {
                    Optional<Found> found = firstIn(run, scripts.get(s));
                    if (found.isPresent()) return found;
                }
            }
        }
        return Optional.empty();
    }

    /** The script's first build step, unless the script also purges the build tools. */
    private static Optional<Found> firstIn(Instruction run, RunScript rs) {
        List<SimpleCommand> commands = rs.script().commands();
        for (int c = 0; c < commands.size(); c++) {
            Optional<String> what = describe(commands.get(c));
            if (what.isEmpty()) continue;
            // install, build and purge in one RUN leaves no toolchain behind (docker-library's idiom)
            if (BuildPackages.removedBy(commands).anyBuildTool()) return Optional.empty();
            return Optional.of(new Found(run, rs, commands.get(c), what.get()));
        }
        return Optional.empty();
    }
}
