package dev.dockfit.cli.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Dockerfiles written for the lint server's warm-up, shipped in the jar ({@code warm-up/*.Dockerfile} next to
 * this class, listed in {@code warm-up/files.txt} because a jar cannot list a directory). The rules' examples
 * are a few lines each; these are what real Dockerfiles hold: directives and comments, ARG and ENV
 * expansions, multi-stage builds, long RUN chains with quotes, control flow, pipes and heredocs, package
 * installs of every package manager, many official base images, non-ASCII text, short files and long ones.
 */
final class WarmUpCorpus {
    private static final String DIR = "warm-up/";

    private WarmUpCorpus() {
    }

    /** The file names of the corpus, in the order of its index. */
    static List<String> names() throws IOException {
        return new String(read("files.txt"), StandardCharsets.UTF_8).lines()
                .map(String::strip).filter(n -> !n.isEmpty() && !n.startsWith("#")).toList();
    }

    /** Writes the corpus into {@code dir} under its own names; returns the paths written. */
    static List<String> write(Path dir) throws IOException {
        List<String> paths = new ArrayList<>();
        for (String name : names()) {
            Path f = dir.resolve(name);
            Files.write(f, read(name));
            paths.add(f.toString());
        }
        return paths;
    }

    private static byte[] read(String name) throws IOException {
        try (InputStream in = WarmUpCorpus.class.getResourceAsStream(DIR + name)) {
            if (in == null) throw new IOException("the warm-up corpus has no " + DIR + name + " in the jar");
            return in.readAllBytes();
        }
    }
}
