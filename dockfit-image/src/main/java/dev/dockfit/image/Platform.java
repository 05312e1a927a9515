package dev.dockfit.image;

import java.util.Locale;

/** An {@code os/architecture[/variant]} pair as {@code --platform} and image indexes write it. */
public record Platform(String os, String architecture, String variant) {

    public static final Platform DEFAULT = new Platform("linux", "amd64", null);

    public static Platform parse(String text) {
        String[] p = text.strip().toLowerCase(Locale.ROOT).split("/");
        if (p.length < 2 || p.length > 3 || p[0].isEmpty() || p[1].isEmpty()) {
            throw new IllegalArgumentException("invalid platform '" + text + "' (expected os/arch[/variant])");
        }
        return new Platform(p[0], p[1], p.length == 3 ? p[2] : null);
    }

    /** Variant is compared only when this platform names one; arm64 treats a missing variant as v8. */
    public boolean matches(String os, String architecture, String variant) {
        if (!this.os.equals(os) || !this.architecture.equals(architecture)) return false;
        if (this.variant == null) return true;
        String v = variant == null && architecture.equals("arm64") ? "v8" : variant;
        return this.variant.equals(v);
    }

    @Override
    public String toString() {
        return os + "/" + architecture + (variant == null ? "" : "/" + variant);
    }
}
