# syntax=docker/dockerfile:1
ARG GO_VERSION=1.22

FROM --platform=$BUILDPLATFORM golang:${GO_VERSION}-bookworm AS build
ARG TARGETOS
ARG TARGETARCH
ARG VERSION=dev
ARG COMMIT=unknown
WORKDIR /src

RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=bind,source=go.sum,target=go.sum \
    --mount=type=bind,source=go.mod,target=go.mod \
    go mod download -x

RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    --mount=type=bind,target=. \
    CGO_ENABLED=0 GOOS=${TARGETOS:-linux} GOARCH=${TARGETARCH:-amd64} \
    go build -trimpath \
      -ldflags "-s -w -X main.version=${VERSION} -X main.commit=${COMMIT}" \
      -o /out/inventoryd ./cmd/inventoryd

FROM build AS test
RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    --mount=type=bind,target=. \
    set -o pipefail; \
    go test -race -count=1 ./... 2>&1 | tee /tmp/test.log; \
    if grep -q '^--- FAIL' /tmp/test.log; then echo "tests failed" >&2; exit 1; fi

FROM alpine:3.19 AS certs
RUN apk --no-cache add ca-certificates tzdata

FROM gcr.io/distroless/static-debian12:nonroot
LABEL org.opencontainers.image.source="https://github.com/example/inventory" \
      org.opencontainers.image.url="https://inventory.example.com/" \
      org.opencontainers.image.licenses="Apache-2.0"
COPY --from=certs /usr/share/zoneinfo /usr/share/zoneinfo
COPY --from=build /out/inventoryd /usr/local/bin/inventoryd
USER nonroot:nonroot
EXPOSE 9090 9091/tcp
ENTRYPOINT ["/usr/local/bin/inventoryd"]
CMD ["--listen=:9090", "--metrics=:9091"]
