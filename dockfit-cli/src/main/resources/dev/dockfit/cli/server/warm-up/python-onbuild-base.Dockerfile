# Base image for our Python services: a service's Dockerfile is just
#   FROM registry.example.com/base/python-service:3.11
# and the ONBUILD triggers below install its requirements and copy its code.
FROM python:3.11-slim-bullseye

LABEL maintainer="プラットフォームチーム <platform@example.jp>" \
      org.opencontainers.image.description="Python サービス用のベースイメージ" \
      org.opencontainers.image.url="https://wiki.example.jp/base-images"

ENV PYTHONUNBUFFERED=1 \
    PYTHONFAULTHANDLER=1 \
    PIP_NO_CACHE_DIR=off \
    PIP_DISABLE_PIP_VERSION_CHECK=on \
    APP_HOME=/app

RUN apt-get update && apt-get install -y --no-install-recommends tini && apt-get clean && rm -rf /var/lib/apt/lists/* \
    && useradd --create-home --home-dir ${APP_HOME} --uid 1000 --user-group service
WORKDIR ${APP_HOME}

ONBUILD ARG PIP_EXTRA_INDEX_URL
ONBUILD COPY requirements*.txt ./
ONBUILD RUN pip install -r requirements.txt && rm -rf /root/.cache
ONBUILD COPY --chown=service:service . .
ONBUILD USER service

ENTRYPOINT ["/usr/bin/tini", "-g", "--"]
CMD ["python", "-m", "service"]
