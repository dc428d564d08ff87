package org.daetransport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HelpTest {

    @ParameterizedTest
    @ValueSource(strings = {"backends", "denoise", "flow", "w2", "entropy", "wgf", "train", "analyze", "reproduce"})
    void everyCommandHasHelpWithExamples(String command) {
        CliTestSupport.Result r = CliTestSupport.run(command, "--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("Usage: dae " + command).contains("Examples:").contains("--backend").contains("--json");
    }
}
