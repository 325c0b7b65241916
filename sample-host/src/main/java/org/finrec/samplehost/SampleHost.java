package org.finrec.samplehost;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * A minimal core-banking platform that embeds Finrec: its command line. The default command is {@code demo}.
 */
@Command(name = "finrec-sample-host", mixinStandardHelpOptions = true, version = "Finrec sample host 0.1",
        description = "A minimal core-banking platform that embeds the Finrec runtime.",
        subcommands = {DemoCommand.class, EvaluateCommand.class, RecommendCommand.class, GenerateCommand.class,
            SimulateCommand.class, PropensityCommand.class, TransferCommand.class})
public final class SampleHost implements Runnable {

    /** Keeps SPI Fly's java.util.logging logger, which announces every mediated provider, at warnings only. */
    private static final java.util.logging.Logger SPI_FLY_LOG = java.util.logging.Logger.getLogger(
            "org.apache.aries.spifly.BaseActivator");

    /**
     * Runs the command line; with no arguments runs {@code demo}.
     *
     * @param args command-line arguments
     */
    public static void main(String[] args) {
        if (System.getProperty("finrec.sample.logs") == null) { // read by the sample host's logback.xml
            System.setProperty("finrec.sample.logs", installationFolder().resolve("logs").toString());
        }
        SPI_FLY_LOG.setLevel(java.util.logging.Level.WARNING);
        CommandLine commandLine = new CommandLine(new SampleHost());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setExecutionExceptionHandler((failure, line, parsed) -> {
            // bad input (a data file, an option) is reported in one line, without a stack trace
            line.getErr().println(line.getColorScheme().errorText(failure.getMessage()));
            return 1;
        });
        int exitCode = commandLine.execute(args.length == 0 ? new String[] {"demo"} : args);
        System.exit(exitCode);
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    /**
     * The folder the sample host was installed in: where its jar lies, with {@code bundles/} beside it.
     *
     * @return the folder, or the working directory when not run from a jar
     */
    static Path installationFolder() {
        try {
            Path codeSource = Path.of(SampleHost.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isRegularFile(codeSource) ? codeSource.getParent() : Path.of(".").toAbsolutePath();
        } catch (URISyntaxException | SecurityException e) {
            return Path.of(".").toAbsolutePath();
        }
    }
}
