FROM centos:7
MAINTAINER ops <ops@example.com>

ENV APP_HOME /opt/billing
ENV JAVA_HOME /usr/lib/jvm/jre-1.8.0

RUN yum -y update
RUN yum install -y epel-release && yum install -y java-1.8.0-openjdk-headless supervisor wget unzip which sudo
RUN rpm --import https://packages.example.com/RPM-GPG-KEY-example
RUN yum --nogpgcheck localinstall -y http://packages.example.com/el7/agent-2.3.1-1.x86_64.rpm

RUN mkdir -p $APP_HOME/logs $APP_HOME/conf
ADD billing-server.tar.gz $APP_HOME/
ADD conf/*.properties $APP_HOME/conf/
ADD supervisord.conf /etc/supervisord.conf
RUN chmod +x $APP_HOME/bin/*.sh && chown -R root:root $APP_HOME
RUN echo "billing ALL=(ALL) NOPASSWD: ALL" >> /etc/sudoers
RUN cd $APP_HOME && sudo -u nobody ./bin/check-env.sh

WORKDIR $APP_HOME
EXPOSE 8443 22
VOLUME $APP_HOME/logs
CMD /usr/bin/supervisord -n -c /etc/supervisord.conf
