FROM gradle:7.6-jdk17 as builder
MAINTAINER platform-team@example.com
WORKDIR /home/gradle/project
COPY --chown=gradle:gradle . .
RUN gradle clean bootJar --no-daemon -x test

FROM openjdk:17-jdk-slim
ENV TZ Europe/Berlin
ENV SPRING_PROFILES_ACTIVE docker
RUN ln -snf /usr/share/zoneinfo/$TZ /etc/localtime && echo $TZ > /etc/timezone
RUN apt-get update && apt-get install -y curl fontconfig
ADD build/libs/newrelic.jar /opt/newrelic/newrelic.jar
COPY --from=builder /home/gradle/project/build/libs/*.jar app.jar
RUN chmod 755 app.jar
EXPOSE 8080 5005
ENTRYPOINT java -javaagent:/opt/newrelic/newrelic.jar $JAVA_OPTS -Djava.security.egd=file:/dev/./urandom -jar /app.jar
