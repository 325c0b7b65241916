package org.finrec.runtime.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.finrec.api.experiment.ExperimentService;
import org.finrec.api.experiment.Outcome;
import org.finrec.api.experiment.OutcomeKind;
import org.finrec.api.experiment.VariantReport;
import org.finrec.runtime.FinrecRuntime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An acknowledged outcome is never lost: a host process records clicks until it is killed with SIGKILL in the
 * middle of its work; a runtime started on the same folder finds every outcome the dead process acknowledged.
 */
class OutcomeDurabilityIT {

    private static final Path BUNDLES = Path.of(System.getProperty("finrec.bundles", "target/finrec-runtime/bundles"));
    private static final int ACKNOWLEDGEMENTS_BEFORE_KILL = 400;

    @TempDir
    Path storage;

    private String errors() {
        try {
            return Files.readString(storage.resolve("host.err"));
        } catch (IOException unreadable) {
            return unreadable.toString();
        }
    }

    @Test
    void everyAcknowledgedOutcomeSurvivesSigkill() throws Exception {
        Process host = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), OutcomeRecorderProcess.class.getName(),
                storage.toString(), BUNDLES.toAbsolutePath().toString())
                .redirectError(storage.resolve("host.err").toFile()).start();
        List<String[]> acknowledged = new ArrayList<>();
        try (BufferedReader output = new BufferedReader(new InputStreamReader(host.getInputStream(),
                StandardCharsets.UTF_8))) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            String line;
            while (acknowledged.size() < ACKNOWLEDGEMENTS_BEFORE_KILL && (line = output.readLine()) != null) {
                if (line.startsWith("ACK ")) {
                    acknowledged.add(line.split(" "));
                }
                assertTrue(System.nanoTime() < deadline, "the host acknowledged only " + acknowledged.size());
            }
            assertTrue(host.isAlive(), () -> "the host died on its own after " + acknowledged.size()
                    + " acknowledgements: " + errors());
            host.destroyForcibly(); // SIGKILL: no shutdown hook, no close, no flush
            assertTrue(host.waitFor(30, TimeUnit.SECONDS));
        }
        assertEquals(137, host.exitValue(), "killed by SIGKILL");

        try (FinrecRuntime restarted = OutcomeRecorderProcess.start(storage, BUNDLES)) {
            ExperimentService experiments = restarted.waitForService(ExperimentService.class, null,
                    Duration.ofSeconds(30));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (experiments.report(OutcomeRecorderProcess.EXPERIMENT).isEmpty()) {
                assertTrue(System.nanoTime() < deadline, "the experiment is not configured again");
                Thread.sleep(10);
            }
            long clicks = experiments.report(OutcomeRecorderProcess.EXPERIMENT).orElseThrow().variants().stream()
                    .mapToLong(variant -> variant.clickThroughRate().orElseThrow().successes()).sum();
            assertTrue(clicks >= acknowledged.size(), clicks + " clicks counted, " + acknowledged.size()
                    + " acknowledged");
            for (String[] ack : acknowledged) {
                assertFalse(experiments.recordOutcome(new Outcome(ack[1], ack[2], OutcomeKind.CLICK, Instant.now())),
                        "outcome of " + ack[1] + " was acknowledged before the kill but is not in the log");
            }
            long impressions = experiments.report(OutcomeRecorderProcess.EXPERIMENT).orElseThrow().variants()
                    .stream().mapToLong(VariantReport::impressions).sum();
            assertTrue(impressions >= acknowledged.size());
        }
    }
}
