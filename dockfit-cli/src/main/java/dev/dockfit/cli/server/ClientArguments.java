package dev.dockfit.cli.server;

import java.io.IOException;
import java.net.ProtocolException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A client's arguments, read from its {@code /proc/PID/cmdline} (Linux): the launcher sends its process id and
 * argument count instead of the arguments. Over thousands of paths, bash's {@code printf} of them took longer than
 * anything else the launcher does (about 5 ms for 2,500), and the server then read them in 4 KB pieces. A bash
 * script's positional parameters are the last entries of its process's command line; the launcher also sends the
 * first and the last, so that a mismatch (a sourced launcher, say) is refused rather than misread.
 */
final class ClientArguments {
    private ClientArguments() {
    }

    static List<String> read(long pid, int count, String first, String last, Charset charset) throws IOException {
        byte[] cmdline;
        try {
            cmdline = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
        } catch (IOException e) {
            throw new ProtocolException("cannot read the arguments of process " + pid + ": " + e.getMessage());
        }
        List<String> all = new ArrayList<>();
        for (int start = 0, i = 0; i < cmdline.length; i++) {
            if (cmdline[i] == 0) {
                all.add(new String(cmdline, start, i - start, charset));
                start = i + 1;
            }
        }
        if (count > all.size()) throw new ProtocolException("process " + pid + " has fewer than " + count + " arguments");
        List<String> args = all.subList(all.size() - count, all.size());
        if (count > 0 && (!args.get(0).equals(first) || !args.get(count - 1).equals(last))) {
            throw new ProtocolException("the arguments of process " + pid + " are not the ones announced");
        }
        return args;
    }
}
