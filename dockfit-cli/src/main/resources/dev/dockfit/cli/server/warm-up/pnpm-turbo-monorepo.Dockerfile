# syntax=docker/dockerfile:1
# The web app of the monorepo: only its workspace packages are copied into the install stage.
FROM node:20.11-slim AS node
ENV PNPM_HOME=/pnpm PATH=/pnpm:$PATH
RUN corepack enable && corepack prepare pnpm@8.15.4 --activate

FROM node AS subset
WORKDIR /monorepo
COPY . .
RUN pnpm dlx turbo@1.12.5 prune @acme/web --docker

FROM node AS build
WORKDIR /monorepo
COPY --from=subset /monorepo/out/json/ ./
COPY --from=subset /monorepo/out/pnpm-lock.yaml ./
RUN --mount=type=cache,id=pnpm-store,target=/pnpm/store \
    pnpm install --frozen-lockfile --prefer-offline
COPY --from=subset /monorepo/out/full/ ./
ARG NEXT_PUBLIC_RELEASE=local
RUN --mount=type=secret,id=turbo_token,env=TURBO_TOKEN \
    pnpm --filter "@acme/web..." run build \
    && pnpm --filter @acme/web deploy --prod /deploy

FROM gcr.io/distroless/nodejs20-debian12:nonroot
LABEL org.opencontainers.image.source="https://github.com/acme/platform" \
      org.opencontainers.image.documentation="https://acme.dev/docs/web"
WORKDIR /app
COPY --from=build /deploy/node_modules ./node_modules
COPY --from=build /monorepo/apps/web/.next/standalone ./
COPY --from=build /monorepo/apps/web/.next/static ./apps/web/.next/static
COPY --from=build /monorepo/apps/web/public ./apps/web/public
ENV NODE_ENV=production PORT=3000
EXPOSE 3000
CMD ["apps/web/server.js"]
