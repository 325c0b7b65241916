package org.finrec.samplehost;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.finrec.data.SyntheticBank;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Writes the synthetic bank as a Santander {@code train_ver2.csv} file. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Write the synthetic bank as a Santander train_ver2.csv file.")
final class GenerateCommand implements Callable<Integer> {

    @Option(names = "--customers", defaultValue = "100000", description = "Customers (default ${DEFAULT-VALUE}).")
    int customers;

    @Option(names = "--months", defaultValue = "17", description = "Monthly snapshots (default ${DEFAULT-VALUE}).")
    int months;

    @Option(names = "--seed", defaultValue = "42", description = "Seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", required = true, description = "Folder to write train_ver2.csv into.")
    Path out;

    @Override
    public Integer call() {
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + out, e);
        }
        ConsoleProgress progress = ConsoleProgress.onStandardError();
        long started = System.nanoTime();
        Path file = out.resolve("train_ver2.csv");
        long rows = new SyntheticBank(customers, months, seed).writeSantanderCsv(file, progress);
        progress.finish();
        System.out.printf("Wrote %,d rows (%,d customers x %d months) to %s in %.1f s%n", rows, customers, months,
                file, (System.nanoTime() - started) / 1e9);
        return 0;
    }
}
