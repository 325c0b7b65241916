package org.finrec.samplehost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Runs the README's main command, {@code java -jar .../finrec-sample-host.jar}, as a separate process. */
class SampleHostIT {

    private static final Path JAR = Path.of("target/finrec-sample-host/finrec-sample-host.jar");
    private static final Pattern CUSTOMER = Pattern.compile("^Customer (\\S+): .*risk tolerance (\\d|not assessed)$");
    private static final Pattern RECOMMENDATION = Pattern.compile("^  (\\d+)\\. .*risk class (\\d)\\).*");

    @Test
    void demoPrintsSuitableRecommendationsWithReasons() throws IOException, InterruptedException {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString(), "demo", "--customers", "12", "--bank-size", "3000", "-k", "3")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), output);

        List<String> lines = output.lines().toList();
        int customers = 0;
        int recommendations = 0;
        int tolerance = 7;
        for (int i = 0; i < lines.size(); i++) {
            Matcher customer = CUSTOMER.matcher(lines.get(i));
            if (customer.matches()) {
                customers++;
                tolerance = customer.group(2).equals("not assessed") ? 1 : Integer.parseInt(customer.group(2));
                continue;
            }
            Matcher recommendation = RECOMMENDATION.matcher(lines.get(i));
            if (recommendation.matches()) {
                recommendations++;
                int riskClass = Integer.parseInt(recommendation.group(2));
                assertTrue(riskClass <= tolerance, "unsuitable recommendation: " + lines.get(i));
                assertTrue(lines.get(i + 1).trim().startsWith("POPULAR_"), "no reason after " + lines.get(i));
            }
        }
        assertEquals(12, customers, output);
        assertTrue(recommendations >= 30, output);
        assertTrue(output.contains("RISK_ABOVE_TOLERANCE"), "suitability removals are shown");
    }
}
