package org.daetransport.cli.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.daetransport.cli.AtomicFiles;
import org.daetransport.cli.InputException;

/**
 * Builds a report folder atomically: everything is written into a hidden partial folder beside
 * the target, which replaces the target only once complete. An interrupted run (Ctrl-C) removes its
 * partial folder, and never leaves a report that looks complete but is not.
 */
public final class ReportDirectory {

    /** Writes the report's files into the folder it is given. */
    @FunctionalInterface
    public interface Contents {
        void writeInto(Path dir) throws IOException;
    }

    private ReportDirectory() {
    }

    public static void publish(Path target, Contents contents) {
        Path abs = target.toAbsolutePath().normalize();
        if (Files.exists(abs) && !Files.isDirectory(abs)) {
            throw new InputException("output folder " + target + " is a file, not a folder");
        }
        Path parent = abs.getParent();
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new InputException("cannot create the folder " + parent + ": " + e.getMessage(), e);
        }
        if (!Files.isWritable(parent) || (Files.isDirectory(abs) && !Files.isWritable(abs))) {
            throw new InputException("output folder " + target + " is not writable");
        }
        Path partial;
        try {
            partial = Files.createTempDirectory(parent, "." + abs.getFileName() + ".partial-");
        } catch (IOException e) {
            throw new InputException("output folder " + target + " is not writable: " + e.getMessage(), e);
        }
        Thread cleanup = new Thread(() -> deleteTree(partial), "report-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        boolean done = false;
        try {
            contents.writeInto(partial);
            Path old = null;
            if (Files.isDirectory(abs)) {
                old = parent.resolve("." + abs.getFileName() + ".old-" + System.nanoTime());
                Files.move(abs, old);
            }
            AtomicFiles.move(partial, abs);
            done = true;
            if (old != null) {
                deleteTree(old);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report into " + target + ": " + e.getMessage(), e);
        } finally {
            if (!done) {
                deleteTree(partial);
            }
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running already and deletes the partial folder
            }
        }
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort
                }
            });
        } catch (IOException ignored) {
            // best effort
        }
    }
}
