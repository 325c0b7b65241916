package org.finrec.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class WaitWatchdogTest {

    @Test
    void aLongWaitReportsWhatItWaitsForTheComponentsAndTheWaitingThreadsFrames() throws InterruptedException {
        List<String> reports = new CopyOnWriteArrayList<>();
        try (WaitWatchdog watchdog = WaitWatchdog.watch("(objectClass=Recommender)",
                () -> List.of("component als (PID cf.als~x) is ACTIVE"), Duration.ofMillis(50), reports::add)) {
            trainForAWhile();
        }
        int afterClose = reports.size();
        TimeUnit.MILLISECONDS.sleep(200);

        assertTrue(afterClose >= 2, "a report every 50 ms of a 600 ms wait: " + reports);
        String report = reports.get(0);
        assertTrue(report.startsWith("Still waiting for (objectClass=Recommender) after "), report);
        assertTrue(report.contains("component als (PID cf.als~x) is ACTIVE"), report);
        assertTrue(report.contains(Thread.currentThread().getName()), report);
        assertTrue(report.contains("trainForAWhile"), "the waiting thread's own frames: " + report);
        assertTrue(reports.size() == afterClose, "no report once the wait has ended: " + reports);
    }

    @Test
    void aFailingStateLookupStillReportsTheWait() throws InterruptedException {
        List<String> reports = new CopyOnWriteArrayList<>();
        try (WaitWatchdog watchdog = WaitWatchdog.watch("x", () -> {
            throw new IllegalStateException("framework stopping");
        }, Duration.ofMillis(20), reports::add)) {
            TimeUnit.MILLISECONDS.sleep(200);
        }
        assertTrue(!reports.isEmpty() && reports.get(0).contains("framework stopping"), reports.toString());
    }

    private static void trainForAWhile() throws InterruptedException {
        TimeUnit.MILLISECONDS.sleep(600);
    }
}
