package dev.dockfit.finding;

/** The one practice every finding belongs to; {@link #id()} is the string every output format prints. */
public enum Practice {
    LEAST_PRIVILEGE("least-privilege"),
    MULTI_STAGE("multi-stage"),
    VULNERABILITY("vulnerability"),
    BASE_IMAGE("base-image"),
    LAYER_CACHE("layer-cache"),
    IMAGE_SIZE("image-size"),
    SECURITY("security"),
    CORRECTNESS("correctness"),
    MAINTAINABILITY("maintainability");

    private final String id;

    Practice(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Practice fromId(String id) {
        for (Practice p : values()) {
            if (p.id.equals(id)) return p;
        }
        throw new IllegalArgumentException("unknown practice '" + id + "'");
    }
}
