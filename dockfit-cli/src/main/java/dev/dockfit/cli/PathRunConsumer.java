package dev.dockfit.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Stack;
import picocli.CommandLine.IParameterConsumer;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Takes a run of positional path arguments in one step, for a {@code List<String>} parameter without split regex
 * or type conversion. picocli's own loop does per-argument work these parameters never need (interpolating the
 * split regex, converting, bookkeeping): about 12 us per argument on C1, 30 ms for a 2,500-file lint, more than
 * reading those files. The result is the same: the run ends at the next argument that looks like an option,
 * which picocli then handles as before (an option, {@code --}, or an unknown option).
 */
public final class PathRunConsumer implements IParameterConsumer {
    @Override
    public void consumeParameters(Stack<String> args, ArgSpec argSpec, CommandSpec commandSpec) {
        List<String> values = argSpec.getValue();
        if (values == null) values = new ArrayList<>();
        values.add(args.pop()); // picocli has decided that this one is positional (it may follow "--")
        while (!args.isEmpty() && !looksLikeOption(args.peek())) values.add(args.pop());
        argSpec.setValue(values);
    }

    /** "-" alone is standard input, a path. */
    private static boolean looksLikeOption(String arg) {
        return arg.length() > 1 && arg.charAt(0) == '-';
    }
}
