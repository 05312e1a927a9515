package dev.dockfit.lint.fix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockfit.finding.Practice;
import dev.dockfit.lint.LintConfig;
import dev.dockfit.lint.Linter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The multi-stage rewrites: Go onto scratch, Maven/Gradle jars onto a JRE, npm builds onto slim (DF100), Python
 * wheels built with the compilers in a build stage (DF101), C programs onto the slim image (DF100); and how they
 * compose with the other practices.
 */
class MultiStageFixesTest {

    private static String fixed(String in, Path context, String... only) {
        return new String(fix(in, context, only).fixed(), StandardCharsets.UTF_8);
    }

    private static FixResult fix(String in, Path context, String... only) {
        return Fixing.fix(in.getBytes(StandardCharsets.UTF_8), FixLevel.RECOMMENDED, context, only);
    }

    // ---- Go -------------------------------------------------------------------------------------------------

    @Test
    void goBuildMovesToABuildStageAndTheBinaryRunsOnScratchAsNonroot() {
        String in = """
                # the service
                FROM golang:1.22
                WORKDIR /src
                COPY . .
                RUN go vet ./... && go build -trimpath -o app ./cmd/app
                # how it runs
                EXPOSE 8080
                ENTRYPOINT ["/src/app"]
                """;
        assertThat(fixed(in, null, "DF100")).isEqualTo("""
                # the service
                FROM golang:1.22 AS build
                WORKDIR /src
                COPY . .
                RUN go vet ./... && CGO_ENABLED=0 go build -trimpath -o app ./cmd/app

                FROM scratch
                WORKDIR /src
                COPY --from=build /src/app /src/app
                USER 65532:65532
                # how it runs
                EXPOSE 8080
                ENTRYPOINT ["/src/app"]
                """);
    }

