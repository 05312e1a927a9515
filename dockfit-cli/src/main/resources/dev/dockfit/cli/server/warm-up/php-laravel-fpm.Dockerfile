FROM composer:2.7 AS vendor
WORKDIR /app
COPY composer.json composer.lock ./
RUN composer install --no-dev --no-scripts --no-autoloader --prefer-dist --no-interaction

FROM php:8.3-fpm-alpine3.19

ARG PHPREDIS_VERSION=6.0.2
# build dependencies go into a virtual package, removed in the same layer
RUN set -ex \
    && apk add --no-cache --virtual .build-deps $PHPIZE_DEPS icu-dev libzip-dev libpng-dev oniguruma-dev \
    && apk add --no-cache icu-libs libzip libpng oniguruma fcgi \
    && docker-php-ext-configure gd \
    && docker-php-ext-install -j"$(nproc)" intl pdo_mysql zip gd mbstring opcache bcmath \
    && pecl install "redis-${PHPREDIS_VERSION}" \
    && docker-php-ext-enable redis \
    && apk del .build-deps \
    && rm -rf /tmp/pear ~/.pearrc

COPY docker/php/opcache.ini $PHP_INI_DIR/conf.d/opcache.ini
RUN mv "$PHP_INI_DIR/php.ini-production" "$PHP_INI_DIR/php.ini"

WORKDIR /var/www/html
COPY --from=vendor /usr/bin/composer /usr/bin/composer
COPY --from=vendor /app/vendor/ ./vendor/
COPY --chown=www-data:www-data . .
RUN composer dump-autoload --optimize --classmap-authoritative --no-dev \
    && php artisan config:cache \
    && php artisan route:cache \
    && chown -R www-data:www-data storage bootstrap/cache

RUN for dir in storage/app storage/framework/cache storage/framework/sessions storage/framework/views storage/logs; do \
        mkdir -p "$dir"; \
    done \
    && chown -R www-data:www-data storage \
    && if [ -f .env.example ] && [ ! -f .env ]; then cp .env.example .env; fi
LABEL org.opencontainers.image.source="https://github.com/example/helpdesk-php" \
      org.opencontainers.image.vendor="Example GmbH"
USER www-data
HEALTHCHECK --interval=10s --timeout=3s \
  CMD SCRIPT_NAME=/ping SCRIPT_FILENAME=/ping REQUEST_METHOD=GET cgi-fcgi -bind -connect 127.0.0.1:9000 || exit 1
EXPOSE 9000
CMD ["php-fpm", "--nodaemonize"]
