# syntax = docker/dockerfile:1

# The Ruby here must be the one in .ruby-version (CI compares them)
ARG RUBY_VERSION=3.3.0
FROM docker.io/library/ruby:$RUBY_VERSION-slim as ruby-base

WORKDIR /srv/helpdesk
ENV RAILS_ENV="production" \
    RAILS_LOG_TO_STDOUT="1" \
    BUNDLE_PATH="/usr/local/bundle" \
    BUNDLE_WITHOUT="development test"

FROM ruby-base as gems
RUN apt-get update -qq && \
    apt-get install --no-install-recommends -y build-essential git libpq-dev pkg-config
COPY Gemfile Gemfile.lock .ruby-version ./
RUN gem install bundler -v "$(tail -n 1 Gemfile.lock | tr -d ' ')" && \
    bundle config set --local deployment true && \
    bundle install --jobs 4 && \
    rm -rf ~/.bundle/ "${BUNDLE_PATH}"/ruby/*/cache

FROM gems as assets
ARG NODE_VERSION=20.11.0
ENV PATH=/opt/node/bin:$PATH
RUN curl -fsSL "https://nodejs.org/dist/v${NODE_VERSION}/node-v${NODE_VERSION}-linux-x64.tar.xz" | tar -xJ -C /opt && \
    mv "/opt/node-v${NODE_VERSION}-linux-x64" /opt/node && \
    npm install -g yarn@1.22.21
COPY package.json yarn.lock ./
RUN yarn install --frozen-lockfile --non-interactive && yarn cache clean
COPY . .
RUN SECRET_KEY_BASE=precompile-only bundle exec rails assets:precompile && \
    rm -rf node_modules tmp/cache

FROM ruby-base

RUN apt-get update -qq && \
    apt-get install --no-install-recommends -y curl imagemagick postgresql-client && \
    rm -rf /var/lib/apt/lists /var/cache/apt/archives

COPY --from=gems /usr/local/bundle /usr/local/bundle
COPY --from=assets /srv/helpdesk /srv/helpdesk

RUN useradd helpdesk --create-home --shell /bin/bash && \
    mkdir -p log tmp/pids storage && \
    chown -R helpdesk:helpdesk log tmp storage db && \
    if [ -f config/master.key ]; then echo "config/master.key must not be in the image" >&2; exit 1; fi
USER helpdesk:helpdesk

ENTRYPOINT ["/srv/helpdesk/bin/container-start"]
EXPOSE 3000
CMD ["bundle", "exec", "puma", "-C", "config/puma.rb"]
