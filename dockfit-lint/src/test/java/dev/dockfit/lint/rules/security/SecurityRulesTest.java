package dev.dockfit.lint.rules.security;

import static dev.dockfit.lint.RuleHarness.lint;
import static dev.dockfit.lint.RuleHarness.singleAt;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SecurityRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"GITHUB_TOKEN", "DB_PASSWORD", "apikey", "AWS_SECRET_ACCESS_KEY", "AUTH",
            "SECRET_message", "NPM_CREDENTIALS"})
    void secretNames(String name) {
        String df = "FROM alpine:3.20\nENV " + name + "=x\n";
        singleAt(lint(new SecretNameInArgOrEnv(), df), df, name);
        String arg = "FROM alpine:3.20\nARG A=1 " + name + "\n";
        singleAt(lint(new SecretNameInArgOrEnv(), arg), arg, name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"PUBLIC_KEY", "GPG_KEY", "DB_PASSWORD_FILE", "MONKEY", "KEYCLOAK_VERSION", "TOKENIZER",
            "AUTH_TYPE", "OAUTH2_PROXY_VERSION"})
    void namesThatAreNotSecrets(String name) {
        assertThat(lint(new SecretNameInArgOrEnv(), "FROM alpine:3.20\nENV " + name + " x\n")).isEmpty();
    }

    @Test
    void credentialsInValuesWordsAndHeredocs() {
        HardcodedCredential rule = new HardcodedCredential();
        String token = "ghp_" + "a".repeat(18) + "B".repeat(18);
        String df = "FROM alpine:3.20\nRUN git clone https://" + token + "@github.com/o/r.git /src\n";
        singleAt(lint(rule, df), df, "https://ghp_");
        // a fine-grained token alone in its text (no other format's marker beside it)
        String pat = "FROM alpine:3.20\nENV GH=github_pat_" + "A1b2C3d4E5".repeat(3) + "\n";
        singleAt(lint(rule, pat), pat, "github_pat_");
        String heredoc = """
                FROM alpine:3.20
                COPY <<EOF /root/.ssh/id_ed25519
                -----BEGIN OPENSSH PRIVATE KEY-----
                b3BlbnNzaC1rZXktdjEAAAAA
                -----END OPENSSH PRIVATE KEY-----
                EOF
                """;
        singleAt(lint(rule, heredoc), heredoc, "-----BEGIN");
        String url = "FROM alpine:3.20\nENV DATABASE_URL=postgres://app:s3cr3tPa55@db:5432/app\n";
        singleAt(lint(rule, url), url, "postgres://");
        assertThat(lint(rule, """
                FROM alpine:3.20
                ENV AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE
                ENV DATABASE_URL=postgres://user:password@db:5432/app
                ARG REPO_URL=https://${GITHUB_USER}:${GITHUB_TOKEN}@github.com/o/r.git
                """)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '~', value = {
            "RUN curl -fsSLk -o /t https://e.com/t => -fsSLk",
            "RUN wget --no-check-certificate https://e.com/t => --no-check-certificate",
            "RUN pip install --trusted-host pypi.org flask => --trusted-host",
            "RUN npm config set strict-ssl false => strict-ssl",
            "RUN npm install --strict-ssl=false => --strict-ssl=false",
            "RUN git -c http.sslVerify=false clone https://e.com/r => http.sslVerify=false",
            "RUN git config --global http.sslverify false => http.sslverify",
            "RUN GIT_SSL_NO_VERIFY=1 git clone https://e.com/r => GIT_SSL_NO_VERIFY",
            "RUN export NODE_TLS_REJECT_UNAUTHORIZED=0 && npm ci => NODE_TLS_REJECT_UNAUTHORIZED",
            "RUN apt-get -o Acquire::https::Verify-Peer=false update => Acquire::https",
            "ENV NODE_TLS_REJECT_UNAUTHORIZED=0 => NODE_TLS_REJECT_UNAUTHORIZED",
            "ENV GIT_SSL_NO_VERIFY true => GIT_SSL_NO_VERIFY",
            "ENV PIP_TRUSTED_HOST=pypi.org => PIP_TRUSTED_HOST"})
    void tlsChecksOff(String line, String at) {
        String df = "FROM debian:bookworm-slim\n" + line + "\n";
        singleAt(lint(new TlsVerificationDisabled(), df), df, at);
    }

    @Test
    void tlsValuesResolvedThroughArgs() {
        TlsVerificationDisabled rule = new TlsVerificationDisabled();
        String df = "FROM node:20\nARG REJECT=0\nENV NODE_TLS_REJECT_UNAUTHORIZED=${REJECT}\n";
        singleAt(lint(rule, df), df, "NODE_TLS_REJECT_UNAUTHORIZED");
        assertThat(lint(rule, "FROM node:20\nENV NODE_TLS_REJECT_UNAUTHORIZED=1\n"
                + "RUN curl -fsSL -H 'X-k: 1' https://e.com/t -o /t\n")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '~', value = {
            "RUN apt-get install -y --allow-unauthenticated foo => --allow-unauthenticated",
            "RUN dnf install -y --nogpgcheck foo => --nogpgcheck",
            "RUN yum install -y --setopt=gpgcheck=0 foo => --setopt",
            "RUN zypper --no-gpg-checks in -y foo => --no-gpg-checks",
            "RUN rpm -i --nosignature /tmp/x.rpm => --nosignature",
            "RUN apk add --allow-untrusted foo => --allow-untrusted",
            "RUN echo 'deb [trusted=yes] http://e.com/ ./' > /etc/apt/sources.list.d/e.list => 'deb"})
    void signatureChecksOff(String line, String at) {
        String df = "FROM debian:bookworm-slim\n" + line + "\n";
        singleAt(lint(new SignatureCheckDisabled(), df), df, at);
    }

    @Test
    void locallyBuiltPackagesMayBeUnsigned() {
        assertThat(lint(new SignatureCheckDisabled(), """
                FROM alpine:3.20
                RUN apk add --no-cache --allow-untrusted /tmp/packages/*.apk
                RUN echo "deb [ trusted=yes ] file:///tmp/repo ./" > /etc/apt/sources.list.d/temp.list
                """)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '~', value = {
            "RUN curl -fsSL https://e.com/install | sh => sh",
            "RUN wget -qO- https://e.com/i.sh | bash -s -- --yes => bash",
            "RUN set -o pipefail && curl -sSL https://install.python-poetry.org | python3 - => python3",
            "RUN sh -c \"$(curl -fsSL https://e.com/i.sh)\" => sh",
            "RUN bash <(curl -fsSL https://e.com/i.sh) => bash",
            "RUN curl -fsSL https://e.com/install | sudo -E bash - => sudo"})
    void downloadsRunUnchecked(String line, String at) {
        String df = "FROM debian:bookworm-slim\n" + line + "\n";
        singleAt(lint(new DownloadPipedToShell(), df), df, at);
    }

    @Test
    void downloadsProcessedOrVerifiedAreFine() {
        assertThat(lint(new DownloadPipedToShell(), """
                FROM debian:bookworm-slim
                RUN curl -fsSL https://e.com/a.tgz | tar -xz -C /opt
                RUN curl -fsSL https://e.com/v.json | python3 -c 'import json,sys; print(json.load(sys.stdin))'
                RUN echo "echo hi" | sh && curl -fsSLo /tmp/i.sh https://e.com/i.sh && sh /tmp/i.sh
                """)).isEmpty();
    }

    @Test
    void exposeSshResolvedAndStageAware() {
        ExposeSsh rule = new ExposeSsh();
        String df = "FROM debian:bookworm-slim\nARG P=22/tcp\nEXPOSE 80 $P\n";
        singleAt(lint(rule, df), df, "$P");
        String range = "FROM debian:bookworm-slim\nEXPOSE 20-25\n";
        singleAt(lint(rule, range), range, "20-25");
        assertThat(lint(rule, """
                FROM debian:bookworm-slim AS sshtest
                EXPOSE 22
                FROM debian:bookworm-slim
                EXPOSE 2222 22/udp
                """)).isEmpty();
    }

    @Test
    void addUrlNeedsChecksum() {
        AddUrlWithoutChecksum rule = new AddUrlWithoutChecksum();
        String df = "FROM debian:bookworm-slim\nARG V=1.2\nADD --link https://e.com/t-${V}.tgz /tmp/\n";
        singleAt(lint(rule, df), df, "https://");
        assertThat(lint(rule, """
                FROM debian:bookworm-slim
                ADD --checksum=sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08 https://e.com/t /t
                ADD https://github.com/moby/buildkit.git#v0.14.0 /src
                ADD ./local.tgz /opt/
                """)).isEmpty();
    }
}
