package dev.dockfit.lint.rules.layercache;

import static dev.dockfit.lint.RuleHarness.lint;
import static dev.dockfit.lint.RuleHarness.singleAt;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LayerCacheRulesTest {
    private final BroadCopyBeforeDependencyInstall broadCopy = new BroadCopyBeforeDependencyInstall();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "yarn install --frozen-lockfile | yarn.lock",
            "yarn | yarn.lock",
            "pnpm install --frozen-lockfile | pnpm-lock.yaml",
            "pip install -r requirements.txt | requirements*.txt",
            "python3 -m pip install --no-cache-dir . | requirements*.txt",
            "poetry install --no-root | poetry.lock",
            "pipenv install --deploy | Pipfile.lock",
            "uv sync --frozen | uv.lock",
            "uv pip install -r requirements.txt | uv.lock",
            "mvn -B package | pom.xml",
            "./mvnw dependency:go-offline | pom.xml",
            "gradle build | settings.gradle",
            "./gradlew --no-daemon assemble | settings.gradle",
            "go mod download | go.sum",
            "CGO_ENABLED=0 go build -o /app . | go.sum",
            "cargo build --release | Cargo.lock",
            "bundle install | Gemfile.lock",
            "composer install --no-dev | composer.lock"})
    void everyManagerIsRecognisedAndTheMessageNamesItsFiles(String install, String manifest) {
        String df = "FROM x\nWORKDIR /app\nCOPY . .\nRUN " + install + "\n";
        var findings = lint(broadCopy, df);
        String command = install.startsWith("CGO_ENABLED=0 ") ? "go" : install.split(" ")[0];
        var f = singleAt(findings, df, command.equals("yarn") ? "yarn" : command);
        assertThat(f.message()).contains(manifest).contains("line 3");
    }

    @Test
    void manifestsCopiedAndInstalledFirstIsClean() {
        String df = """
                FROM golang:1.22 AS build
                WORKDIR /src
                COPY go.mod go.sum ./
                RUN go mod download
                COPY . .
                RUN go build -o /app ./cmd/app
                """;
        assertThat(lint(broadCopy, df)).isEmpty();
    }

    @Test
    void manifestsCopiedButInstalledOnlyAfterTheBroadCopyIsReported() {
        String df = """
                FROM node:20-slim
                COPY package.json package-lock.json ./
                COPY . .
                RUN npm ci
                """;
        singleAt(lint(broadCopy, df), df, "npm");
    }

    @Test
    void onlyTheFirstInstallOfAManagerInAStageIsReported() {
        String df = """
                FROM golang:1.22
                COPY . .
                RUN go mod download
                RUN go vet ./... && go test ./...
                RUN go build -o /app
                """;
        singleAt(lint(broadCopy, df), df, "go mod");
    }

    @Test
    void installsInTheStageBuiltOnCount() {
        String df = """
                FROM golang:1.22 AS deps
                COPY go.mod go.sum ./
                RUN go mod download
                FROM deps AS build
                COPY . .
                RUN go build -o /app
                """;
        assertThat(lint(broadCopy, df)).isEmpty();
    }

    @Test
    void broadSourceResolvedFromArgAndAddCounts() {
        String df = """
                FROM python:3.12-slim
                ARG SRC=./
                ADD ${SRC} /app
                RUN pip install -r /app/requirements.txt
                """;
        singleAt(lint(broadCopy, df), df, "pip");
    }

    @Test
    void explicitPackagesGlobalToolsAndCopyFromAnotherStageAreNotDependencyInstalls() {
        String df = """
                FROM node:20 AS assets
                FROM python:3.12-slim
                COPY --from=assets / /
                COPY . .
                RUN pip install --no-cache-dir gunicorn
                RUN npm install -g pm2 && go install golang.org/x/tools/cmd/goimports@latest
                RUN yarn build && cargo install ripgrep
                """;
        assertThat(lint(broadCopy, df)).isEmpty();
    }

    @Test
    void heredocBodyIsReadAndPointsAtTheCommandInIt() {
        String df = """
                FROM node:20-slim
                COPY . .
                RUN <<EOF
                set -e
                npm ci --omit=dev
                EOF
                """;
        singleAt(lint(broadCopy, df), df, "npm");
    }

    @Test
    void jsonFormAndOnbuildDoNotCrashAndAreNotReported() {
        String df = """
                FROM node:20-slim
                COPY . .
                RUN ["npm", "ci"]
                ONBUILD RUN npm ci
                RUN
                """.replace("RUN\n", "RUN true\n");
        assertThat(lint(broadCopy, df)).isEmpty();
    }

    @Test
    void updateAloneIsReportedOnTheUpdateWord() {
        PackageIndexUpdateAlone rule = new PackageIndexUpdateAlone();
        String df = "FROM debian:bookworm-slim\nRUN apt-get update\nRUN apt-get install -y curl\n";
        singleAt(lint(rule, df), df, "update");
        String apk = "FROM alpine:3.20\nRUN apk update\nRUN apk add curl\n";
        singleAt(lint(rule, apk), apk, "update");
        assertThat(lint(rule, """
                FROM debian:bookworm-slim
                RUN apt-get update \\
                 && DEBIAN_FRONTEND=noninteractive apt-get -y upgrade
                RUN apk update && apk add --no-cache curl
                """)).isEmpty();
    }

    @Test
    void dockerignoreRuleLooksNextToTheDockerfile(@TempDir Path dir) throws Exception {
        BroadCopyWithoutDockerignore rule = new BroadCopyWithoutDockerignore();
        String df = "FROM node:20-slim\nWORKDIR /app\nCOPY package.json ./\nCOPY ./ /app/\nCOPY . .\n";
        singleAt(lint(rule, df, dir), df, "./ /app");
        assertThat(lint(rule, df, null)).as("standard input: context unknown").isEmpty();
        Files.writeString(dir.resolve("Dockerfile.dockerignore"), ".git\n");
        assertThat(lint(rule, df, dir)).as("per-Dockerfile ignore file").isEmpty();
        Files.delete(dir.resolve("Dockerfile.dockerignore"));
        Files.writeString(dir.resolve(".dockerignore"), ".git\n");
        assertThat(lint(rule, df, dir)).isEmpty();
    }

    @Test
    void pinRulesReportEachUnpinnedOperandAndSkipOptionValues() {
        String apt = "FROM debian:bookworm-slim\nRUN apt-get install -y -t bookworm-backports -o Dpkg::Use-Pty=0 "
                + "curl=7.88.1 git ./local.deb $EXTRA\n";
        singleAt(lint(new AptPackageNotPinned(), apt), apt, "git");
        String apk = "FROM alpine:3.20\nRUN apk add --no-cache --virtual .build-deps gcc~13 make=4.4.1-r2 musl-dev\n";
        singleAt(lint(new ApkPackageNotPinned(), apk), apk, "musl-dev");
        String pip = "FROM python:3.12-slim\nRUN pip install -r requirements.txt -i https://pypi.org/simple "
                + "flask==3.0.3 'uvicorn[standard]>=0.30' . gunicorn\n";
        singleAt(lint(new PipPackageNotPinned(), pip), pip, "gunicorn");
        String npm = "FROM node:20-slim\nRUN npm install -g --prefix /opt @scope/tool@1.2.0 ./local pm2 && npm ci\n";
        singleAt(lint(new NpmPackageNotPinned(), npm), npm, "pm2");
        String gem = "FROM ruby:3.3-slim\nRUN gem install -N rake:13.2.1 bundler\n";
        singleAt(lint(new GemNotPinned(), gem), gem, "bundler");
        assertThat(lint(new GemNotPinned(), "FROM ruby:3.3-slim\nRUN gem install bundler -v 2.5.16\n")).isEmpty();
    }
}
