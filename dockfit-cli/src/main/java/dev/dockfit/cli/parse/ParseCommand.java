package dev.dockfit.cli.parse;

import dev.dockfit.cli.ExitCodes;
import dev.dockfit.cli.InputFiles;
import dev.dockfit.cli.Invocation;
import dev.dockfit.cli.Json;
import dev.dockfit.dockerfile.model.Dockerfile;
import dev.dockfit.dockerfile.parser.BuildKitDump;
import dev.dockfit.dockerfile.parser.DockerfileParseException;
import dev.dockfit.dockerfile.parser.DockerfileParser;
import dev.dockfit.dockerfile.semantic.BuildModel;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code dockfit parse}: prints the model of a Dockerfile as JSON, or BuildKit's AST dump. */
@Command(name = "parse", mixinStandardHelpOptions = true,
        description = "Parse a Dockerfile and print its model (JSON) or BuildKit's AST dump.")
public final class ParseCommand implements Callable<Integer> {

    enum Format { json, buildkit }

    private final Invocation invocation;

    @Parameters(paramLabel = "FILE", description = "Dockerfile to parse, or - for standard input")
    String file;

    @Option(names = "--format", defaultValue = "json", description = "json (default) or buildkit")
    Format format;

    @Option(names = "--debug", description = "show stack traces for internal errors")
    boolean debug;

    @Spec
    CommandSpec spec;

    public ParseCommand(Invocation invocation) {
        this.invocation = invocation;
    }

    @Override
    public Integer call() {
        byte[] bytes = InputFiles.read(invocation, file);
        PrintWriter out = spec.commandLine().getOut();
        Dockerfile df;
        try {
            df = DockerfileParser.parse(file, bytes);
        } catch (DockerfileParseException e) {
            spec.commandLine().getErr().println(e.format(file));
            return ExitCodes.FINDINGS;
        }
        if (format == Format.buildkit) {
            out.print(BuildKitDump.dump(df));
            out.flush();
        } else {
            Json.write(out, ParseJson.of(BuildModel.of(df)));
        }
        return ExitCodes.OK;
    }
}
