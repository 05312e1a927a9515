FROM jenkins/inbound-agent:3206.vb_15dcf73f6a_9-1-jdk17
# Jenkins agent with the build tools of the mobile team.
# Les versions sont fixées ici ; le pipeline « agent-image » les met à jour.

USER root
ARG ANDROID_CMDLINE_TOOLS=11076708
ARG GRADLE_VERSION=8.7
ARG FASTLANE_VERSION=2.219.0
ENV ANDROID_HOME=/opt/android-sdk \
    GRADLE_HOME=/opt/gradle \
    GRADLE_USER_HOME=/home/jenkins/.gradle
ENV PATH=${PATH}:${ANDROID_HOME}/cmdline-tools/latest/bin:${ANDROID_HOME}/platform-tools:${GRADLE_HOME}/bin

RUN apt-get update \
    && apt-get install -y --no-install-recommends unzip ruby-full ruby-bundler build-essential \
    && rm -rf /var/lib/apt/lists/* \
    && gem install --no-document fastlane -v "${FASTLANE_VERSION}" \
    && gem cleanup

RUN set -e; \
    tmp="$(mktemp -d)"; \
    trap 'rm -rf "$tmp"' EXIT; \
    cd "$tmp"; \
    wget -q "https://dl.google.com/android/repository/commandlinetools-linux-${ANDROID_CMDLINE_TOOLS}_latest.zip" -O tools.zip; \
    mkdir -p "${ANDROID_HOME}/cmdline-tools"; \
    unzip -q tools.zip -d "${ANDROID_HOME}/cmdline-tools"; \
    mv "${ANDROID_HOME}/cmdline-tools/cmdline-tools" "${ANDROID_HOME}/cmdline-tools/latest"; \
    yes | sdkmanager --licenses > /dev/null 2>&1 || true; \
    for pkg in "platform-tools" "platforms;android-34" "build-tools;34.0.0"; do \
        echo "sdkmanager: $pkg"; \
        sdkmanager --install "$pkg" > /dev/null; \
    done; \
    wget -q "https://services.gradle.org/distributions/gradle-${GRADLE_VERSION}-bin.zip" -O gradle.zip; \
    echo "$(wget -qO- "https://services.gradle.org/distributions/gradle-${GRADLE_VERSION}-bin.zip.sha256")  gradle.zip" | sha256sum -c -; \
    unzip -q gradle.zip -d /opt; \
    ln -s "/opt/gradle-${GRADLE_VERSION}" "${GRADLE_HOME}"; \
    gradle --version | grep -q "Gradle ${GRADLE_VERSION}"

# which JDKs the toolchains may use: the agent's own, named in the Gradle properties
RUN mkdir -p "${GRADLE_USER_HOME}" \
    && JDK_DIR="$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")" \
    && ARCH=`uname -m`; \
    if [ -d "$JDK_DIR" ]; then \
        printf 'org.gradle.java.installations.paths=%s\norg.gradle.daemon=false\n# built on %s\n' "$JDK_DIR" "$ARCH" > "${GRADLE_USER_HOME}/gradle.properties"; \
    else \
        echo "no JDK found" >&2; exit 1; \
    fi \
    && chown -R jenkins:jenkins "${GRADLE_USER_HOME}" "${ANDROID_HOME}"

USER jenkins
WORKDIR /home/jenkins/agent
