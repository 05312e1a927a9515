# syntax=docker/dockerfile:1.7-labs
#
# PostgreSQL with PostGIS, pgvector and pg_partman, built from source on Debian bookworm.
# The build stages compile the extensions; the final stage is the official postgres image with only the
# shared objects and SQL files copied in, so that no compiler ends up in production.
#
ARG PG_MAJOR=16
ARG DEBIAN_RELEASE=bookworm
ARG POSTGIS_VERSION=3.4.2
ARG PGVECTOR_VERSION=0.6.2
ARG PARTMAN_VERSION=5.0.1

#--------------------------------------------------------------------------------------------------
FROM postgres:${PG_MAJOR}-${DEBIAN_RELEASE} AS build-base
ARG PG_MAJOR
ENV DEBIAN_FRONTEND=noninteractive
RUN --mount=type=cache,target=/var/cache/apt,sharing=locked \
    --mount=type=cache,target=/var/lib/apt,sharing=locked \
    rm -f /etc/apt/apt.conf.d/docker-clean; \
    echo 'Binary::apt::APT::Keep-Downloaded-Packages "true";' > /etc/apt/apt.conf.d/keep-cache; \
    apt-get update; \
    apt-get install -y --no-install-recommends \
        autoconf automake bison ca-certificates curl flex g++ gcc git libtool make pkg-config xsltproc \
        "postgresql-server-dev-${PG_MAJOR}" \
        libgdal-dev libgeos-dev libjson-c-dev libproj-dev libprotobuf-c-dev libxml2-dev protobuf-c-compiler
WORKDIR /build

#--------------------------------------------------------------------------------------------------
FROM build-base AS postgis
ARG POSTGIS_VERSION
ARG POSTGIS_SHA256=""
RUN set -eux; \
    url="https://download.osgeo.org/postgis/source/postgis-${POSTGIS_VERSION}.tar.gz"; \
    curl -fsSL -o postgis.tar.gz "$url"; \
    if [ -n "${POSTGIS_SHA256}" ]; then \
        echo "${POSTGIS_SHA256} *postgis.tar.gz" | sha256sum -c -; \
    else \
        echo "warning: no checksum given for ${url##*/}" >&2; \
    fi; \
    mkdir src && tar -xzf postgis.tar.gz -C src --strip-components=1; \
    cd src; \
    major="${POSTGIS_VERSION%%.*}"; \
    minor="${POSTGIS_VERSION#*.}"; minor="${minor%%.*}"; \
    echo "building PostGIS ${major}.${minor}"; \
    ./autogen.sh; \
    ./configure --without-raster --with-protobuf --enable-lto 2>&1 | tail -n 20; \
    make -j"$(nproc)"; \
    make install DESTDIR=/out; \
    find /out -name '*.a' -delete

#--------------------------------------------------------------------------------------------------
FROM build-base AS pgvector
ARG PGVECTOR_VERSION
# OPTFLAGS="" keeps the binary portable across CPUs (no -march=native)
RUN git clone --depth 1 --branch "v${PGVECTOR_VERSION}" https://github.com/pgvector/pgvector.git \
    && cd pgvector \
    && make OPTFLAGS="" \
    && make install DESTDIR=/out

#--------------------------------------------------------------------------------------------------
FROM build-base AS partman
ARG PARTMAN_VERSION
ADD --checksum=sha256:0e3d3e0f4b8c7a4b5f0d9a6e2c1b8f7a6d5e4c3b2a1f0e9d8c7b6a5f4e3d2c1b \
    https://github.com/pgpartman/pg_partman/archive/refs/tags/v5.0.1.tar.gz /build/partman.tar.gz
RUN tar -xzf partman.tar.gz \
    && cd "pg_partman-${PARTMAN_VERSION}" \
    && make NO_BGW=0 \
    && make install DESTDIR=/out

#--------------------------------------------------------------------------------------------------
FROM postgres:${PG_MAJOR}-${DEBIAN_RELEASE}
ARG PG_MAJOR
ARG POSTGIS_VERSION
ARG PGVECTOR_VERSION
ARG PARTMAN_VERSION

