FROM ubuntu
# hadolint global ignore=DL3008
# dockfit global ignore=DF406

ENV DEBIAN_FRONTEND noninteractive
ENV DB_PASSWORD=changeme
ARG GITHUB_TOKEN

RUN apt-get update
RUN apt-get install apache2 -y
RUN apt-get install -y php libapache2-mod-php php-mysql php-curl php-gd php-xml php-mbstring mysql-client curl wget vim git
RUN apt-get -y dist-upgrade

RUN a2enmod rewrite headers expires
RUN sed -i 's/AllowOverride None/AllowOverride All/g' /etc/apache2/apache2.conf
RUN echo "ServerName localhost" >> /etc/apache2/apache2.conf

WORKDIR /var/www/html
RUN rm -f index.html
RUN wget https://wordpress.org/latest.tar.gz && tar xzf latest.tar.gz --strip-components=1 && rm latest.tar.gz
RUN curl -O https://raw.githubusercontent.com/wp-cli/builds/gh-pages/phar/wp-cli.phar && chmod +x wp-cli.phar && mv wp-cli.phar /usr/local/bin/wp
RUN curl -sS https://getcomposer.org/installer | php -- --install-dir=/usr/local/bin --filename=composer
RUN curl -fsSL https://deb.nodesource.com/setup_18.x | bash - && apt-get install -y nodejs
RUN npm install -g grunt-cli bower
RUN gem install sass
RUN pip install awscli
RUN git clone https://${GITHUB_TOKEN}@github.com/example/theme.git wp-content/themes/example

COPY wp-config.php /var/www/html/
COPY . /var/www/html/wp-content/plugins/example-plugin
RUN chown -R www-data:www-data /var/www/html
RUN chmod -R 777 /var/www/html/wp-content/uploads

RUN cd wp-content/themes/example && npm install && grunt build
RUN service apache2 restart

EXPOSE 80 443 3306
CMD apachectl -D FOREGROUND
