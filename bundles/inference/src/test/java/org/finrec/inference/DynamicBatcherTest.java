package org.finrec.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Every wait is bounded, so a broken batcher fails these tests instead of hanging them. */
@Timeout(60)
class DynamicBatcherTest {

    /** Generous: only reached when something is broken, never on the happy path. */
    private static final long TIMEOUT_S = 10;

    private static final Duration LONG_WAIT = Duration.ofSeconds(10);

    @Test
    void concurrentCallersGetTheirOwnOutputsInBoundedBatches() throws Exception {
        int threads = 16;
        int callsPerThread = 50;
        int maxBatchSize = 8;
        AtomicInteger largestSeen = new AtomicInteger();
        Function<List<Integer>, List<Integer>> doubler = inputs -> {
            largestSeen.accumulateAndGet(inputs.size(), Math::max);
            sleep(1);
            return doubled(inputs);
        };
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try (DynamicBatcher<Integer, Integer> batcher =
                new DynamicBatcher<>("concurrent", maxBatchSize, Duration.ofMillis(5), 64, doubler)) {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<String>>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                results.add(pool.submit(() -> {
                    start.await();
                    List<String> mismatches = new ArrayList<>();
                    for (int i = 0; i < callsPerThread; i++) {
                        int input = thread * 1000 + i;
                        Integer output = batcher.call(input);
                        if (output == null || output != input * 2) {
                            mismatches.add(input + " -> " + output);
                        }
                    }
                    return mismatches;
                }));
            }
            start.countDown();
            for (Future<List<String>> result : results) {
                assertEquals(List.of(), result.get(30, TimeUnit.SECONDS));
            }

            DynamicBatcher.Stats stats = batcher.stats();
            assertEquals(threads * callsPerThread, stats.inputs());
            assertEquals(0, stats.failedBatches());
            assertTrue(stats.largestBatch() > 1, "expected some batching, got " + stats);
            assertTrue(stats.largestBatch() <= maxBatchSize, stats::toString);
            assertEquals(stats.largestBatch(), largestSeen.get());
            assertTrue(stats.batchSizeCounts().lastKey() <= maxBatchSize, stats::toString);
            long histogramBatches = 0;
            long histogramInputs = 0;
            for (Map.Entry<Integer, Long> entry : stats.batchSizeCounts().entrySet()) {
                histogramBatches += entry.getValue();
                histogramInputs += entry.getKey() * entry.getValue();
            }
            assertEquals(stats.batches(), histogramBatches);
            assertEquals(stats.inputs(), histogramInputs);
            assertTrue(stats.batches() < stats.inputs(), stats::toString);
            assertEquals((double) stats.inputs() / stats.batches(), stats.meanBatchSize(), 1e-9);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void loneInputWaitsForMaxWaitThenRunsAlone() throws Exception {
        List<Integer> sizes = new CopyOnWriteArrayList<>();
        try (DynamicBatcher<Integer, Integer> batcher = new DynamicBatcher<>("lone", 8, Duration.ofMillis(50), 16,
                recordingDoubler(sizes))) {
            long start = System.nanoTime();
            assertEquals(14, await(batcher.submit(7)));
            long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

            assertTrue(elapsedMs >= 40, "completed after " + elapsedMs + " ms, before maxWait");
            assertEquals(List.of(1), sizes);
            assertEquals(1, batcher.stats().largestBatch());
        }
    }

    @Test
    void fullBatchAlreadyQueuedRunsWithoutWaitingForMaxWait() throws Exception {
        List<Integer> sizes = new CopyOnWriteArrayList<>();
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch gate = new CountDownLatch(1);
        Function<List<Integer>, List<Integer>> gated = inputs -> {
            sizes.add(inputs.size());
            if (inputs.contains(0)) {
                entered.countDown();
                awaitLatch(gate);
            }
            return doubled(inputs);
        };
        try (DynamicBatcher<Integer, Integer> batcher = new DynamicBatcher<>("full", 4, LONG_WAIT, 16, gated)) {
            List<CompletableFuture<Integer>> first = submitAll(batcher, 0, 1, 2, 3);
            assertTrue(entered.await(TIMEOUT_S, TimeUnit.SECONDS), "a full first batch must run at once");
            List<CompletableFuture<Integer>> second = submitAll(batcher, 4, 5, 6, 7);

            long start = System.nanoTime();
            gate.countDown();
            assertEquals(List.of(8, 10, 12, 14), awaitAll(second));
            long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

            assertEquals(List.of(0, 2, 4, 6), awaitAll(first));
            assertTrue(elapsedMs < LONG_WAIT.toMillis() / 2, "waited " + elapsedMs + " ms for a full batch");
            assertEquals(List.of(4, 4), sizes);
        }
    }

    @Test
    void zeroMaxWaitNeverWaitsButBatchesWhatIsQueued() throws Exception {
        List<Integer> sizes = new CopyOnWriteArrayList<>();
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch gate = new CountDownLatch(1);
        Function<List<Integer>, List<Integer>> gated = inputs -> {
            sizes.add(inputs.size());
            if (inputs.contains(-1)) {
                entered.countDown();
                awaitLatch(gate);
            }
            return doubled(inputs);
        };
        try (DynamicBatcher<Integer, Integer> batcher = new DynamicBatcher<>("nowait", 16, Duration.ZERO, 16, gated)) {
            assertEquals(0, await(batcher.submit(0))); // warm-up
            long fastestMs = Long.MAX_VALUE;
            for (int i = 1; i <= 3; i++) {
                long start = System.nanoTime();
                assertEquals(2 * i, await(batcher.submit(i)));
                fastestMs = Math.min(fastestMs, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
            }
            assertTrue(fastestMs < 200, "a lone input took at least " + fastestMs + " ms with maxWait 0");
            assertEquals(List.of(1, 1, 1, 1), sizes);

            CompletableFuture<Integer> blocker = batcher.submit(-1);
            assertTrue(entered.await(TIMEOUT_S, TimeUnit.SECONDS));
            List<CompletableFuture<Integer>> queued = submitAll(batcher, 10, 11, 12);
            gate.countDown();
            assertEquals(-2, await(blocker));
            assertEquals(List.of(20, 22, 24), awaitAll(queued));
            assertEquals(List.of(1, 1, 1, 1, 1, 3), sizes);
        }
    }

    @Test
    void throwingBatchFunctionFailsOnlyThatBatch() throws Exception {
        AtomicReference<RuntimeException> thrown = new AtomicReference<>();
        Function<List<Integer>, List<Integer>> failing = inputs -> {
            if (inputs.contains(13)) {
                RuntimeException boom = new IllegalArgumentException("unlucky");
                thrown.set(boom);
                throw boom;
            }
            return doubled(inputs);
        };
        try (DynamicBatcher<Integer, Integer> batcher = new DynamicBatcher<>("failing", 2, LONG_WAIT, 8, failing)) {
            List<CompletableFuture<Integer>> bad = submitAll(batcher, 13, 14);
            for (CompletableFuture<Integer> future : bad) {
                Throwable failure = failure(future);
                assertSame(thrown.get(), failure);
            }

            assertEquals(List.of(2, 4), awaitAll(submitAll(batcher, 1, 2)));
            DynamicBatcher.Stats stats = batcher.stats();
            assertEquals(2, stats.batches());
            assertEquals(1, stats.failedBatches());
            assertEquals(4, stats.inputs());
        }
    }

    @Test
    void wrongOutputCountFailsTheBatchNamingBothCounts() throws Exception {
        AtomicReference<String> mode = new AtomicReference<>("short");
        Function<List<Integer>, List<Integer>> sloppy = inputs -> {
            switch (mode.get()) {
                case "short":
                    return doubled(inputs).subList(0, inputs.size() - 1);
                case "null":
                    return null;
                default:
                    return doubled(inputs);
            }
        };
        try (DynamicBatcher<Integer, Integer> batcher = new DynamicBatcher<>("sloppy", 3, LONG_WAIT, 8, sloppy)) {
            for (CompletableFuture<Integer> future : submitAll(batcher, 1, 2, 3)) {
                Throwable failure = failure(future);
                assertInstanceOf(IllegalStateException.class, failure);
                assertTrue(failure.getMessage().contains("'sloppy'"), failure.getMessage());
                assertTrue(failure.getMessage().contains("returned 2 outputs"), failure.getMessage());
                assertTrue(failure.getMessage().contains("expected 3"), failure.getMessage());
            }

            mode.set("null");
            for (CompletableFuture<Integer> future : submitAll(batcher, 4, 5, 6)) {
                Throwable failure = failure(future);
                assertInstanceOf(IllegalStateException.class, failure);
                assertTrue(failure.getMessage().contains("returned null"), failure.getMessage());
                assertTrue(failure.getMessage().contains("expected 3"), failure.getMessage());
            }

            mode.set("right");
            assertEquals(List.of(14, 16, 18), awaitAll(submitAll(batcher, 7, 8, 9)));
            assertEquals(2, batcher.stats().failedBatches());
        }
    }

    @Test
    void closeDrainsQueuedWorkThenRefusesSubmits() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch gate = new CountDownLatch(1);
        AtomicReference<Thread> workerThread = new AtomicReference<>();
        Function<List<Integer>, List<Integer>> gated = inputs -> {
            workerThread.set(Thread.currentThread());
            if (inputs.contains(0)) {
                entered.countDown();
                awaitLatch(gate);
            }
            return doubled(inputs);
        };
        DynamicBatcher<Integer, Integer> batcher = new DynamicBatcher<>("draining", 1, Duration.ZERO, 8, gated);
        try {
            CompletableFuture<Integer> running = batcher.submit(0);
            assertTrue(entered.await(TIMEOUT_S, TimeUnit.SECONDS));
            List<CompletableFuture<Integer>> queued = submitAll(batcher, 1, 2, 3);

            Thread closer = new Thread(batcher::close, "closer");
            closer.start();
            waitUntil(batcher::isClosed, "batcher to close");

            Throwable refused = failure(batcher.submit(4));
            assertInstanceOf(IllegalStateException.class, refused);
            assertTrue(refused.getMessage().contains("'draining'"), refused.getMessage());
            IllegalStateException refusedCall = callFails(IllegalStateException.class, batcher, 5);
            assertTrue(refusedCall.getMessage().contains("'draining'"), refusedCall.getMessage());

            gate.countDown();
            assertEquals(0, await(running));
            assertEquals(List.of(2, 4, 6), awaitAll(queued));
            closer.join(TimeUnit.SECONDS.toMillis(TIMEOUT_S));
            assertFalse(closer.isAlive(), "close() must return once the queue is drained");
            assertFalse(workerThread.get().isAlive(), "worker must stop after draining");
            assertEquals(4, batcher.stats().inputs());
        } finally {
            gate.countDown();
            batcher.close();
        }
    }

    @Test
    void closeIsIdempotentAndStopsTheNamedDaemonWorker() throws Exception {
        AtomicReference<Thread> workerThread = new AtomicReference<>();
        DynamicBatcher<Integer, Integer> batcher = new DynamicBatcher<>("scorer", 4, Duration.ZERO, 8, inputs -> {
            workerThread.set(Thread.currentThread());
            return doubled(inputs);
        });
        assertEquals(6, await(batcher.submit(3)));
        Thread worker = workerThread.get();
        assertEquals("finrec-batcher-scorer", worker.getName());
        assertTrue(worker.isDaemon());
        waitUntil(() -> worker.getState() == Thread.State.WAITING, "worker to idle");

        assertTrue(batcher.close(Duration.ofSeconds(TIMEOUT_S)), "close must wake and stop an idle worker");
        batcher.close();
        assertTrue(batcher.close(Duration.ofSeconds(TIMEOUT_S)));
        assertFalse(worker.isAlive());
        assertTrue(batcher.isClosed());
        callFails(IllegalStateException.class, batcher, 1);
    }

    @Test
    void fullQueueBlocksSubmitUntilTheWorkerTakesInputs() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch gate = new CountDownLatch(1);
        try (DynamicBatcher<Integer, Integer> batcher =
                new DynamicBatcher<>("pressure", 1, Duration.ZERO, 1, gatedOnFirstCall(entered, gate))) {
            CompletableFuture<Integer> running = batcher.submit(1);
            assertTrue(entered.await(TIMEOUT_S, TimeUnit.SECONDS));
            CompletableFuture<Integer> queued = batcher.submit(2); // fills the queue of capacity 1

            CountDownLatch thirdSubmitted = new CountDownLatch(1);
            AtomicReference<CompletableFuture<Integer>> third = new AtomicReference<>();
            Thread submitter = new Thread(() -> {
                third.set(batcher.submit(3));
                thirdSubmitted.countDown();
            }, "submitter");
            submitter.setDaemon(true);
            submitter.start();
            try {
                waitUntil(() -> submitter.getState() == Thread.State.WAITING, "submitter to block");
                assertFalse(thirdSubmitted.await(100, TimeUnit.MILLISECONDS), "submit must block on a full queue");

                gate.countDown();
                assertTrue(thirdSubmitted.await(TIMEOUT_S, TimeUnit.SECONDS), "submit must resume once space frees");
                assertEquals(2, await(running));
                assertEquals(4, await(queued));
                assertEquals(6, await(third.get()));
            } finally {
                gate.countDown();
                submitter.join(TimeUnit.SECONDS.toMillis(TIMEOUT_S));
            }
        }
    }

