package org.finrec.samplehost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the README's main command, {@code java -jar .../finrec-sample-host.jar}, as a separate process. */
class SampleHostIT {

    private static final Path JAR = Path.of("target/finrec-sample-host/finrec-sample-host.jar");
    private static final Pattern CUSTOMER = Pattern.compile("^Customer (\\S+): .*risk tolerance (\\d|not assessed)$");
    private static final Pattern RECOMMENDATION = Pattern.compile("^  (\\d+)\\. .*risk class (\\d)\\).*");

    @Test
    void demoPrintsSuitableRecommendationsWithReasons() throws IOException, InterruptedException {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString(), "demo", "--show", "12", "--customers", "3000")
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
        assertTrue(output.contains("| popularity-segment |"), "the leaderboard is printed: " + output);
    }

    @Test
    void evaluateReportsABadRowWithFileLineAndField(@TempDir Path folder) throws IOException, InterruptedException {
        Path data = folder.resolve("u.data");
        Files.writeString(data, "1\t10\t5\t881250949\n2\t20\tfive\t881250950\n");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString(), "evaluate", "--data", data.toString(), "--format", "movielens",
                "--protocol", "random").redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));

        assertEquals(1, process.exitValue(), output);
        assertTrue(output.contains(data + ":2: field 'rating'"), output);
        assertFalse(output.contains("\tat "), "no stack trace: " + output);
    }

    @Test
    void recommendReadsTheCustomersIntentThroughContentMatch() throws IOException, InterruptedException {
        String intent = "saving for my daughter's university";
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString(), "recommend", "--customer", "1", "-k", "3", "--customers", "3000",
                "--intent", intent).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), output);

        Matcher customer = CUSTOMER.matcher(output.lines().findFirst().orElseThrow());
        assertTrue(customer.matches(), output);
        int tolerance = customer.group(2).equals("not assessed") ? 1 : Integer.parseInt(customer.group(2));
        List<String> recommendations = output.lines().filter(line -> RECOMMENDATION.matcher(line).matches()).toList();
        assertEquals(3, recommendations.size(), output);
        for (String recommendation : recommendations) {
            Matcher matcher = RECOMMENDATION.matcher(recommendation);
            assertTrue(matcher.matches());
            assertTrue(Integer.parseInt(matcher.group(2)) <= tolerance, "unsuitable: " + recommendation);
            assertTrue(recommendation.contains("by content-match"), recommendation);
        }
        assertEquals(3, output.lines().filter(line -> line.contains("TEXT_MATCH") && line.contains("\"" + intent
                + "\"")).count(), "every recommendation says how it matches the intent: " + output);
    }
}
