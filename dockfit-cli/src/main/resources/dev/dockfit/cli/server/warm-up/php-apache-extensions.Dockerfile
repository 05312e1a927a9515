# PHP on Apache for the legacy intranet: extensions compiled in one layer, their -dev packages purged after.
FROM php:8.2-apache-bookworm

ENV APACHE_DOCUMENT_ROOT=/var/www/public \
    COMPOSER_ALLOW_SUPERUSER=0 \
    COMPOSER_HOME=/tmp/composer

ARG WITH_XDEBUG=false
ARG WITH_LDAP=true
ARG EXTENSIONS="bcmath exif gd intl mysqli opcache pdo_mysql pdo_pgsql soap zip"

RUN set -eux; \
	\
	if command -v a2enmod >/dev/null 2>&1; then \
		a2enmod rewrite headers remoteip expires; \
	fi; \
	\
	savedAptMark="$(apt-mark showmanual)"; \
	apt-get update; \
	apt-get install -y --no-install-recommends \
		libfreetype6-dev libjpeg62-turbo-dev libpng-dev libwebp-dev \
		libicu-dev libpq-dev libxml2-dev libzip-dev \
	; \
	if [ "$WITH_LDAP" = "true" ]; then \
		apt-get install -y --no-install-recommends libldap2-dev; \
		EXTENSIONS="$EXTENSIONS ldap"; \
	fi; \
	\
	docker-php-ext-configure gd --with-freetype --with-jpeg --with-webp; \
	debMultiarch="$(dpkg-architecture --query DEB_BUILD_MULTIARCH)"; \
	case " $EXTENSIONS " in \
		*" ldap "*) docker-php-ext-configure ldap --with-libdir="lib/$debMultiarch" ;; \
	esac; \
	for ext in $EXTENSIONS; do \
		if php -m | grep -qi "^${ext}\$"; then \
			echo "skipping $ext: already built in"; \
			continue; \
		fi; \
		docker-php-ext-install -j "$(nproc)" "$ext"; \
	done; \
	\
	if [ "$WITH_XDEBUG" = "true" ]; then \
		pecl install xdebug-3.3.1; \
		docker-php-ext-enable xdebug; \
	elif [ -n "${PECL_EXTRA:-}" ]; then \
		pecl install $PECL_EXTRA; \
	else \
		echo "no PECL extensions"; \
	fi; \
	rm -rf /tmp/pear; \
	\
	apt-mark auto '.*' > /dev/null; \
	apt-mark manual $savedAptMark; \
	ldd "$(php -r 'echo ini_get("extension_dir");')"/*.so \
		| awk '/=>/ { so = $(NF-1); if (index(so, "/usr/local/") == 1) { next }; gsub("^/(usr/)?", "", so); print so }' \
		| sort -u \
		| xargs -r dpkg-query -S \
		| cut -d: -f1 \
		| sort -u \
		| xargs -rt apt-mark manual; \
	apt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false; \
	rm -rf /var/lib/apt/lists/*; \
	\
	out="$(php -r 'exit(0);' 2>&1)"; \
	[ -z "$out" ]; \
	err="$(php --version 3>&1 1>&2 2>&3)"; \
	[ -z "$err" ]

RUN { \
		echo 'opcache.memory_consumption=128'; \
		echo 'opcache.interned_strings_buffer=8'; \
		echo 'opcache.max_accelerated_files=4000'; \
		echo 'opcache.revalidate_freq=2'; \
	} > /usr/local/etc/php/conf.d/opcache-recommended.ini \
	&& { \
		echo 'error_reporting = E_ERROR | E_WARNING | E_PARSE | E_CORE_ERROR | E_CORE_WARNING | E_COMPILE_ERROR'; \
		echo 'display_errors = Off'; \
		echo 'log_errors = On'; \
		echo 'error_log = /dev/stderr'; \
	} > /usr/local/etc/php/conf.d/error-logging.ini \
	&& sed -ri -e "s!/var/www/html!${APACHE_DOCUMENT_ROOT}!g" /etc/apache2/sites-available/*.conf \
	&& sed -ri -e "s!/var/www/!${APACHE_DOCUMENT_ROOT}!g" /etc/apache2/apache2.conf /etc/apache2/conf-available/*.conf \
	&& for port in 80 443; do \
		if grep -q "Listen ${port}" /etc/apache2/ports.conf; then \
			sed -i "s/Listen ${port}/Listen 8${port#*0}/" /etc/apache2/ports.conf; \
		fi; \
	done

COPY --from=composer:2.7 /usr/bin/composer /usr/local/bin/composer
WORKDIR /var/www
COPY --chown=www-data:www-data composer.json composer.lock ./
USER www-data
RUN composer install --no-dev --no-interaction --no-progress --prefer-dist --optimize-autoloader --no-scripts \
	&& composer clear-cache
COPY --chown=www-data:www-data . .
EXPOSE 8080
