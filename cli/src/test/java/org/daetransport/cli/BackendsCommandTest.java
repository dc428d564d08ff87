package org.daetransport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class BackendsCommandTest {

    @Test
    void jsonListsEveryBackendWithItsCapabilities() throws Exception {
        CliTestSupport.Result r = CliTestSupport.run("backends", "--json");
        assertThat(r.exitCode()).isZero();
        JsonNode backends = Output.JSON.readTree(r.out()).get("backends");
        assertThat(backends).isNotEmpty();
        JsonNode ejml = backends.get(0);
        assertThat(ejml.get("name").asText()).isEqualTo("ejml");
        assertThat(ejml.get("available").asBoolean()).isTrue();
        assertThat(ejml.get("nativeBlas").asBoolean()).isFalse();
        assertThat(ejml.get("gpu").asBoolean()).isFalse();
        JsonNode nd4j = backends.get(1);
        assertThat(nd4j.get("name").asText()).isEqualTo("nd4j");
        assertThat(nd4j.get("nativeBlas").asBoolean()).isTrue();
    }

    @Test
    void humanOutputMarksTheDefault() {
        CliTestSupport.Result r = CliTestSupport.run("backends");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("ejml").contains("(default)");
    }

    @Test
    void badUsageExitsWithTwoAndOneLine() {
        CliTestSupport.Result r = CliTestSupport.run("backends", "--frobnicate");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("dae: Unknown option: '--frobnicate'");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void unknownBackendListsKnownOnesWithExitThree() {
        assertThat(Wiring.injector()).isNotNull();
        var e = org.assertj.core.api.Assertions.catchThrowable(() -> Wiring.backend("nope"));
        assertThat(e).hasMessageContaining("known backends: ejml, nd4j");
        assertThat(e).isInstanceOf(IllegalArgumentException.class);
    }
}
