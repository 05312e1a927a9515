FROM maven:3.9.6-eclipse-temurin-21 AS build
WORKDIR /workspace/app

# resolve dependencies first: the pom changes less often than the code
COPY pom.xml .
COPY .mvn .mvn
COPY mvnw .
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q dependency:go-offline

COPY src src
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q package -DskipTests \
    && jar="$(ls target/*.jar | grep -v -- '-plain.jar$' | head -n 1)" \
    && case "$jar" in *-SNAPSHOT.jar) echo "building a snapshot: $jar" ;; esac \
    && mkdir -p target/extracted \
    && java -Djarmode=layertools -jar "$jar" extract --destination target/extracted

FROM eclipse-temurin:21-jdk-jammy AS jre
# a runtime with only the modules the service needs
RUN $JAVA_HOME/bin/jlink \
      --add-modules java.base,java.logging,java.naming,java.net.http,java.sql,jdk.unsupported,java.management,java.instrument \
      --strip-debug --no-man-pages --no-header-files --compress=2 \
      --output /opt/jre

FROM ubuntu:jammy
LABEL org.opencontainers.image.source="https://gitlab.example.com/payments/ledger" \
      org.opencontainers.image.documentation="https://gitlab.example.com/payments/ledger/-/wikis/home"
ARG APP_USER=spring
ARG APP_UID=10001
ENV JAVA_HOME=/opt/jre \
    PATH="/opt/jre/bin:$PATH" \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
RUN groupadd --gid ${APP_UID} ${APP_USER} \
    && useradd --uid ${APP_UID} --gid ${APP_UID} -l --no-create-home ${APP_USER}
COPY --from=jre /opt/jre /opt/jre
WORKDIR /app
ARG EXTRACTED=/workspace/app/target/extracted
COPY --from=build ${EXTRACTED}/dependencies/ ./
COPY --from=build ${EXTRACTED}/spring-boot-loader/ ./
COPY --from=build ${EXTRACTED}/snapshot-dependencies/ ./
COPY --from=build ${EXTRACTED}/application/ ./
USER ${APP_USER}
EXPOSE 8080
HEALTHCHECK CMD ["java", "-cp", "/app", "HealthProbe", "http://localhost:8080/actuator/health"]
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
