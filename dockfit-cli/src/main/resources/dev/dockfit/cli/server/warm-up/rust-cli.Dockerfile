ARG RUST_VERSION=1.77
ARG BIN=logshipper

FROM rust:${RUST_VERSION}-slim-bookworm AS build
ARG BIN
ARG TARGETARCH
WORKDIR /usr/src/logshipper
RUN apt-get update && apt-get install -y --no-install-recommends pkg-config musl-tools \
    && rm -rf /var/lib/apt/lists/*
# a static musl binary for the platform being built
RUN case "${TARGETARCH:-amd64}" in \
      amd64) triple=x86_64-unknown-linux-musl ;; \
      arm64) triple=aarch64-unknown-linux-musl ;; \
      *) echo "no musl target for ${TARGETARCH}" >&2; exit 1 ;; \
    esac \
    && rustup target add "$triple" \
    && echo "$triple" > /etc/rust-triple
# an empty crate first, so the dependencies build in their own cached layer
COPY Cargo.toml Cargo.lock ./
RUN mkdir src && echo 'fn main() {}' > src/main.rs \
    && cargo build --release --locked --target "$(cat /etc/rust-triple)" \
    && rm -rf src
COPY src ./src
RUN --mount=type=cache,target=/usr/local/cargo/registry \
    touch src/main.rs \
    && cargo build --release --locked --target "$(cat /etc/rust-triple)" \
    && install -m 0755 "target/$(cat /etc/rust-triple)/release/${BIN}" /usr/local/bin/app \
    && cargo install --locked --root /opt/tools cargo-auditable 2>/dev/null || true

FROM gcr.io/distroless/static-debian12
LABEL org.opencontainers.image.title="logshipper" \
      org.opencontainers.image.source="https://codeberg.org/example/logshipper" \
      org.opencontainers.image.description="Ships syslog to object storage — petit et rapide"
COPY --from=build /usr/local/bin/app /app
USER 65532:65532
EXPOSE 514/udp 6514
ENTRYPOINT ["/app"]
