##
## Shipping service, JVM mode, on UBI minimal (OpenShift runs it with a random uid in group 0).
##   mvn package && docker build -f docker/Dockerfile.jvm -t shipping .
##
FROM registry.access.redhat.com/ubi9/ubi-minimal:9.3

ARG JDK_PACKAGE=java-21-openjdk-headless
ENV LANG='en_US.UTF-8' LANGUAGE='en_US:en' \
    JAVA_APP_DIR=/deployments

RUN microdnf install -y --nodocs ${JDK_PACKAGE} shadow-utils tzdata-java \
    && microdnf clean all \
    && rm -rf /var/cache/yum \
    && useradd --uid 185 --gid 0 --home-dir "${JAVA_APP_DIR}" --no-create-home jboss \
    && install -d -o 185 -g 0 -m 0775 "${JAVA_APP_DIR}" \
    && echo "securerandom.source=file:/dev/urandom" >> "$(dirname "$(readlink -f "$(command -v java)")")/../conf/security/java.security"

COPY --chown=185 target/quarkus-app/lib/ ${JAVA_APP_DIR}/lib/
COPY --chown=185 target/quarkus-app/*.jar ${JAVA_APP_DIR}/
COPY --chown=185 target/quarkus-app/app/ ${JAVA_APP_DIR}/app/
COPY --chown=185 target/quarkus-app/quarkus/ ${JAVA_APP_DIR}/quarkus/
RUN chgrp -R 0 ${JAVA_APP_DIR} && chmod -R g=u ${JAVA_APP_DIR}

ENV JAVA_OPTS_APPEND="-Dquarkus.http.host=0.0.0.0 -Djava.util.logging.manager=org.jboss.logmanager.LogManager"
EXPOSE 8080
USER 185
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS_APPEND -jar /deployments/quarkus-run.jar"]
