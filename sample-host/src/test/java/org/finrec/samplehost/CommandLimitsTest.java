package org.finrec.samplehost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.finrec.data.SyntheticBank;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Commands that cannot work refuse at once, with a message and exit code 1, before they start the runtime. */
class CommandLimitsTest {

    /** Runs the sample host's command line as {@code main} does, without exiting; returns exit code and stderr. */
    private static Object[] run(String... args) {
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            CommandLine commandLine = new CommandLine(new SampleHost());
            commandLine.setCaseInsensitiveEnumValuesAllowed(true);
            commandLine.setErr(new PrintWriter(System.err, true));
            commandLine.setExecutionExceptionHandler((failure, line, parsed) -> {
                line.getErr().println(failure.getMessage());
                return 1;
            });
            int code = commandLine.execute(args);
            return new Object[] {code, captured.toString(StandardCharsets.UTF_8)};
        } finally {
            System.setErr(err);
        }
    }

    @Test
    void recommendOnAnEmptyDatasetSaysSo(@TempDir Path folder) throws IOException {
        Path bank = Files.createDirectory(folder.resolve("empty-bank"));
        Files.writeString(bank.resolve("products.csv"), "id,name,category,risk_class,term_months,"
                + "annual_rate_percent,complexity,min_age,max_age,description\n");
        Files.writeString(bank.resolve("customers.csv"), "id,age,annual_income,segment,risk_tolerance,"
                + "tenure_months,preferred_channel\n");
        Files.writeString(bank.resolve("interactions.csv"), "customer_id,product_id,kind,timestamp,channel,weight\n");
        Object[] result = run("recommend", "--customer", "C1", "--data", bank.toString(), "--format",
                "generic_csv");
        String err = (String) result[1];
        assertEquals(1, result[0], err);
        assertTrue(err.contains("empty-bank has no customers; there is nothing to recommend"), err);
        assertTrue(!err.contains("out of bounds"), err);
    }

    @Test
    void demoRefusesABankThatCannotFitNamingTheMaximum() {
        long started = System.nanoTime();
        Object[] result = run("demo", "--customers", "2000000000");
        String err = (String) result[1];
        assertEquals(1, result[0], err);
        long fits = DemoCommand.maxCustomers(new SyntheticBank(1, 17, 42), Runtime.getRuntime().maxMemory());
        assertTrue(err.contains("--customers 2,000,000,000 does not fit: at most " + String.format("%,d", fits)
                + " customers"), err);
        assertTrue(System.nanoTime() - started < 10_000_000_000L, "refused before generating anything");
    }

    @Test
    void theEstimateLetsTheDefaultDemoRunInTheHeapItWasMeasuredIn() {
        SyntheticBank bank = new SyntheticBank(50_000, 17, 42);
        assertTrue(DemoCommand.maxCustomers(bank, 160L << 20) >= 50_000, () -> "50,000 customers run in 160 MB; estimate " + bank.estimatedBytesPerCustomer() + " bytes each");
        assertTrue(DemoCommand.maxCustomers(bank, 80L << 20) < 50_000, "and fail in 80 MB");
        assertEquals(0, DemoCommand.maxCustomers(bank, 32L << 20));
    }
}
