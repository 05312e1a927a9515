package dev.dockfit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The consumer parses every command line exactly as picocli's own positional handling does. */
class PathRunConsumerTest {
    @Command(name = "lint", mixinStandardHelpOptions = true)
    static class Plain {
        @Parameters(arity = "1..*")
        List<String> paths;
        @Option(names = {"-f", "--format"})
        String format;
        @Option(names = "--ignore")
        List<String> ignore = new ArrayList<>();
        @Option(names = "--no-color")
        boolean noColor;
    }

    @Command(name = "lint", mixinStandardHelpOptions = true)
    static class Consumed {
        @Parameters(arity = "1..*", parameterConsumer = PathRunConsumer.class)
        List<String> paths;
        @Option(names = {"-f", "--format"})
        String format;
        @Option(names = "--ignore")
        List<String> ignore = new ArrayList<>();
        @Option(names = "--no-color")
        boolean noColor;
    }

    @Property(tries = 1000)
    void sameValuesOrSameErrorAsPicocli(@ForAll("commandLines") List<String> args) {
        String[] a = args.toArray(String[]::new);
        Plain plain = new Plain();
        Consumed consumed = new Consumed();
        String plainResult = parse(plain, a, () -> plain.paths + " " + plain.format + " " + plain.ignore + " " + plain.noColor);
        String consumedResult = parse(consumed, a,
                () -> consumed.paths + " " + consumed.format + " " + consumed.ignore + " " + consumed.noColor);
        assertThat(consumedResult).as(args.toString()).isEqualTo(plainResult);
    }

    private static String parse(Object command, String[] args, java.util.function.Supplier<String> values) {
        try {
            new CommandLine(command).parseArgs(args);
            return values.get();
        } catch (CommandLine.ParameterException e) {
            return "error: " + e.getMessage();
        }
    }

    @Provide
    Arbitrary<List<String>> commandLines() {
        return Arbitraries.of("Dockerfile", "a/Dockerfile", "dir", "-", "--", "-f", "--format", "json", "--format=json",
                "-fjson", "--ignore", "DL3008", "--no-color", "-x", "--bogus", "-1", "", " ", "-h").list().ofMaxSize(8);
    }

    @Property(tries = 20)
    void aLongRunOfPathsIsTakenWhole(@ForAll("manyPaths") List<String> paths) {
        List<String> args = new ArrayList<>(paths);
        args.add(0, "--no-color");
        args.add("--format");
        args.add("json");
        Consumed c = new Consumed();
        new CommandLine(c).parseArgs(args.toArray(String[]::new));
        assertThat(c.paths).isEqualTo(paths);
        assertThat(c.format).isEqualTo("json");
    }

    @Provide
    Arbitrary<List<String>> manyPaths() {
        return Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12).map(s -> "dir/" + s).list().ofMinSize(1).ofMaxSize(3000);
    }
}
