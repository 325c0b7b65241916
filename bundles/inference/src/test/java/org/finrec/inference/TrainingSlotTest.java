package org.finrec.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class TrainingSlotTest {

    @Test
    void aSecondTrainingWaitsUntilTheFirstEndsAndAWaitingOneCanBeCancelled() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean secondTrained = new AtomicBoolean();
        Thread second;
        try (TrainingSlot first = TrainingSlot.acquire("first", line -> { })) {
            second = new Thread(() -> {
                started.countDown();
                try (TrainingSlot slot = TrainingSlot.acquire("second", line -> { })) {
                    secondTrained.set(true);
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
            });
            second.start();
            assertTrue(started.await(5, TimeUnit.SECONDS));
            second.join(300);
            assertFalse(secondTrained.get(), "the second training must wait for the slot");
        }
        second.join(5000);
        assertTrue(secondTrained.get(), "the second training runs once the first released the slot");

        AtomicReference<Throwable> cancelled = new AtomicReference<>();
        try (TrainingSlot holding = TrainingSlot.acquire("holding", line -> { })) {
            Thread waiting = new Thread(() -> {
                try (TrainingSlot slot = TrainingSlot.acquire("waiting", line -> { })) {
                    cancelled.set(new AssertionError("got the slot while it was held"));
                } catch (InterruptedException e) {
                    cancelled.set(e);
                }
            });
            waiting.start();
            Thread.sleep(100);
            waiting.interrupt();
            waiting.join(5000);
        }
        assertEquals(InterruptedException.class, cancelled.get().getClass());
    }
}
