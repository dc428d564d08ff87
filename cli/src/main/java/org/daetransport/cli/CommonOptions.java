package org.daetransport.cli;

import picocli.CommandLine.Option;

/** Options every command takes (CLI.md): backend, seed, JSON output, verbose errors. */
public final class CommonOptions {

    @Option(names = "--backend", paramLabel = "NAME", defaultValue = "ejml",
            description = "Numerical backend: ejml (pure Java, default) or nd4j (native BLAS). Default: ${DEFAULT-VALUE}.")
    String backend;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "Seed for anything random. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--json", description = "Print the result as one JSON object on stdout.")
    boolean json;

    @Option(names = "--verbose", description = "Print stack traces on failure.")
    boolean verbose;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;
}
