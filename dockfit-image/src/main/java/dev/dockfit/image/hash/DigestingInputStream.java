package dev.dockfit.image.hash;

import dev.dockfit.image.ImageException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Counts and hashes every byte that passes through, so digests are checked during the one streaming read. */
public final class DigestingInputStream extends FilterInputStream {
    private final MessageDigest digest;
    private final String algorithm;
    private long count;

    public DigestingInputStream(InputStream in, String algorithm) {
        super(in);
        this.algorithm = algorithm;
        try {
            this.digest = MessageDigest.getInstance(algorithm.equals("sha512") ? "SHA-512" : "SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
            digest.update((byte) b);
            count++;
        }
        return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        int n = in.read(buf, off, len);
        if (n > 0) {
            digest.update(buf, off, n);
            count += n;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] buf = new byte[8192];
        long skipped = 0;
        while (skipped < n) {
            int r = read(buf, 0, (int) Math.min(buf.length, n - skipped));
            if (r < 0) break;
            skipped += r;
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    /** Reads and hashes everything left, so the digest covers the whole stream. */
    public void drain() throws IOException {
        byte[] buf = new byte[65536];
        while (read(buf, 0, buf.length) >= 0) {
            // hashing happens in read
        }
    }

    public long count() {
        return count;
    }

    /** The digest of everything read so far; call once, after {@link #drain()}. */
    public Digest result() {
        return new Digest(algorithm, HexFormat.of().formatHex(digest.digest()));
    }

    /** Throws when the bytes read do not hash to {@code expected}; {@code what} names the blob in the message. */
    public Digest verify(Digest expected, String what) {
        return check(result(), expected, what);
    }

    /** Throws when {@code actual} is not {@code expected} (null: nothing to check); returns {@code actual}. */
    public static Digest check(Digest actual, Digest expected, String what) {
        if (expected != null && !expected.equals(actual)) {
            throw new ImageException(what + ": digest mismatch: expected " + expected + ", content hashes to " + actual);
        }
        return actual;
    }
}
