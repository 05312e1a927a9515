package dev.dockfit.lint.rules.layercache;

import dev.dockfit.dockerfile.model.Instruction;
import dev.dockfit.dockerfile.shell.ShellWord;
import dev.dockfit.dockerfile.shell.SimpleCommand;
import dev.dockfit.lint.LintContext;
import dev.dockfit.lint.support.RunScript;
import dev.dockfit.lint.support.PipCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The package managers whose install step reads only manifests and lock files, so it can run (and be cached)
 * before the source is copied; each with the files to copy first and a test for its install commands.
 */
enum DependencyInstall {
    NPM("npm", "package.json and package-lock.json", "npm ci"),
    YARN("yarn", "package.json and yarn.lock (and .yarnrc.yml)", "yarn install --frozen-lockfile"),
    PNPM("pnpm", "package.json and pnpm-lock.yaml", "pnpm install --frozen-lockfile"),
    PIP("pip", "requirements*.txt (or pyproject.toml)", "pip install -r requirements.txt"),
    POETRY("poetry", "pyproject.toml and poetry.lock", "poetry install --no-root"),
    PIPENV("pipenv", "Pipfile and Pipfile.lock", "pipenv install --deploy"),
    UV("uv", "pyproject.toml and uv.lock", "uv sync --frozen --no-install-project"),
    MAVEN("maven", "pom.xml", "mvn dependency:go-offline"),
    GRADLE("gradle", "build.gradle(.kts), settings.gradle(.kts) and gradle/", "gradle dependencies"),
    GO("go", "go.mod and go.sum", "go mod download"),
    CARGO("cargo", "Cargo.toml and Cargo.lock", "cargo fetch"),
    BUNDLER("bundler", "Gemfile and Gemfile.lock", "bundle install"),
    COMPOSER("composer", "composer.json and composer.lock", "composer install --no-scripts --no-autoloader");

    /** The command names of the cases of {@link #of}. */
    private static final Set<String> MANAGERS = Set.of("npm", "yarn", "pnpm", "poetry", "pipenv", "uv", "mvn", "mvnw",
            "gradle", "gradlew", "go", "cargo", "bundle", "composer");
    private static final Set<String> NPM_INSTALL = Set.of("install", "i", "ci", "add");
    private static final Set<String> PNPM_INSTALL = Set.of("install", "i", "fetch");
    private static final Set<String> GO_BUILD = Set.of("build", "test", "vet");
    private static final Set<String> CARGO_BUILD = Set.of("build", "fetch", "test", "check");
    /** Varargs arguments of hasFlag made once (C1 allocates each call's array). */
    private static final String[] GLOBAL_FLAGS = {"-g", "--global"};
    private static final String[] INFO_FLAGS = {"--version", "-v", "--help", "-h"};

    final String label;
    final String manifests;
    final String installFirst;

    DependencyInstall(String label, String manifests, String installFirst) {
        this.label = label;
        this.manifests = manifests;
        this.installFirst = installFirst;
    }

    /** A dependency install among a RUN's commands: the command, the script it is in, and its manager. */
    record Found(RunScript script, SimpleCommand command, DependencyInstall install) {
    }

    /** The dependency installs among the commands of {@code run}, in order (most RUNs have none: no list then). */
    static List<Found> in(LintContext ctx, Instruction run) {
        List<LintContext.RunCommand> commands = ctx.commands(run);
        List<Found> found = List.of();
        for (int k = 0; k < commands.size(); k++) {
            LintContext.RunCommand rc = commands.get(k);
            DependencyInstall install = of(rc.command());
            if (install == null) continue;
            if (found.isEmpty()) found = new ArrayList<>();
            found.add(new Found(rc.script(), rc.command(), install));
        }
        return found;
    }

    /** The manager whose dependency install (or build resolving dependencies) this command is, or null. */
    static DependencyInstall of(SimpleCommand c) {
        // hot: asked of every command; pip and python are the only other names the default case accepts
        if (c.words().isEmpty() || !MANAGERS.contains(c.name()) && !c.name().startsWith("p")) return null;
        String verb = firstNonOption(c.args());
        switch (c.name()) {
            case "npm":
                return NPM_INSTALL.contains(verb) && !c.hasFlag(GLOBAL_FLAGS)
                        ? NPM : null;
            case "yarn":
                if (c.hasFlag(INFO_FLAGS)) return null;
                return verb.isEmpty() || verb.equals("install") ? YARN : null;
            case "pnpm":
                return PNPM_INSTALL.contains(verb) && !c.hasFlag(GLOBAL_FLAGS) ? PNPM : null;
            case "poetry":
                return "install".equals(verb) || "sync".equals(verb) ? POETRY : null;
            case "pipenv":
                return "install".equals(verb) || "sync".equals(verb) ? PIPENV : null;
            case "uv":
                if ("sync".equals(verb)) return UV;
                if ("pip".equals(verb) && (c.hasArg("sync") || c.hasArg("install") && readsProject(c.args()))) {
                    return UV;
                }
                return null;
            case "mvn", "mvnw":
                return !verb.isEmpty() ? MAVEN : null;
            case "gradle", "gradlew":
                return !verb.isEmpty() ? GRADLE : null;
            case "go":
                if ("mod".equals(verb)) return c.hasArg("download") ? GO : null;
                if (GO_BUILD.contains(verb)) return GO;
                if ("install".equals(verb) && !anyArgContains(c.argLiterals(), "@")) return GO;
                return null;
            case "cargo":
                if (CARGO_BUILD.contains(verb)) return CARGO;
                return "install".equals(verb) && c.hasFlag("--path") ? CARGO : null;
            case "bundle":
                return verb.isEmpty() || verb.equals("install") ? BUNDLER : null;
            case "composer":
                return "install".equals(verb) || "update".equals(verb) ? COMPOSER : null;
            default:
                List<ShellWord> pip = PipCommand.args(c);
                return !pip.isEmpty() && pip.get(0).literal().equals("install") && readsProject(pip) ? PIP : null;
        }
    }

    /** {@code -r requirements.txt}, {@code .}, {@code -e .}, {@code .[extra]}: installs from the project files. */
    private static boolean readsProject(List<ShellWord> args) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i).literal();
            if (a.equals("-r") || a.startsWith("--requirement") || a.startsWith("-r") && a.length() > 2
                    && !a.startsWith("--")) return true;
            if (a.equals(".") || a.startsWith("./") || a.startsWith(".[")) return true;
        }
        return false;
    }

    private static boolean anyArgContains(List<String> args, String part) {
        for (int i = 0; i < args.size(); i++) if (args.get(i).contains(part)) return true;
        return false;
    }

    private static String firstNonOption(List<ShellWord> args) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i).literal();
            if (!a.startsWith("-")) return a;
        }
        return "";
    }
}
