#
# A message broker built from source the way library images are: a pinned Debian base, the service account
# created before any package (stable ids), a step-down helper for the entrypoint, and build tools that are
# marked auto-installed and purged in the layer that used them.
#
FROM debian:bookworm-20240311-slim

RUN set -eux; \
	groupadd --system --gid 998 broker; \
	useradd --system --gid broker --uid 998 --home-dir /var/lib/broker --no-create-home broker

RUN set -eux; \
	apt-get update; \
	apt-get install -y --no-install-recommends \
		ca-certificates \
		libssl3 \
		netbase \
	; \
	rm -rf /var/lib/apt/lists/*

# su-exec from source: a 20 KB helper that execs the server as the broker user
ENV SU_EXEC_COMMIT 4c3bb42b093f14da70d8ab924b487ccfbb1397af
RUN set -eux; \
	keep="$(apt-mark showmanual)"; \
	apt-get update; \
	apt-get install -y --no-install-recommends gcc libc6-dev make curl; \
	rm -rf /var/lib/apt/lists/*; \
	curl -fsSL "https://codeload.example.net/su-exec/tar.gz/${SU_EXEC_COMMIT}" | tar -xz -C /tmp; \
	make -C "/tmp/su-exec-${SU_EXEC_COMMIT}"; \
	install -m 0755 "/tmp/su-exec-${SU_EXEC_COMMIT}/su-exec" /usr/local/sbin/; \
	rm -rf /tmp/su-exec-*; \
	apt-mark auto '.*' >/dev/null; \
	if [ -n "$keep" ]; then apt-mark manual $keep >/dev/null; fi; \
	apt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false; \
	su-exec nobody true

ENV BROKER_VERSION 3.8.1
ENV BROKER_URL https://downloads.example.net/broker/broker-3.8.1-src.tar.xz
ENV BROKER_SHA256 4b6f2f07d1cf1b7f2b2e0a76a7c97a3c0dc3d0b1f05c4a8d79a2d3a8c1e5f9b2

RUN set -eux; \
	\
	keep="$(apt-mark showmanual)"; \
	apt-get update; \
	apt-get install -y --no-install-recommends \
		curl \
		xz-utils \
		\
		cmake \
		g++ \
		libssl-dev \
		ninja-build \
		zlib1g-dev \
	; \
	rm -rf /var/lib/apt/lists/*; \
	\
	curl -fsSL -o broker.tar.xz "$BROKER_URL"; \
	echo "$BROKER_SHA256  broker.tar.xz" | sha256sum --strict --check; \
	mkdir -p /usr/src/broker; \
	tar -xJf broker.tar.xz -C /usr/src/broker --strip-components=1; \
	rm broker.tar.xz; \
	\
# listen on every interface by default: the container's network namespace is the boundary
	sed -i -e 's/^#\?\s*bind\s.*$/bind 0.0.0.0/' /usr/src/broker/conf/broker.conf; \
	grep -q '^bind 0.0.0.0$' /usr/src/broker/conf/broker.conf; \
	\
	arch="$(dpkg --print-architecture)"; \
	case "${arch##*-}" in \
		amd64) simd=-DBROKER_SIMD=avx2 ;; \
		arm64) simd=-DBROKER_SIMD=neon ;; \
		*) simd= ;; \
	esac; \
	cmake -S /usr/src/broker -B /usr/src/broker/build -G Ninja \
		-DCMAKE_BUILD_TYPE=Release \
		-DCMAKE_INSTALL_PREFIX=/usr/local \
		-DBROKER_TLS=ON \
		$simd; \
	cmake --build /usr/src/broker/build --parallel "$(nproc)"; \
	cmake --install /usr/src/broker/build --strip; \
	install -D -m 0644 /usr/src/broker/conf/broker.conf /etc/broker/broker.conf; \
	rm -rf /usr/src/broker; \
	\
# keep the shared libraries the installed binaries link to, drop every other build package
	apt-mark auto '.*' >/dev/null; \
	if [ -n "$keep" ]; then apt-mark manual $keep >/dev/null; fi; \
	for bin in /usr/local/bin/broker*; do \
		ldd "$bin" | awk '$3 ~ /^\// { print $3 }'; \
	done \
		| sort -u \
		| xargs -r realpath \
		| xargs -r dpkg-query --search 2>/dev/null \
		| cut -d: -f1 \
		| sort -u \
		| xargs -r apt-mark manual; \
	apt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false; \
	\
	broker-server --version; \
	broker-admin --version

RUN install -d -o broker -g broker -m 0750 /var/lib/broker
VOLUME /var/lib/broker
WORKDIR /var/lib/broker

COPY --chmod=0755 entrypoint.sh /usr/local/bin/
ENTRYPOINT ["entrypoint.sh"]

EXPOSE 5672 15672 25672/tcp
CMD ["broker-server", "/etc/broker/broker.conf"]
