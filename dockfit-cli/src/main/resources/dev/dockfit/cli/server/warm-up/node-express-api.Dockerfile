# syntax=docker/dockerfile:1.6
# Orders API: an Express service with a TypeScript build step.
ARG NODE_VERSION=20.11.1
ARG ALPINE_VERSION=3.19

FROM node:${NODE_VERSION}-alpine${ALPINE_VERSION} AS base
ENV NODE_ENV=production \
    NPM_CONFIG_UPDATE_NOTIFIER=false \
    NPM_CONFIG_FUND=false
WORKDIR /usr/src/app

FROM base AS deps
# only the manifests, so that a source change keeps this layer
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm \
    npm ci --omit=dev --ignore-scripts

FROM base AS build
RUN apk add --no-cache python3 make g++
COPY package.json package-lock.json tsconfig.json ./
RUN --mount=type=cache,target=/root/.npm npm ci
COPY src ./src
RUN npm run build \
    && if [ -d dist/locales ]; then \
         for f in dist/locales/*.json; do node -e "JSON.parse(require('fs').readFileSync('$f'))" || exit 1; done; \
       fi \
    && npm prune --omit=dev

FROM base AS final
LABEL org.opencontainers.image.source="https://github.com/example-shop/orders-api" \
      org.opencontainers.image.documentation="https://docs.example-shop.com/orders/" \
      org.opencontainers.image.url="https://example-shop.com"
RUN apk add --no-cache tini curl \
    && mkdir -p /var/log/orders \
    && chown node:node /var/log/orders
COPY --from=deps --chown=node:node /usr/src/app/node_modules ./node_modules
COPY --from=build --chown=node:node /usr/src/app/dist ./dist
COPY --chown=node:node package.json ./
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 \
    CMD curl -fsS http://127.0.0.1:3000/healthz >/dev/null || exit 1
ENTRYPOINT ["/sbin/tini", "--"]
CMD ["node", "dist/server.js"]