    @Test
    void interruptWhileBlockedOnFullQueueFailsTheFutureAndKeepsTheFlag() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch gate = new CountDownLatch(1);
        try (DynamicBatcher<Integer, Integer> batcher =
                new DynamicBatcher<>("interrupted", 1, Duration.ZERO, 1, gatedOnFirstCall(entered, gate))) {
            CompletableFuture<Integer> running = batcher.submit(1);
            assertTrue(entered.await(TIMEOUT_S, TimeUnit.SECONDS));
            CompletableFuture<Integer> queued = batcher.submit(2);

            AtomicReference<CompletableFuture<Integer>> third = new AtomicReference<>();
            AtomicReference<Boolean> flagKept = new AtomicReference<>();
            Thread submitter = new Thread(() -> {
                third.set(batcher.submit(3));
                flagKept.set(Thread.currentThread().isInterrupted());
            }, "submitter");
            submitter.setDaemon(true);
            submitter.start();
            try {
                waitUntil(() -> submitter.getState() == Thread.State.WAITING, "submitter to block");
                submitter.interrupt();
                submitter.join(TimeUnit.SECONDS.toMillis(TIMEOUT_S));
                assertFalse(submitter.isAlive());
                assertTrue(flagKept.get(), "interrupt flag must stay set");
                assertInstanceOf(InterruptedException.class, failure(third.get()));

                gate.countDown();
                assertEquals(2, await(running));
                assertEquals(4, await(queued));
                assertEquals(2, batcher.stats().inputs(), "the interrupted input must not run");
            } finally {
                gate.countDown();
            }
        }
    }

    @Test
    void callRethrowsUncheckedCausesAndWrapsCheckedOnes() {
        IllegalArgumentException unchecked = new IllegalArgumentException("bad input");
        Error error = new Error("fatal");
        IOException checked = new IOException("disk");
        try (DynamicBatcher<Integer, Integer> batcher = new DynamicBatcher<>("scorer", 1, Duration.ZERO, 8, inputs -> {
            switch (inputs.get(0)) {
                case 1:
                    throw unchecked;
                case 2:
                    throw error;
                case 3:
                    return sneakyThrow(checked);
                default:
                    return doubled(inputs);
            }
        })) {
            assertSame(unchecked, callFails(IllegalArgumentException.class, batcher, 1));
            assertSame(error, callFails(Error.class, batcher, 2));
            IllegalStateException wrapped = callFails(IllegalStateException.class, batcher, 3);
            assertSame(checked, wrapped.getCause());
            assertTrue(wrapped.getMessage().contains("'scorer'"), wrapped.getMessage());
            assertEquals(8, assertTimeoutPreemptively(Duration.ofSeconds(TIMEOUT_S), () -> batcher.call(4)));
        }
    }

    @Test
    void constructorRejectsInvalidArguments() {
        Function<List<Integer>, List<Integer>> f = DynamicBatcherTest::doubled;
        Duration wait = Duration.ZERO;
        assertThrows(IllegalArgumentException.class, () -> new DynamicBatcher<>("b", 0, wait, 8, f));
        assertThrows(IllegalArgumentException.class, () -> new DynamicBatcher<>("b", 1, Duration.ofMillis(-1), 8, f));
        assertThrows(IllegalArgumentException.class, () -> new DynamicBatcher<>("b", 1, wait, 0, f));
        assertThrows(IllegalArgumentException.class, () -> new DynamicBatcher<>(" ", 1, wait, 8, f));
        assertThrows(NullPointerException.class, () -> new DynamicBatcher<>(null, 1, wait, 8, f));
        assertThrows(NullPointerException.class, () -> new DynamicBatcher<>("b", 1, null, 8, f));
        assertThrows(NullPointerException.class, () -> new DynamicBatcher<Integer, Integer>("b", 1, wait, 8, null));
    }

    @Test
    void statsStartEmpty() {
        try (DynamicBatcher<Integer, Integer> batcher =
                new DynamicBatcher<>("idle", 4, Duration.ZERO, 8, DynamicBatcherTest::doubled)) {
            DynamicBatcher.Stats stats = batcher.stats();
            assertEquals(0, stats.batches());
            assertEquals(0, stats.inputs());
            assertEquals(0, stats.largestBatch());
            assertTrue(stats.batchSizeCounts().isEmpty());
            assertEquals(0.0, stats.meanBatchSize());
        }
    }

    // ---- helpers ----

    private static List<Integer> doubled(List<Integer> inputs) {
        List<Integer> outputs = new ArrayList<>(inputs.size());
        for (Integer input : inputs) {
            outputs.add(input * 2);
        }
        return outputs;
    }

    private static Function<List<Integer>, List<Integer>> recordingDoubler(List<Integer> sizes) {
        return inputs -> {
            sizes.add(inputs.size());
            return doubled(inputs);
        };
    }

    /** Doubles; the first call signals {@code entered} and then blocks until {@code gate} opens. */
    private static Function<List<Integer>, List<Integer>> gatedOnFirstCall(CountDownLatch entered,
            CountDownLatch gate) {
        AtomicInteger calls = new AtomicInteger();
        return inputs -> {
            if (calls.getAndIncrement() == 0) {
                entered.countDown();
                awaitLatch(gate);
            }
            return doubled(inputs);
        };
    }

    @SafeVarargs
    private static <T> List<CompletableFuture<Integer>> submitAll(DynamicBatcher<T, Integer> batcher, T... inputs) {
        List<CompletableFuture<Integer>> futures = new ArrayList<>();
        for (T input : inputs) {
            futures.add(batcher.submit(input));
        }
        return futures;
    }

    private static <T> T await(CompletableFuture<T> future) throws Exception {
        return future.get(TIMEOUT_S, TimeUnit.SECONDS);
    }

    private static List<Integer> awaitAll(List<CompletableFuture<Integer>> futures) throws Exception {
        List<Integer> outputs = new ArrayList<>();
        for (CompletableFuture<Integer> future : futures) {
            outputs.add(await(future));
        }
        return outputs;
    }

    /** Asserts that {@code call} throws {@code type}, within a bounded time. */
    private static <X extends Throwable> X callFails(Class<X> type, DynamicBatcher<Integer, Integer> batcher,
            int input) {
        return assertTimeoutPreemptively(Duration.ofSeconds(TIMEOUT_S),
                () -> assertThrows(type, () -> batcher.call(input)));
    }

    /** Waits for the future to fail and returns its cause. */
    private static Throwable failure(CompletableFuture<?> future) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> {
            try {
                future.get(TIMEOUT_S, TimeUnit.SECONDS);
            } catch (TimeoutException timeout) {
                throw new AssertionError("future did not complete", timeout);
            }
        });
        return e.getCause();
    }

    private static void waitUntil(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_S);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(2);
        }
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            if (!latch.await(TIMEOUT_S, TimeUnit.SECONDS)) {
                throw new IllegalStateException("gate never opened");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable, R> R sneakyThrow(Throwable t) throws T {
        throw (T) t;
    }
}
