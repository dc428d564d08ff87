package org.daetransport.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import org.daetransport.api.NumericalFailureException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;

/** The {@code dae} command. Exit codes: 0 success, 2 bad usage, 3 bad input data, 4 numerical failure. */
@Command(name = "dae", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Transport analysis of deep neural networks: denoising autoencoders as transport maps.",
        subcommands = {BackendsCommand.class, DenoiseCommand.class, FlowCommand.class, W2Command.class, EntropyCommand.class,
                WgfCommand.class, TrainCommand.class, AnalyzeCommand.class, ReproduceCommand.class, CommandLine.HelpCommand.class},
        footerHeading = "%nExit codes:%n",
        footer = {"  0 success, 2 bad usage, 3 bad input data, 4 numerical failure the mathematics predicts"})
public final class Main {

    public static final int BAD_USAGE = 2;
    public static final int BAD_INPUT = 3;
    public static final int NUMERICAL_FAILURE = 4;

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code (used by tests). */
    public static int run(String... args) {
        CommandLine cl = commandLine();
        return cl.execute(args);
    }

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setParameterExceptionHandler(Main::badUsage);
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> failure(e, cmd, parsed.originalArgs().contains("--verbose")));
        return cl;
    }

    private static int badUsage(ParameterException e, String[] args) {
        PrintWriter err = e.getCommandLine().getErr();
        err.println("dae: " + e.getMessage());
        err.println("Try 'dae " + qualifiedName(e.getCommandLine()) + "--help' for usage.");
        err.flush();
        return BAD_USAGE;
    }

    private static String qualifiedName(CommandLine cl) {
        String name = cl.getCommandSpec().qualifiedName(" ");
        return name.equals("dae") ? "" : name.substring(4) + " ";
    }

    static int failure(Exception e, CommandLine cmd, boolean verbose) {
        PrintWriter err = cmd.getErr();
        int code;
        if (e instanceof NumericalFailureException) {
            code = NUMERICAL_FAILURE;
        } else if (e instanceof IllegalArgumentException || e instanceof UncheckedIOException) {
            code = BAD_INPUT;
        } else {
            code = 1;
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        err.println("dae: " + (code == 1 ? "internal error: " : "") + message);
        if (verbose) {
            e.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    /** The version recorded in the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"dae " + version()};
        }
    }

    static String version() {
        String v = Main.class.getPackage().getImplementationVersion();
        return v == null ? "development" : v;
    }
}
