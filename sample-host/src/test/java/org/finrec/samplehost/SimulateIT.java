package org.finrec.samplehost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Runs {@code java -jar .../finrec-sample-host.jar simulate} with small numbers as a separate process. */
class SimulateIT {

    private static final Path JAR = Path.of("target/finrec-sample-host/finrec-sample-host.jar");
    private static final Pattern ROW = Pattern.compile("(?m)^  (control|treatment) +[\\d,]+  \\d+\\.\\d\\d \\[");
    private static final Pattern SWAP = Pattern.compile("(?m)^Hot swap: [\\d,]+ ms, [\\d,]+ requests during it, 0 "
            + "failed; after it ([\\d,]+) of ([\\d,]+) treatment responses came from "
            + "org\\.finrec\\.recommender\\.cf/(\\S+)$");

    @Test
    void simulateServesBothVariantsAndHotSwapsWithoutAFailure() throws IOException, InterruptedException {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString(), "simulate", "--customers", "3000", "--requests", "2000",
                "--report-every", "500").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), output);

        long rows = ROW.matcher(output).results().count();
        assertEquals(8, rows, "two variants in each of four reports: " + output);
        assertTrue(output.contains("  treatment "), output);
        assertTrue(output.contains("Totals: 2,000 requests in "), output);
        assertTrue(output.contains(", 0 failed, "), "no request failed: " + output);
        Matcher swap = SWAP.matcher(output);
        assertTrue(swap.find(), "the swap line: " + output);
        assertEquals(swap.group(2), swap.group(1), "every treatment response after the swap from the new version");
        assertTrue(Integer.parseInt(swap.group(1).replace(",", "")) > 0, output);
        assertTrue(swap.group(3).endsWith(".hotswap"), "the new version serves: " + swap.group(3));
        assertTrue(output.contains("Verdict: treatment CTR "), output);
    }
}
