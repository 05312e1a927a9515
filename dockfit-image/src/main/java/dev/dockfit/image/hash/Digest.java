package dev.dockfit.image.hash;

import dev.dockfit.image.ImageException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** A content address such as {@code sha256:<64 hex>}; only sha256 and sha512 are accepted. */
public record Digest(String algorithm, String hex) {
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern SHA512 = Pattern.compile("[0-9a-f]{128}");

    public Digest {
        boolean ok = algorithm.equals("sha256") ? SHA256.matcher(hex).matches()
                : algorithm.equals("sha512") && SHA512.matcher(hex).matches();
        if (!ok) throw new ImageException("invalid digest '" + algorithm + ":" + hex + "'");
    }

    public static Digest parse(String text) {
        int colon = text == null ? -1 : text.indexOf(':');
        if (colon < 0) throw new ImageException("invalid digest '" + text + "'");
        return new Digest(text.substring(0, colon), text.substring(colon + 1));
    }

    public static Digest sha256(byte[] rawDigest) {
        return new Digest("sha256", HexFormat.of().formatHex(rawDigest));
    }

    /** The JCA algorithm name for {@link java.security.MessageDigest}. */
    public String jcaName() {
        return algorithm.equals("sha256") ? "SHA-256" : "SHA-512";
    }

    @Override
    public String toString() {
        return algorithm + ":" + hex;
    }
}