    @Test
    void goSplitComposesWithManifestsFirstAndNeedsNoOtherUser(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("go.mod"), "module example.com/x\n\ngo 1.22\n");
        Files.writeString(dir.resolve("main.go"), "package main\n\nimport \"fmt\"\n\nfunc main() { fmt.Println(1) }\n");
        String in = "FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN go build -o /usr/local/bin/x .\nCMD [\"x\"]\n";
        FixResult r = fix(in, dir);
        assertThat(new String(r.fixed(), StandardCharsets.UTF_8)).isEqualTo("""
                FROM golang:1.22 AS build
                WORKDIR /src
                COPY go.mod ./
                RUN go mod download
                COPY . .
                RUN CGO_ENABLED=0 go build -o /usr/local/bin/x .

                FROM scratch
                WORKDIR /src
                COPY --from=build /usr/local/bin/x /usr/local/bin/x
                USER 65532:65532
                CMD ["x"]
                """);
        assertThat(r.applied()).extracting(Proposal::rule).contains("DF100", "DF300").doesNotContain("DF001");
        assertThat(r.suggestions()).isEmpty();
        assertThat(r.remaining().reported()).extracting(x -> x.finding().rule()).doesNotContain("DF001", "DF100", "DF101");
        FixResult again = Fixing.fix(r.fixed(), FixLevel.RECOMMENDED, dir);
        assertThat(again.fixed()).isEqualTo(r.fixed());
        assertThat(again.applied()).allMatch(p -> p.fix().edits().isEmpty()); // only the .dockerignore, never written here
    }

    @Test
    void goWithCgoRunsOnTheSlimDebianOfItsRelease(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("main.go"), "package main\n\n// #include <stdio.h>\nimport \"C\"\n\nfunc main() {}\n");
        String in = "FROM golang:1.22-bookworm\nWORKDIR /src\nCOPY . .\nRUN go build -o /out/app .\nCMD [\"/out/app\"]\n";
        assertThat(fixed(in, dir, "DF100")).isEqualTo("""
                FROM golang:1.22-bookworm AS build
                WORKDIR /src
                COPY . .
                RUN go build -o /out/app .

                FROM debian:bookworm-slim
                WORKDIR /src
                COPY --from=build /out/app /out/app
                USER 65532:65532
                CMD ["/out/app"]
                """);
        FixResult unknownRelease = fix(in.replace("1.22-bookworm", "1.22"), dir, "DF100");
        assertThat(unknownRelease.fixed()).isEqualTo(unknownRelease.original());
        assertThat(unknownRelease.suggestions()).singleElement()
                .satisfies(s -> assertThat(s.refusal()).contains("cgo", "Debian release"));
    }

    @Test
    void goSplitIsOnlySuggestedWhenItCannotBeDoneSafely() {
        assertRefused("FROM golang:1.22\nCOPY . /src\nRUN cd /src && go build .\nCMD [\"/src/x\"]\n", "no -o");
        assertRefused("FROM golang:1.22\nCOPY . /src\nRUN go build -o /a ./a && go build -o /b ./b\nCMD [\"/a\"]\n", "2 builds");
        assertRefused("FROM golang:1.22\nCOPY . /src\nRUN go build -o /a /src\nRUN /a --selftest\nCMD [\"/a\"]\n", "RUN at line 4");
        assertRefused("FROM golang:1.22\nCOPY . /src\nRUN go build -o /a /src\n", "no CMD or ENTRYPOINT");
        assertRefused("FROM golang:1.22\nRUN useradd -r app\nUSER app\nCOPY . /src\nRUN go build -o /tmp/a /src\nCMD [\"/tmp/a\"]\n", "switches user");
        assertRefused("FROM golang:1.22\nRUN apt-get update && apt-get install -y libsqlite3-dev\nCOPY . /src\n"
                + "RUN CGO_ENABLED=1 go build -o /a /src\nCMD [\"/a\"]\n", "libsqlite3-dev");
        assertRefused("FROM golang:1.22\nCOPY . /src\nRUN go install ./...\nCMD [\"app\"]\n", "GOBIN");
    }

    @Test
    void anAlreadySplitFileIsLeftAlone() {
        String in = "FROM golang:1.22 AS build\nCOPY . /src\nRUN go build -o /a /src\n\nFROM scratch\n"
                + "COPY --from=build /a /a\nUSER 65532:65532\nCMD [\"/a\"]\n";
        FixResult r = fix(in, null, "DF100", "DF001", "DF201");
        assertThat(r.fixed()).isEqualTo(r.original());
        assertThat(r.suggestions()).isEmpty();
    }

    @Test
    void aNamedStageKeepsItsNameAndCrlfLineEndingsAreKept() {
        String in = "FROM golang:1.22 AS compile\r\nCOPY . /src\r\nRUN go build -o /a /src\r\nCMD [\"/a\"]\r\n";
        assertThat(fixed(in, null, "DF100")).isEqualTo("FROM golang:1.22 AS compile\r\nCOPY . /src\r\n"
                + "RUN CGO_ENABLED=0 go build -o /a /src\r\n\r\nFROM scratch\r\nCOPY --from=compile /a /a\r\n"
                + "USER 65532:65532\r\nCMD [\"/a\"]\r\n");
    }

    // ---- Java -----------------------------------------------------------------------------------------------

    @Test
    void mavenJarRunsOnTheJreOfTheSameJavaVersionWithItsOwnUser(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("pom.xml"), "<project><modelVersion>4.0.0</modelVersion><groupId>g</groupId>"
                + "<artifactId>hello</artifactId><version>1.0</version></project>\n");
        String in = """
                FROM maven:3-eclipse-temurin-17
                WORKDIR /app
                COPY . .
                RUN mvn -B -q package
                CMD ["java", "-jar", "target/hello-1.0.jar"]
                """;
        FixResult r = fix(in, dir);
        assertThat(new String(r.fixed(), StandardCharsets.UTF_8)).isEqualTo("""
                FROM maven:3-eclipse-temurin-17 AS build
                WORKDIR /app
                COPY pom.xml ./
                RUN mvn -B -q dependency:go-offline
                COPY . .
                RUN mvn -B -q package

                FROM eclipse-temurin:17-jre
                WORKDIR /app
                RUN groupadd -r app && useradd -r -g app app
                COPY --chown=app:app --from=build /app/target/hello-1.0.jar /app/target/hello-1.0.jar
                USER app
                CMD ["java", "-jar", "target/hello-1.0.jar"]
                """);
        assertThat(r.applied()).extracting(Proposal::practice)
                .contains(Practice.MULTI_STAGE, Practice.LEAST_PRIVILEGE, Practice.LAYER_CACHE);
        assertThat(r.suggestions()).isEmpty();
        assertThat(Fixing.fix(r.fixed(), FixLevel.RECOMMENDED, dir).fixed()).isEqualTo(r.fixed());
    }

    @Test
    void gradleJarWithShellFormCmdAndEnvKeepsBoth() {
        String in = "FROM gradle:8-jdk21-alpine\nWORKDIR /home/gradle/src\nENV APP_MODE=prod\nCOPY . .\n"
                + "RUN gradle bootJar --no-daemon\nCMD java -jar build/libs/app.jar\n";
        assertThat(fixed(in, null, "DF100")).isEqualTo("FROM gradle:8-jdk21-alpine AS build\nWORKDIR /home/gradle/src\n"
                + "ENV APP_MODE=prod\nCOPY . .\nRUN gradle bootJar --no-daemon\n\nFROM eclipse-temurin:21-jre-alpine\n"
                + "WORKDIR /home/gradle/src\nENV APP_MODE=prod\n"
                + "COPY --from=build /home/gradle/src/build/libs/app.jar /home/gradle/src/build/libs/app.jar\n"
                + "CMD java -jar build/libs/app.jar\n");
    }

    @Test
    void javaSplitIsOnlySuggestedWhenTheJarOrTheJavaVersionIsUnknown(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("pom.xml"), "<project><artifactId>svc</artifactId><version>2.1</version>"
                + "<build><finalName>service</finalName></build></project>\n");
        FixResult other = fix("FROM maven:3-eclipse-temurin-21\nWORKDIR /app\nCOPY . .\nRUN mvn package\n"
                + "CMD [\"java\", \"-jar\", \"target/svc-2.1.jar\"]\n", dir, "DF100");
        assertThat(other.fixed()).isEqualTo(other.original());
        assertThat(other.suggestions()).singleElement().satisfies(s -> assertThat(s.refusal()).contains("target/service.jar"));
        assertThat(fixed("FROM maven:3-eclipse-temurin-21\nWORKDIR /app\nCOPY . .\nRUN mvn package\n"
                + "CMD [\"java\", \"-jar\", \"target/service.jar\"]\n", dir, "DF100"))
                .contains("FROM eclipse-temurin:21-jre\n", "/app/target/service.jar /app/target/service.jar\n");
        assertRefused("FROM maven:3-eclipse-temurin-21\nCOPY . /app\nRUN mvn -f /app package\nCMD [\"mvn\", \"exec:java\"]\n", "java -jar");
        assertRefused("FROM maven:3-amazoncorretto-21\nCOPY . /app\nRUN mvn -f /app package\nCMD [\"java\", \"-jar\", \"/app/target/a.jar\"]\n",
                "Java version");
        assertRefused("FROM maven:3-eclipse-temurin-21\nCOPY . /app\nRUN mvn -f /app package\nCMD java -jar /app/target/*.jar\n",
                "not a plain file name");
    }

    @Test
    void theSplitWaitsForNoOtherPracticeButOnlyItIsAppliedWithOnly() {
        String in = "FROM maven:3-eclipse-temurin-17\nWORKDIR /app\nCOPY . .\nRUN mvn package\nCMD [\"java\", \"-jar\", \"target/a.jar\"]\n";
        String onlyUser = fixed(in, null, "DF001");
        assertThat(onlyUser).doesNotContain("AS build").contains("USER app\n");
        assertThat(fixed(in, null, "DF100")).contains("AS build").doesNotContain("USER");
    }


    // ---- Node -----------------------------------------------------------------------------------------------

    @Test
    void npmBuildRunsInTheBuildStageAndTheRuntimeGetsProductionDependenciesAndTheOutput(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("package.json"), "{\"scripts\": {\"build\": \"tsc\", \"start\": \"node dist/server.js\"}}\n");
        Files.writeString(dir.resolve("package-lock.json"), "{}\n");
        String in = "FROM node:22\nWORKDIR /srv/app\nCOPY . .\nRUN npm ci\nRUN npm run build\nEXPOSE 3000\nCMD [\"npm\", \"start\"]\n";
        FixResult r = fix(in, dir);
        assertThat(new String(r.fixed(), StandardCharsets.UTF_8)).isEqualTo("""
                FROM node:22 AS build
                WORKDIR /srv/app
                COPY package.json package-lock.json ./
                RUN npm ci
                COPY . .
                RUN npm run build

                FROM node:22-slim
                WORKDIR /srv/app
                COPY --chown=node:node package.json package-lock.json ./
                RUN npm ci --omit=dev && npm cache clean --force
                COPY --chown=node:node --from=build /srv/app/dist /srv/app/dist
                EXPOSE 3000
                USER node
                CMD ["npm", "start"]
                """);
        assertThat(r.suggestions()).isEmpty();
        assertThat(r.remaining().reported()).extracting(x -> x.finding().rule()).doesNotContain("DF001", "DF100", "DF201");
        assertThat(Fixing.fix(r.fixed(), FixLevel.RECOMMENDED, dir).fixed()).isEqualTo(r.fixed());
    }

    @Test
    void npmSplitIsOnlySuggestedWithoutAKnownOutputDirectory() {
        assertRefused("FROM node:22\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build\nCMD [\"node\", \"index.js\"]\n", "output to copy is unknown");
        assertRefused("FROM node:22\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build\nCMD [\"npm\", \"start\"]\n", "script the container starts");
        assertRefused("FROM node:22\nWORKDIR /app\nCOPY . .\nRUN yarn install && yarn build\nCMD [\"node\", \"dist/a.js\"]\n", "npm projects only");
        assertThat(fixed("FROM node:22\nWORKDIR /app\nCOPY . .\nRUN npm install && npm run build\nCMD [\"node\", \"dist/a.js\"]\n", null, "DF100"))
                .contains("COPY package*.json ./\nRUN npm install --omit=dev && npm cache clean --force\nCOPY --from=build /app/dist /app/dist\n");
    }

    // ---- Python ---------------------------------------------------------------------------------------------

    @Test
    void compilersStayInTheBuildStageAndTheWheelsAreInstalledOnSlim(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("requirements.txt"), "cffi\n");
        String in = """
                FROM python:3.11
                RUN apt-get update && apt-get install -y --no-install-recommends build-essential && rm -rf /var/lib/apt/lists/*
                WORKDIR /app
                COPY . .
                RUN pip install --no-cache-dir -r requirements.txt
                CMD ["python", "app.py"]
                """;
        assertThat(fixed(in, dir, "DF101")).isEqualTo("""
                FROM python:3.11 AS build
                RUN apt-get update && apt-get install -y --no-install-recommends build-essential && rm -rf /var/lib/apt/lists/*
                WORKDIR /app
                COPY . .
                RUN pip wheel --wheel-dir /wheels --no-cache-dir -r requirements.txt

                FROM python:3.11-slim
                WORKDIR /app
                COPY --from=build /wheels /wheels
                COPY . .
                RUN pip install --no-cache-dir --no-index --find-links=/wheels -r requirements.txt
                CMD ["python", "app.py"]
                """);
        FixResult all = fix(in, dir);
        String out = new String(all.fixed(), StandardCharsets.UTF_8);
        assertThat(out).contains("COPY requirements.txt ./\nRUN pip wheel --wheel-dir /wheels --no-cache-dir -r requirements.txt\nCOPY . .\n")
                .contains("COPY requirements.txt ./\nRUN pip install --no-cache-dir --no-index --find-links=/wheels -r requirements.txt\n")
                .contains("USER app\n");
        assertThat(out.substring(out.indexOf("python:3.11-slim"))).doesNotContain("apt-get", "build-essential");
        assertThat(all.remaining().reported()).extracting(x -> x.finding().rule()).doesNotContain("DF001", "DF100", "DF101");
        assertThat(Fixing.fix(all.fixed(), FixLevel.RECOMMENDED, dir).fixed()).isEqualTo(all.fixed());
    }

    @Test
    void pythonSplitIsOnlySuggestedWhenTheRuntimeMightNeedMore() {
        String head = "FROM python:3.11\nRUN apt-get update && apt-get install -y gcc";
        String tail = "\nCOPY . /app\nWORKDIR /app\nRUN pip install -r requirements.txt\nCMD [\"python\", \"app.py\"]\n";
        assertThat(fixed(head + tail, null, "DF101")).contains("FROM python:3.11-slim\n");
        assertRefusedBy("DF101", head + " libpq-dev" + tail, "libpq-dev");
        assertRefusedBy("DF101", head + " && useradd app" + tail, "runs useradd");
        assertRefusedBy("DF101", head + tail.replace("-r requirements.txt", "--user -r requirements.txt"), "--user");
        assertRefusedBy("DF101", head + tail.replace("-r requirements.txt", "-r requirements.txt gunicorn"), "gunicorn");
        assertRefusedBy("DF101", head + tail.replace("-r requirements.txt", "-r requirements.txt && python -m compileall ."), "more than pip install");
    }

    // ---- native ---------------------------------------------------------------------------------------------

    @Test
    void aCProgramIsCompiledInTheBuildStageAndRunsOnSlimWithoutTheCompilers() {
        String in = """
                FROM debian:bookworm
                RUN apt-get update && apt-get install -y --no-install-recommends gcc make libc6-dev && rm -rf /var/lib/apt/lists/*
                WORKDIR /src
                COPY . .
                RUN make
                CMD ["./hello"]
                """;
        assertThat(fixed(in, null, "DF100")).isEqualTo("""
                FROM debian:bookworm AS build
                RUN apt-get update && apt-get install -y --no-install-recommends gcc make libc6-dev && rm -rf /var/lib/apt/lists/*
                WORKDIR /src
                COPY . .
                RUN make

                FROM debian:bookworm-slim
                WORKDIR /src
                COPY --from=build /src/hello /src/hello
                CMD ["./hello"]
                """);
        FixResult all = fix(in, null);
        String out = new String(all.fixed(), StandardCharsets.UTF_8);
        assertThat(out.substring(out.indexOf("FROM debian:bookworm-slim"))).doesNotContain("apt-get")
                .contains("RUN groupadd -r app && useradd -r -g app app\nCOPY --chown=app:app --from=build /src/hello /src/hello\nUSER app\n");
        assertThat(all.remaining().reported()).extracting(x -> x.finding().rule()).doesNotContain("DF001", "DF100", "DF101", "DF201");
    }

    @Test
    void nativeSplitIsOnlySuggestedWhenTheRuntimeNeedsMoreThanTheProgram() {
        String apt = "FROM debian:bookworm\nRUN apt-get update && apt-get install -y gcc make";
        String rest = "\nWORKDIR /src\nCOPY . .\nRUN make\nCMD [\"./hello\"]\n";
        assertRefused(apt + " libssl-dev" + rest, "libssl-dev");
        assertRefused(apt + " && curl -o /x https://example.org/x" + rest, "runs curl");
        assertRefused(apt + rest.replace("[\"./hello\"]", "[\"hello\"]"), "not a program at a path");
        assertRefused(apt + rest.replace("RUN make", "RUN make && make -C tools"), "2 builds");
        FixResult sdk = fix("FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN make\nCMD [\"./app\"]\n", null, "DF100");
        assertThat(sdk.fixed()).isEqualTo(sdk.original());
        assertThat(sdk.suggestions()).isEmpty(); // no smaller runtime for an SDK image: not the native fix's to split
    }

    private static void assertRefused(String in, String reason) {
        assertRefusedBy("DF100", in, reason);
    }

    private static void assertRefusedBy(String rule, String in, String reason) {
        FixResult r = new FixEngine(Linter.withAllRules(LintConfig.DEFAULT), new FixOptions(FixLevel.RECOMMENDED,
                java.util.Set.of(rule))).fix("Dockerfile", in.getBytes(StandardCharsets.UTF_8), null);
        assertThat(r.fixed()).as(in).isEqualTo(r.original());
        assertThat(r.suggestions()).as(in).singleElement().satisfies(s -> {
            assertThat(s.practice()).isEqualTo(Practice.MULTI_STAGE);
            assertThat(s.refusal()).contains(reason);
        });
    }
}
