FROM alpine:3.19
ARG VERSION=2.4.1
LABEL org.opencontainers.image.url="https://relay.example.io" org.opencontainers.image.version="${VERSION}"
RUN apk add --no-cache ca-certificates tzdata tini \
    && addgroup -S -g 10001 relay \
    && adduser -S -D -H -u 10001 -G relay -s /sbin/nologin relay
RUN wget -O- "https://releases.example.io/relay/v${VERSION}/relay_${VERSION}_linux_amd64.tar.gz" | tar -xz -C /usr/local/bin relay
USER 10001:10001
EXPOSE 25/tcp 587 4190-4199
ENTRYPOINT ["/sbin/tini", "--", "relay"]
CMD ["serve", "--config", "/etc/relay/relay.toml"]
