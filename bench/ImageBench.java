import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Helper for bench/image.sh. {@code make DIR MB}: writes an OCI layout of about MB megabytes uncompressed
 * (gzip layers of text-like files, so inflate has real work). {@code inflate DIR THREADS}: the baseline, a
 * parallel inflate-only pass over the layer blobs; prints seconds. {@code verify DIR THREADS}: the same pass plus
 * the two SHA-256 digests every reader must check (the blob's digest over the compressed bytes, the diffID over
 * the tar stream): the least work a verifying reader can do.
 */
public class ImageBench {
    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "make" -> make(Path.of(args[1]), Integer.parseInt(args[2]));
            case "inflate" -> inflate(Path.of(args[1]), Integer.parseInt(args[2]), false);
            case "verify" -> inflate(Path.of(args[1]), Integer.parseInt(args[2]), true);
            default -> throw new IllegalArgumentException("make, inflate or verify: " + args[0]);
        }
    }

    static void make(Path dir, int megabytes) throws Exception {
        Files.createDirectories(dir.resolve("blobs/sha256"));
        Random random = new Random(42);
        String[] words = new String[4096];
        for (int i = 0; i < words.length; i++) {
            StringBuilder w = new StringBuilder();
            for (int j = 0, n = 3 + random.nextInt(8); j < n; j++) w.append((char) ('a' + random.nextInt(26)));
            words[i] = w.toString();
        }
        int layers = 6;
        long perLayer = (long) megabytes * 1024 * 1024 / layers;
        List<String> layerJson = new ArrayList<>();
        List<String> diffIds = new ArrayList<>();
        List<String> history = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            Path tmp = dir.resolve("layer.tmp");
            MessageDigest tarDigest = MessageDigest.getInstance("SHA-256");
            try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16);
                 GZIPOutputStream gz = new GZIPOutputStream(file, 1 << 16);
                 OutputStream digesting = new java.security.DigestOutputStream(gz, tarDigest);
                 TarArchiveOutputStream tar = new TarArchiveOutputStream(digesting)) {
                tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
                long written = 0;
                for (int f = 0; written < perLayer; f++) {
                    int size = f % 50 == 0 ? 4 << 20 : 2000 + random.nextInt(60000);
                    StringBuilder text = new StringBuilder(size + 16);
                    while (text.length() < size) text.append(words[random.nextInt(words.length)]).append(f % 7 == 0 ? '\n' : ' ');
                    byte[] data = text.toString().getBytes(StandardCharsets.US_ASCII);
                    TarArchiveEntry e = new TarArchiveEntry("layer" + l + "/dir" + (f % 40) + "/file" + f + ".txt");
                    e.setSize(data.length);
                    tar.putArchiveEntry(e);
                    tar.write(data);
                    tar.closeArchiveEntry();
                    written += data.length;
                }
            }
            String digest = sha256(tmp);
            Files.move(tmp, dir.resolve("blobs/sha256/" + digest));
            layerJson.add("{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar+gzip\",\"digest\":\"sha256:" + digest
                    + "\",\"size\":" + Files.size(dir.resolve("blobs/sha256/" + digest)) + "}");
            diffIds.add("\"sha256:" + HexFormat.of().formatHex(tarDigest.digest()) + "\"");
            history.add("{\"created_by\":\"RUN make layer " + l + "\"}");
        }
        String config = "{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{\"User\":\"1000\"},\"rootfs\":{\"type\":\"layers\",\"diff_ids\":["
                + String.join(",", diffIds) + "]},\"history\":[" + String.join(",", history) + "]}";
        String configDigest = write(dir, config);
        String manifest = "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\"sha256:"
                + configDigest + "\",\"size\":" + config.length() + "},\"layers\":[" + String.join(",", layerJson) + "]}";
        String manifestDigest = write(dir, manifest);
        Files.writeString(dir.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
        Files.writeString(dir.resolve("index.json"), "{\"schemaVersion\":2,\"manifests\":[{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\"sha256:"
                + manifestDigest + "\",\"size\":" + manifest.length() + "}]}");
    }

    static String write(Path dir, String json) throws Exception {
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        String d = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        Files.write(dir.resolve("blobs/sha256/" + d), b);
        return d;
    }

    static String sha256(Path p) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(p)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) md.update(buf, 0, n);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    static void inflate(Path dir, int threads, boolean verify) throws Exception {
        List<Path> blobs = new ArrayList<>();
        try (var s = Files.list(dir.resolve("blobs/sha256"))) {
            for (Path p : s.toList()) if (Files.size(p) > 1 << 20) blobs.add(p);
        }
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Long>> done = new ArrayList<>();
        for (Path p : blobs) {
            done.add(pool.submit(() -> {
                long total = 0;
                MessageDigest blob = MessageDigest.getInstance("SHA-256");
                MessageDigest diffId = MessageDigest.getInstance("SHA-256");
                InputStream file = new BufferedInputStream(Files.newInputStream(p), 1 << 16);
                if (verify) file = new java.security.DigestInputStream(file, blob);
                try (InputStream in = new GZIPInputStream(file, 1 << 16)) {
                    byte[] buf = new byte[1 << 16];
                    for (int n; (n = in.read(buf)) > 0; ) {
                        total += n;
                        if (verify) diffId.update(buf, 0, n);
                    }
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
                if (verify) {
                    diffId.digest(); // the config's diffID list is not read here: the work, not the comparison, counts
                    if (!HexFormat.of().formatHex(blob.digest()).equals(p.getFileName().toString())) {
                        throw new IllegalStateException("digest mismatch: " + p);
                    }
                }
                return total;
            }));
        }
        long bytes = 0;
        for (Future<Long> f : done) bytes += f.get();
        pool.shutdown();
        System.out.printf("%.3f %d%n", (System.nanoTime() - start) / 1e9, bytes);
    }
}
