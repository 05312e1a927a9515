# syntax=docker/dockerfile:1.7
FROM node:18-bullseye-slim AS assets
WORKDIR /web
COPY package.json yarn.lock .yarnrc.yml ./
COPY .yarn .yarn
RUN --mount=type=cache,target=/root/.yarn/berry/cache \
    yarn install --immutable
COPY . .
ARG PUBLIC_URL=/
ARG API_BASE="https://api.example.com/v2"
RUN REACT_APP_API_BASE="$API_BASE" PUBLIC_URL="${PUBLIC_URL}" yarn build \
    && find build -name '*.map' -delete \
    && for f in build/static/js/*.js; do gzip -9 -k "$f"; done \
    && du -sh build | cut -f1

FROM nginx:1.25-alpine
LABEL org.opencontainers.image.source="https://github.com/example/storefront-web" \
      org.opencontainers.image.url="https://shop.example.com/"
# an nginx that runs unprivileged on 8080
COPY <<'EOF' /etc/nginx/conf.d/default.conf
server {
    listen 8080;
    server_name _;
    root /usr/share/nginx/html;
    gzip on;
    gzip_types text/css application/javascript application/json image/svg+xml;

    location / {
        try_files $uri $uri/ /index.html;
    }
    location ~* \.(?:css|js|woff2?|png|svg)$ {
        expires 1y;
        add_header Cache-Control "public, immutable";
    }
}
EOF
RUN sed -i -e 's,^pid .*,pid /tmp/nginx.pid;,' /etc/nginx/nginx.conf \
    && touch /tmp/nginx.pid \
    && chown -R nginx:nginx /var/cache/nginx /tmp/nginx.pid
COPY --from=assets --chown=nginx:nginx /web/build /usr/share/nginx/html
USER nginx
EXPOSE 8080
STOPSIGNAL SIGQUIT
HEALTHCHECK --interval=1m CMD wget -qO- http://127.0.0.1:8080/ >/dev/null 2>&1 || exit 1
CMD ["nginx", "-g", "daemon off;"]
