# syntax=docker/dockerfile:1.7
# A data-pipeline worker written with BuildKit heredocs: every step is a small script, not a chain of &&.
ARG PYTHON_VERSION=3.12
FROM python:${PYTHON_VERSION}-slim-bookworm AS base
ENV VIRTUAL_ENV=/opt/venv PATH=/opt/venv/bin:$PATH

FROM base AS system
RUN --mount=type=cache,target=/var/cache/apt,sharing=locked \
    --mount=type=cache,target=/var/lib/apt,sharing=locked <<EOF
set -eu
rm -f /etc/apt/apt.conf.d/docker-clean
apt-get update
packages="libpq5 libgomp1 curl"
if [ "$(dpkg --print-architecture)" = "amd64" ]; then
    packages="$packages libtbb12"
fi
# shellcheck disable=SC2086
apt-get install -y --no-install-recommends $packages
EOF

FROM system AS deps
COPY requirements.lock /tmp/requirements.lock
RUN --mount=type=cache,target=/root/.cache/pip <<'EOF' bash
set -euo pipefail
python -m venv "$VIRTUAL_ENV"
pip install --upgrade pip
# a private index when the build has its credentials
if [[ -f /run/secrets/pip_index ]]; then
    index="$(< /run/secrets/pip_index)"
    pip install --index-url "$index" --require-hashes -r /tmp/requirements.lock
else
    pip install --require-hashes -r /tmp/requirements.lock
fi
pip check
EOF

FROM deps AS test
COPY . /src
WORKDIR /src
RUN <<EOF
set -e
for suite in unit contract; do
    echo "== $suite =="
    python -m pytest -q "tests/$suite" -p no:cacheprovider || exit 1
done
EOF

FROM system AS final
COPY --from=deps /opt/venv /opt/venv
COPY --from=test /src/pipeline /opt/pipeline/pipeline

COPY <<EOF /etc/pipeline/worker.toml
[worker]
concurrency = 4
queue = "ingest"

[storage]
bucket = "s3://example-datalake/raw"
EOF

COPY <<-"EOF" /usr/local/bin/worker-entrypoint
	#!/bin/sh
	set -e
	case "${1:-}" in
		worker|"") set -- python -m pipeline.worker --config /etc/pipeline/worker.toml ;;
		shell) set -- /bin/sh ;;
		-*) set -- python -m pipeline.worker "$@" ;;
	esac
	if [ "$(id -u)" = "0" ]; then
		echo "refusing to run as root" >&2
		exit 1
	fi
	exec "$@"
EOF

# two heredocs for one command: the unit file and the install script that checks it
RUN <<UNIT cat > /etc/pipeline/limits.conf && <<'CHECK' sh -eu
worker soft nofile 65536
worker hard nofile 65536
UNIT
chmod 0755 /usr/local/bin/worker-entrypoint
while read -r who kind item value; do
    case "$who" in
        ''|\#*) continue ;;
    esac
    if [ "$item" != nofile ] || [ "$value" -lt 1024 ]; then
        echo "unexpected limit: $who $kind $item $value" >&2
        exit 1
    fi
done < /etc/pipeline/limits.conf
CHECK

RUN <<EOF
useradd --system --uid 10001 --home-dir /var/lib/pipeline --create-home worker
mkdir -p /var/lib/pipeline/spool
chown worker /var/lib/pipeline/spool
cat > /var/lib/pipeline/README <<NOTE
Spool directory of the ingest worker.
Files here are removed after `date +%Y` processing.
NOTE
EOF

USER worker
WORKDIR /var/lib/pipeline
ENV PYTHONPATH=/opt/pipeline
HEALTHCHECK NONE
ENTRYPOINT ["/usr/local/bin/worker-entrypoint"]
CMD ["worker"]
