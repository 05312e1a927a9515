package dev.dockfit.image.registry;

import dev.dockfit.image.Image;
import dev.dockfit.image.ImageException;
import dev.dockfit.image.ImageSource;
import dev.dockfit.image.blob.Blob;
import dev.dockfit.image.hash.Digest;
import dev.dockfit.image.hash.DigestingInputStream;
import dev.dockfit.image.source.ManifestResolver;
import dev.dockfit.image.source.MediaTypes;
import dev.dockfit.reference.ImageReference;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/** Opens {@code docker://host[:port]/repo[:tag|@digest]} through the registry v2 API. */
public final class RegistryImages {
    private RegistryImages() {
    }

    public static Image open(String spec, ImageSource.Options options) {
        ImageReference ref = reference(spec);
        RegistryClient client = client(ref, options);
        String reference = ref.digest() != null ? ref.digest() : ref.tag() != null ? ref.tag() : "latest";

        byte[] top;
        try (InputStream in = client.manifest(reference, MediaTypes.ACCEPT).body()) {
            top = in.readNBytes(8 << 20);
        } catch (IOException e) {
            throw new ImageException(spec + ": cannot read manifest (" + e.getMessage() + ")", e);
        }
        Digest topDigest = sha256(top);
        if (ref.digest() != null && !Digest.parse(ref.digest()).equals(topDigest)) {
            throw new ImageException(spec + ": manifest digest mismatch: content hashes to " + topDigest);
        }
        ManifestResolver resolver = new ManifestResolver(
                d -> Optional.of(blob(client, d, false)), d -> Optional.of(blob(client, d, true)),
                options.platform(), spec);
        ManifestResolver.Resolved r = resolver.fromDocument(top, topDigest);
        return new Image(spec, "registry", r.manifestDigest(), r.config(), r.layers(), r.annotations(), null);
    }

    /** Parses {@code docker://REF} (the prefix is optional). */
    static ImageReference reference(String spec) {
        String text = spec.startsWith("docker://") ? spec.substring("docker://".length()) : spec;
        return ImageReference.parse(text).orElseThrow(() -> new ImageException(spec + ": not a valid image reference"));
    }

    /** A client for the reference's repository: plain HTTP for localhost and the insecure registries. */
    static RegistryClient client(ImageReference ref, ImageSource.Options options) {
        String registry = ref.isDockerHub() ? "registry-1.docker.io" : ref.registry();
        String host = registry.contains(":") ? registry.substring(0, registry.lastIndexOf(':')) : registry;
        boolean plain = host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]")
                || options.insecureRegistries().contains(registry) || options.insecureRegistries().contains(host);
        return new RegistryClient(plain ? "http" : "https", registry, ref.apiRepository(), options.dockerConfig());
    }

    private static Blob blob(RegistryClient client, Digest digest, boolean manifest) {
        return new Blob() {
            @Override
            public InputStream open() {
                return manifest ? client.manifest(digest.toString(), MediaTypes.ACCEPT).body()
                        : client.blob(digest.toString()).body();
            }

            @Override
            public long size() {
                return -1;
            }

            @Override
            public String name() {
                return digest.toString();
            }
        };
    }

    private static Digest sha256(byte[] data) {
        try {
            DigestingInputStream in = new DigestingInputStream(new ByteArrayInputStream(data), "sha256");
            in.drain();
            return in.result();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
