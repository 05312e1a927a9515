package dev.dockfit.dockerfile.semantic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockfit.dockerfile.model.Instruction;
import dev.dockfit.dockerfile.parser.DockerfileParser;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BuildModelTest {

    private static BuildModel model(String text) throws Exception {
        return BuildModel.of(DockerfileParser.parse(text));
    }

    @Test
    void globalArgsResolveBaseImages() throws Exception {
        BuildModel m = model("ARG REG=gcr.io\nARG TAG=3.12\nFROM ${REG}/distroless/python3:${TAG}-nonroot AS run\n");
        Stage s = m.stages().get(0);
        assertThat(s.name()).isEqualTo("run");
        assertThat(s.base().raw()).isEqualTo("${REG}/distroless/python3:${TAG}-nonroot");
        assertThat(s.base().resolved()).isEqualTo("gcr.io/distroless/python3:3.12-nonroot");
        assertThat(s.base().reference().registry()).isEqualTo("gcr.io");
        assertThat(s.base().reference().tag()).isEqualTo("3.12-nonroot");
    }

    @Test
    void buildArgsOverrideDefaults() throws Exception {
        var df = DockerfileParser.parse("ARG V=18\nFROM node:${V}\n");
        BuildModel m = BuildModel.of(df, new BuildOptions(Map.of("V", "20"), "linux/amd64", "linux/amd64"));
        assertThat(m.stages().get(0).base().resolved()).isEqualTo("node:20");
    }

    @Test
    void unsetVariablesAreReported() throws Exception {
        Stage s = model("FROM node:${VERSION}\n").stages().get(0);
        assertThat(s.base().unresolved()).containsExactly("VERSION");
        assertThat(s.base().reference()).isNull();
    }

    @Test
    void stagesBuildOnEarlierStagesCaseInsensitively() throws Exception {
        BuildModel m = model("FROM golang:1.22 AS Build\nRUN go build\nFROM build\nFROM scratch\n");
        assertThat(m.stages()).hasSize(3);
        assertThat(m.stages().get(0).name()).isEqualTo("build");
        assertThat(m.stages().get(1).base().stage()).isEqualTo(0);
        assertThat(m.stages().get(1).base().reference()).isNull();
        assertThat(m.stages().get(2).base().isScratch()).isTrue();
        assertThat(m.finalStage()).get().extracting(Stage::index).isEqualTo(2);
        assertThat(m.stageNamed("BUILD", m.stages().get(2))).get().extracting(Stage::index).isEqualTo(0);
        assertThat(m.stageNamed("0", m.stages().get(1))).isPresent();
        assertThat(m.stageNamed("build", m.stages().get(0))).isEmpty();
    }

    @Test
    void globalArgsAreInvisibleInStagesUnlessRedeclared() throws Exception {
        BuildModel m = model("ARG USER_ID=1001\nFROM a\nUSER $USER_ID\nARG USER_ID\nUSER $USER_ID\n");
        var in = m.dockerfile().instructions();
        assertThat(m.expand(in.get(2), "$USER_ID").orElseThrow().value()).isEmpty();
        assertThat(m.expand(in.get(2), "$USER_ID").orElseThrow().unset()).containsExactly("USER_ID");
        assertThat(m.expand(in.get(4), "$USER_ID").orElseThrow().value()).isEqualTo("1001");
    }

    @Test
    void stageArgsAndEnvAndPrecedence() throws Exception {
        BuildModel m = model("FROM a\nARG A=1\nENV B=$A C=x\nENV A=env D=$A\nRUN x\n");
        Instruction run = m.dockerfile().instructions().get(4);
        Scope s = m.scopeBefore(run);
        assertThat(s.get("B")).isEqualTo("1");
        assertThat(s.get("A")).isEqualTo("env"); // ENV overrides ARG
        assertThat(s.get("D")).isEqualTo("1"); // values are expanded before the instruction applies
        assertThat(s.isDeclared("C")).isTrue();
    }

    @Test
    void envIsInheritedFromTheParentStageButArgsAreNot() throws Exception {
        BuildModel m = model("FROM a AS base\nARG X=1\nENV HOME_DIR=/srv\nFROM base\nRUN x\n");
        Scope s = m.scopeBefore(m.dockerfile().instructions().get(4));
        assertThat(s.get("HOME_DIR")).isEqualTo("/srv");
        assertThat(s.get("X")).isNull();
    }

    @Test
    void automaticPlatformArgs() throws Exception {
        BuildModel m = model("FROM --platform=$BUILDPLATFORM golang AS b\nARG TARGETARCH\nRUN x\n"
                + "FROM alpine:${TARGETARCH}\n");
        assertThat(m.scopeBefore(m.dockerfile().instructions().get(2)).get("TARGETARCH")).isEqualTo("amd64");
        assertThat(m.stages().get(1).base().resolved()).isEqualTo("alpine:amd64");
    }

    @Test
    void instructionsKnowTheirStage() throws Exception {
        BuildModel m = model("ARG A\nFROM a\nRUN x\nFROM b\nRUN y\n");
        var in = m.dockerfile().instructions();
        assertThat(m.globalArgs()).containsExactly(in.get(0));
        assertThat(m.stageOf(in.get(0))).isEmpty();
        assertThat(m.stageOf(in.get(2))).get().extracting(Stage::index).isEqualTo(0);
        assertThat(m.stageOf(in.get(4))).get().extracting(Stage::index).isEqualTo(1);
        assertThat(m.stages().get(1).all("RUN")).containsExactly(in.get(4));
    }
}
