package org.finrec.api.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ReconfigurationTest {

    @Test
    void changesRunOffTheCallingThreadInOrderAndOnlyTheLatestOfThoseWaitingRuns() throws Exception {
        List<String> applied = new CopyOnWriteArrayList<>();
        List<Exception> refused = new CopyOnWriteArrayList<>();
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch firstStarted = new CountDownLatch(1);
        try (Reconfiguration reconfiguration = new Reconfiguration("test")) {
            reconfiguration.submit(() -> {
                firstStarted.countDown();
                applied.add("first on " + Thread.currentThread().getName());
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
            }, refused::add);
            assertTrue(firstStarted.await(10, TimeUnit.SECONDS));
            long submitted = System.nanoTime();
            reconfiguration.submit(() -> applied.add("second"), refused::add);
            reconfiguration.submit(() -> applied.add("third"), refused::add);
            assertTrue(System.nanoTime() - submitted < TimeUnit.SECONDS.toNanos(5), "submitting never waits");
            release.countDown();

            assertTrue(reconfiguration.awaitIdle(10_000));
        }
        assertEquals(List.of("first on finrec-reconfigure-test", "third"), applied,
                "the second was superseded before it started");
        assertEquals(List.of(), refused);
    }

    @Test
    void aChangeThatFailsItsCheckIsRefusedOnTheCallingThreadAndNeverQueued() throws Exception {
        List<String> applied = new CopyOnWriteArrayList<>();
        List<String> refusedAtOnce = new CopyOnWriteArrayList<>();
        List<Exception> refused = new CopyOnWriteArrayList<>();
        try (Reconfiguration reconfiguration = new Reconfiguration("test")) {
            boolean queued = reconfiguration.submit(() -> {
                throw new org.finrec.api.config.InvalidConfigurationException("org.example", "k", "abc",
                        "must be a number");
            }, settings -> applied.add("bad " + settings), outOfRange -> refusedAtOnce.add(
                    outOfRange.property() + " on " + Thread.currentThread().getName()), refused::add);
            assertEquals(false, queued);
            assertTrue(reconfiguration.submit(() -> 7, settings -> applied.add("good " + settings),
                    outOfRange -> refusedAtOnce.add("unexpected"), refused::add));
            assertTrue(reconfiguration.awaitIdle(10_000));
        }
        assertEquals(List.of("k on " + Thread.currentThread().getName()), refusedAtOnce);
        assertEquals(List.of("good 7"), applied);
        assertEquals(List.of(), refused);
    }

    @Test
    void aFailedChangeIsReportedAndLaterChangesStillRun() throws Exception {
        List<Exception> refused = new CopyOnWriteArrayList<>();
        List<String> applied = new CopyOnWriteArrayList<>();
        try (Reconfiguration reconfiguration = new Reconfiguration("test")) {
            reconfiguration.submit(() -> {
                throw new IllegalStateException("no dataset");
            }, refused::add);
            assertTrue(reconfiguration.awaitIdle(10_000));
            reconfiguration.submit(() -> applied.add("next"), refused::add);
            assertTrue(reconfiguration.awaitIdle(10_000));
        }
        assertEquals(1, refused.size());
        assertEquals("no dataset", refused.get(0).getMessage());
        assertEquals(List.of("next"), applied);
    }

    @Test
    void closingSkipsWaitingChangesAndInterruptsTheRunningOne() throws Exception {
        List<String> applied = new CopyOnWriteArrayList<>();
        CountDownLatch started = new CountDownLatch(1);
        Reconfiguration reconfiguration = new Reconfiguration("test");
        reconfiguration.submit(() -> {
            started.countDown();
            try {
                Thread.sleep(10_000);
                applied.add("not interrupted");
            } catch (InterruptedException interrupted) {
                applied.add("interrupted");
            }
        }, failure -> { });
        assertTrue(started.await(10, TimeUnit.SECONDS));
        reconfiguration.submit(() -> applied.add("waiting"), failure -> { });

        reconfiguration.close();

        assertTrue(reconfiguration.awaitIdle(10_000));
        assertEquals(List.of("interrupted"), applied);
        reconfiguration.submit(() -> applied.add("after close"), failure -> { });
        assertTrue(reconfiguration.awaitIdle(10_000));
        assertEquals(List.of("interrupted"), applied, "nothing runs once closed");
    }
}
