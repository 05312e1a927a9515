ARG ELIXIR=1.16.2
ARG OTP=26.2.3
ARG DEBIAN=bookworm-20240311-slim

FROM hexpm/elixir:${ELIXIR}-erlang-${OTP}-debian-${DEBIAN} as build
ENV MIX_ENV=prod \
    ERL_FLAGS="+JPperf true"
RUN apt-get update -y \
    && apt-get install -y --no-install-recommends build-essential git nodejs npm \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /opt/shop
RUN mix do local.hex --force, local.rebar --force
COPY mix.exs mix.lock ./
COPY config/config.exs config/prod.exs config/
RUN mix deps.get --only prod && mix deps.compile
COPY assets/package.json assets/package-lock.json assets/
RUN npm --prefix assets ci --no-audit --no-fund && npm cache clean --force
COPY priv priv
COPY lib lib
COPY assets assets
RUN mix assets.deploy && mix compile
COPY config/runtime.exs config/
RUN mix release shop --path /opt/release \
    && for f in /opt/release/bin/*; do \
         case "$f" in *.bat) rm -f "$f" ;; esac; \
       done

FROM debian:${DEBIAN}
RUN apt-get update -y \
    && apt-get install -y --no-install-recommends libstdc++6 openssl libncurses6 locales ca-certificates \
    && sed -i 's/^# *\(en_US.UTF-8\)/\1/' /etc/locale.gen \
    && locale-gen \
    && rm -rf /var/lib/apt/lists/*
ENV LANG=en_US.UTF-8 LC_ALL=en_US.UTF-8 \
    PHX_SERVER=true
WORKDIR /opt/shop
LABEL org.opencontainers.image.source="https://github.com/example/shop" \
      org.opencontainers.image.documentation="https://hexdocs.example.com/shop"
COPY --from=build --chown=nobody:root /opt/release ./
USER nobody
EXPOSE 4000
CMD ["/opt/shop/bin/shop", "start"]