LABEL org.opencontainers.image.title="postgres-gis" \
      org.opencontainers.image.description="PostgreSQL ${PG_MAJOR} + PostGIS ${POSTGIS_VERSION} + pgvector ${PGVECTOR_VERSION} + pg_partman ${PARTMAN_VERSION}" \
      org.opencontainers.image.authors="Datenbank-Team <dba@example.de>" \
      org.opencontainers.image.base.name="docker.io/library/postgres:${PG_MAJOR}-bookworm"

# runtime libraries of the extensions, without their -dev packages
RUN set -eux; \
    apt-get update; \
    apt-get install -y --no-install-recommends \
        libgeos-c1v5 libjson-c5 libproj25 libprotobuf-c1 libxml2 libgdal32; \
    apt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false; \
    rm -rf /var/lib/apt/lists/*

COPY --link --from=postgis /out/ /
COPY --link --from=pgvector /out/ /
COPY --link --from=partman /out/ /

# initialisation scripts run by the entrypoint on an empty data directory
COPY <<-EOT /docker-entrypoint-initdb.d/10-extensions.sh
	#!/bin/sh
	set -e
	for db in template1 "${POSTGRES_DB:-postgres}"; do
		echo "loading extensions into $db"
		psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$db" <<-'EOSQL'
			CREATE EXTENSION IF NOT EXISTS postgis;
			CREATE EXTENSION IF NOT EXISTS vector;
			CREATE SCHEMA IF NOT EXISTS partman;
			CREATE EXTENSION IF NOT EXISTS pg_partman SCHEMA partman;
		EOSQL
	done
EOT

COPY <<EOF /docker-entrypoint-initdb.d/20-settings.sql
ALTER SYSTEM SET shared_preload_libraries = 'pg_partman_bgw';
ALTER SYSTEM SET pg_partman_bgw.interval = 3600;
ALTER SYSTEM SET pg_partman_bgw.role = 'postgres';
EOF

RUN chmod 0755 /docker-entrypoint-initdb.d/10-extensions.sh \
    && ldconfig \
    && for so in postgis-3 vector pg_partman_bgw; do \
           test -f "/usr/lib/postgresql/${PG_MAJOR}/lib/${so}.so" || { echo "missing ${so}.so"; exit 1; }; \
       done

# A health check that also checks the extensions are loadable
COPY --chmod=755 <<'EOF' /usr/local/bin/pg-healthcheck
#!/bin/bash
set -eo pipefail
host="$(hostname -i || echo '127.0.0.1')"
user="${POSTGRES_USER:-postgres}"
db="${POSTGRES_DB:-$POSTGRES_USER}"
export PGPASSWORD="${POSTGRES_PASSWORD:-}"
args=( --host "$host" --username "$user" --dbname "$db" --quiet --no-align --tuples-only )
if select="$(echo 'SELECT 1' | psql "${args[@]}")" && [ "$select" = '1' ]; then
    exit 0
fi
exit 1
EOF

# several heredocs in one RUN: a config file and the script that installs it
RUN <<CONF cat > /etc/postgresql-tuning.conf && <<'SCRIPT' bash
# written at build time on `date -u +%F`
max_connections = 200
shared_buffers = 512MB
effective_cache_size = 1536MB
maintenance_work_mem = 128MB
wal_buffers = 16MB
random_page_cost = 1.1
CONF
set -euo pipefail
sample=/usr/share/postgresql/postgresql.conf.sample
grep -q "include_if_exists = '/etc/postgresql-tuning.conf'" "$sample" \
    || echo "include_if_exists = '/etc/postgresql-tuning.conf'" >> "$sample"
while read -r key _ value; do
    case "$key" in
        ''|'#'*) continue ;;
        *) printf '%-28s %s\n' "$key" "$value" ;;
    esac
done < /etc/postgresql-tuning.conf
SCRIPT

HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=5 CMD ["pg-healthcheck"]
USER postgres
STOPSIGNAL SIGINT
EXPOSE 5432
VOLUME /var/lib/postgresql/data
