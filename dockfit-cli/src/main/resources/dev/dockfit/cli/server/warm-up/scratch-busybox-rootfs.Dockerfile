FROM busybox:1.36-musl AS tools

FROM scratch
LABEL org.opencontainers.image.url="https://images.example.net/minimal"
ADD rootfs.tar.xz /
COPY --from=tools /bin/busybox /bin/busybox
COPY passwd group /etc/
ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
USER 65534
CMD ["/bin/busybox", "sh"]
