package org.finrec.experiment.internal.log;

import static org.finrec.experiment.internal.log.LogTestSupport.await;
import static org.finrec.experiment.internal.log.LogTestSupport.oneOfEach;
import static org.finrec.experiment.internal.log.LogTestSupport.record;
import static org.finrec.experiment.internal.log.LogTestSupport.replay;
import static org.finrec.experiment.internal.log.LogTestSupport.segmentFiles;
import static org.finrec.experiment.internal.log.LogTestSupport.settings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.finrec.api.experiment.OutcomeKind;
import org.finrec.experiment.internal.log.LogRecord.OutcomeRecord;
import org.finrec.experiment.internal.log.LogStateMachine.Admission;
import org.finrec.experiment.internal.log.LogTestSupport.RecordingStateMachine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutcomeLogTest {

    @TempDir
    Path folder;

    /** A state machine whose first admit waits until the test opens the gate, so appends pile up behind it. */
    private static final class GatedStateMachine implements LogStateMachine {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch gate = new CountDownLatch(1);
        final RecordingStateMachine inner = new RecordingStateMachine();

        @Override
        public Admission admit(LogRecord record) {
            entered.countDown();
            try {
                if (!gate.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("gate never opened");
                }
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return inner.admit(record);
        }

        @Override
        public void apply(LogRecord record) {
            inner.apply(record);
        }
    }

    /** Counts records and sums their timestamps. */
    private static final class SummingStateMachine implements LogStateMachine {
        long count;
        long sum;

        @Override
        public Admission admit(LogRecord record) {
            return Admission.ACCEPT;
        }

        @Override
        public void apply(LogRecord record) {
            count++;
            sum += record.loggedAtMillis();
        }
    }

    private static Throwable failureOf(CompletableFuture<Boolean> future) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> future.get(30, TimeUnit.SECONDS));
        return e.getCause();
    }

    /**
     * Appends records {@code from..to-1} to a log that is about to fail and returns how each failed: the first
     * through its future, the later ones through their futures or, once the log has failed, by append throwing.
     */
    private static List<Throwable> appendDoomed(OutcomeLog log, int from, int to) {
        List<CompletableFuture<Boolean>> futures = new ArrayList<>();
        List<Throwable> failures = new ArrayList<>();
        for (int i = from; i < to; i++) {
            try {
                futures.add(log.append(record(i)));
            } catch (IllegalStateException e) {
                failures.add(e);
            }
        }
        assertTrue(futures.size() >= 1, "the first append is accepted");
        for (CompletableFuture<Boolean> future : futures) {
            failures.add(failureOf(future));
        }
        assertEquals(to - from, failures.size());
        return failures;
    }

    private static void assertMentions(Throwable failure, String... parts) {
        for (String part : parts) {
            assertTrue(failure.getMessage().contains(part), failure.getMessage());
        }
    }

    @Test
    void everyRecordTypeRoundTripsThroughTheLog() throws Exception {
        RecordingStateMachine state = new RecordingStateMachine();
        try (OutcomeLog log = OutcomeLog.open(folder, settings(SyncPolicy.EVERY_BATCH), state)) {
            List<CompletableFuture<Boolean>> futures = new ArrayList<>();
            for (LogRecord record : oneOfEach()) {
                futures.add(log.append(record));
            }
            for (CompletableFuture<Boolean> future : futures) {
                assertTrue(await(future));
            }
            assertEquals(oneOfEach(), state.admitted);
            assertEquals(oneOfEach(), state.applied());
            assertEquals(oneOfEach().size(), log.statistics().recordsWritten());
        }
        assertEquals(List.of(folder.resolve("outcomes-000001.log")), segmentFiles(folder));
        assertEquals(oneOfEach(), replay(folder));
    }

    @Test
    void reopeningReplaysInLogOrderAndAppendsContinue() throws Exception {
        List<LogRecord> expected = new ArrayList<>();
        try (OutcomeLog log = OutcomeLog.open(folder, settings(SyncPolicy.NONE), new RecordingStateMachine())) {
            for (int i = 0; i < 300; i++) {
                expected.add(record(i));
                log.append(record(i));
            }
        }
        RecordingStateMachine state = new RecordingStateMachine();
        try (OutcomeLog log = OutcomeLog.open(folder, settings(SyncPolicy.EVERY_BATCH), state)) {
            assertEquals(expected, state.applied());
            assertEquals(300, log.statistics().recordsRecovered());
            CompletableFuture<Boolean> last = null;
            for (int i = 300; i < 500; i++) {
                expected.add(record(i));
                last = log.append(record(i));
            }
            assertTrue(await(last));
        }
        assertEquals(expected, replay(folder));
        assertEquals(1, segmentFiles(folder).size());
    }

    @Test
    void rollsSegmentsAndReplaysAcrossThem() throws Exception {
        long segmentBytes = 1_024;
        List<LogRecord> expected = new ArrayList<>();
        int biggestFrame = 0;
        OutcomeLog log = OutcomeLog.open(folder, new LogSettings(SyncPolicy.EVERY_BATCH, 0, segmentBytes, 64),
                new RecordingStateMachine());
        try {
            for (int i = 0; i < 2_000; i++) {
                expected.add(record(i));
                biggestFrame = Math.max(biggestFrame, RecordCodec.frame(record(i)).length);
                log.append(record(i));
            }
        } finally {
            log.close();
        }
        assertEquals(segmentFiles(folder).size(), log.statistics().segments());
        List<Path> files = segmentFiles(folder);
        assertTrue(files.size() > 50, "segments: " + files.size());
        for (int i = 0; i < files.size(); i++) {
            assertEquals(String.format("outcomes-%06d.log", i + 1), files.get(i).getFileName().toString());
            long size = Files.size(files.get(i));
            assertTrue(size < segmentBytes + biggestFrame, files.get(i) + " holds " + size + " bytes");
            if (i < files.size() - 1) {
                assertTrue(size >= segmentBytes, files.get(i) + " was left at " + size + " bytes");
            }
        }
        assertEquals(expected, replay(folder));
    }

    @Test
    void duplicatesAreSkippedAndRejectionsReported() throws Exception {
        Set<String> logged = ConcurrentHashMap.newKeySet();
        LogStateMachine state = new LogStateMachine() {
            @Override
            public Admission admit(LogRecord record) {
                OutcomeRecord outcome = (OutcomeRecord) record;
                if (outcome.productId().equals("forbidden")) {
                    throw new RecordRejectedException("no impression served " + outcome.productId());
                }
                return logged.contains(outcome.requestId()) ? Admission.DUPLICATE : Admission.ACCEPT;
            }

            @Override
            public void apply(LogRecord record) {
                logged.add(((OutcomeRecord) record).requestId());
            }
        };
        OutcomeRecord first = new OutcomeRecord(1, "r1", "p1", OutcomeKind.CLICK, 1);
        OutcomeRecord forbidden = new OutcomeRecord(2, "r2", "forbidden", OutcomeKind.CLICK, 2);
        OutcomeRecord second = new OutcomeRecord(3, "r3", "p1", OutcomeKind.PURCHASE, 3);
        try (OutcomeLog log = OutcomeLog.open(folder, settings(SyncPolicy.EVERY_BATCH), state)) {
            // appended back to back, so a duplicate mostly shares its original's batch
            CompletableFuture<Boolean> f1 = log.append(first);
            CompletableFuture<Boolean> f2 = log.append(first);
            CompletableFuture<Boolean> f3 = log.append(forbidden);
            CompletableFuture<Boolean> f4 = log.append(second);
            CompletableFuture<Boolean> f5 = log.append(first);
            assertTrue(await(f1));
            assertFalse(await(f2));
            Throwable rejected = failureOf(f3);
            assertInstanceOf(RecordRejectedException.class, rejected);
            assertEquals("no impression served forbidden", rejected.getMessage());
            assertTrue(await(f4));
            assertFalse(await(f5));
            assertEquals(2, log.statistics().recordsWritten());
            assertTrue(log.append(new OutcomeRecord(4, "r4", "p1", OutcomeKind.APPLY, 4)).get(30, TimeUnit.SECONDS),
                    "the log keeps working after a rejection");
        }
        assertEquals(List.of(first, second, new OutcomeRecord(4, "r4", "p1", OutcomeKind.APPLY, 4)), replay(folder));
    }

    @Test
    void concurrentAppendersAreGroupCommitted() throws Exception {
        int threads = 8;
        int perThread = 2_000;
        RecordingStateMachine state = new RecordingStateMachine();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try (OutcomeLog log = OutcomeLog.open(folder, settings(SyncPolicy.EVERY_BATCH), state)) {
            List<Future<List<CompletableFuture<Boolean>>>> appenders = new ArrayList<>();
            CountDownLatch start = new CountDownLatch(1);
            for (int t = 0; t < threads; t++) {
                int thread = t;
                appenders.add(pool.submit(() -> {
                    start.await();
                    List<CompletableFuture<Boolean>> futures = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        futures.add(log.append(new OutcomeRecord(i, "t" + thread + "-" + i, "p", OutcomeKind.CLICK,
                                thread)));
                    }
                    return futures;
                }));
            }
            start.countDown();
            for (Future<List<CompletableFuture<Boolean>>> appender : appenders) {
                for (CompletableFuture<Boolean> future : appender.get(60, TimeUnit.SECONDS)) {
                    assertTrue(await(future));
                }
            }
            LogStatistics statistics = log.statistics();
            assertEquals(threads * perThread, statistics.recordsWritten());
            assertTrue(statistics.forces() < statistics.recordsWritten(),
                    "records arriving during a force share the next one: " + statistics);
        } finally {
            pool.shutdownNow();
        }
        List<LogRecord> replayed = replay(folder);
        assertEquals(state.applied(), replayed);
        assertEquals(threads * perThread, new HashSet<>(replayed).size());
        long[] next = new long[threads];
        for (LogRecord record : replayed) {
            OutcomeRecord outcome = (OutcomeRecord) record;
            int thread = (int) outcome.occurredAtMillis();
            assertEquals(next[thread]++, outcome.loggedAtMillis(), "each thread's records stay in its order");
        }
    }

    /**
     * Appends records behind a gate, observes on the writer thread at each acknowledgement whether everything written
     * had been forced, and returns the observations.
     */
    private List<Boolean> forcedAtAcknowledgement(SyncPolicy policy, int records) throws Exception {
        AtomicReference<FaultyChannel> channel = new AtomicReference<>();
        UnaryOperator<FileChannel> hook = real -> {
            channel.set(new FaultyChannel(real));
            return channel.get();
        };
        GatedStateMachine state = new GatedStateMachine();
        List<Boolean> observations = new CopyOnWriteArrayList<>();
        try (OutcomeLog log = OutcomeLog.open(folder, new LogSettings(policy, 100, 1 << 20, 1_024), state, hook)) {
            List<CompletableFuture<Void>> observed = new ArrayList<>();
            for (int i = 0; i < records; i++) {
                CompletableFuture<Boolean> future = log.append(record(i));
                observed.add(future.thenAccept(ok -> observations.add(
                        ok && channel.get().forcedUpTo == channel.get().written)));
                if (i == 0) {
                    assertTrue(state.entered.await(30, TimeUnit.SECONDS));
                }
            }
            state.gate.countDown();
            for (CompletableFuture<Void> done : observed) {
                done.get(30, TimeUnit.SECONDS);
            }
            if (policy == SyncPolicy.NONE) {
                assertEquals(0, log.statistics().forces(), "NONE never forces while running");
            }
        }
        assertEquals(records, observations.size());
        return observations;
    }

    @Test
    void deferredRecordsAreForcedWithTheNextDurableOne() throws Exception {
        AtomicReference<FaultyChannel> channel = new AtomicReference<>();
        UnaryOperator<FileChannel> hook = real -> {
            channel.set(new FaultyChannel(real));
            return channel.get();
        };
        List<LogRecord> expected = new ArrayList<>();
        try (OutcomeLog log = OutcomeLog.open(folder, settings(SyncPolicy.EVERY_BATCH), new RecordingStateMachine(),
                hook)) {
            for (int i = 0; i < 50; i++) {
                expected.add(record(i));
                assertTrue(await(log.appendDeferred(record(i))));
            }
            assertEquals(0, log.statistics().forces(), "deferred records alone are never forced");
            assertTrue(channel.get().forcedUpTo < channel.get().written);

            expected.add(record(50));
            assertTrue(await(log.append(record(50))));
            assertEquals(1, log.statistics().forces());
            assertEquals(channel.get().written, channel.get().forcedUpTo,
                    "the durable record's force covers the deferred ones before it");
        }
        assertEquals(expected, replay(folder));
    }

    @Test
    void everyBatchAcknowledgesOnlyForcedRecords() throws Exception {
        assertEquals(List.of(true), List.copyOf(new HashSet<>(forcedAtAcknowledgement(SyncPolicy.EVERY_BATCH, 200))));
    }

    @Test
    void intervalAcknowledgesOnlyForcedRecords() throws Exception {
        assertEquals(List.of(true), List.copyOf(new HashSet<>(forcedAtAcknowledgement(SyncPolicy.INTERVAL, 200))));
    }

    @Test
    void noneAcknowledgesWithoutForcing() throws Exception {
        assertTrue(forcedAtAcknowledgement(SyncPolicy.NONE, 200).contains(false));
    }

    @Test
    void intervalForcesAtMostOncePerInterval() throws Exception {
        long intervalMillis = 200;
        RecordingStateMachine state = new RecordingStateMachine();
        try (OutcomeLog log = OutcomeLog.open(folder, new LogSettings(SyncPolicy.INTERVAL, intervalMillis, 1 << 20,
                1_024), state)) {
            long started = System.nanoTime();
            List<CompletableFuture<Boolean>> futures = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                futures.add(log.append(record(i)));
                Thread.sleep(10);
            }
            CompletableFuture<Boolean> lone = log.append(record(60));
            assertTrue(lone.get(intervalMillis * 10, TimeUnit.MILLISECONDS), "a lone record is forced in time");
            long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            for (CompletableFuture<Boolean> future : futures) {
                assertTrue(future.isDone() && future.get());
            }
            long forces = log.statistics().forces();
            assertTrue(forces >= 2 && forces <= elapsedMillis / intervalMillis + 1,
                    forces + " forces in " + elapsedMillis + " ms");
        }
    }

    @Test
    void closeDrainsPendingAppends() throws Exception {
        GatedStateMachine state = new GatedStateMachine();
        OutcomeLog log = OutcomeLog.open(folder, new LogSettings(SyncPolicy.EVERY_BATCH, 0, 1 << 20, 10_000), state);
        List<CompletableFuture<Boolean>> futures = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            futures.add(log.append(record(i)));
        }
        assertTrue(state.entered.await(30, TimeUnit.SECONDS));
        Thread closer = new Thread(log::close);
        closer.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) { // appends succeed until close has begun, and are then refused
            try {
                futures.add(log.append(record(futures.size())));
            } catch (IllegalStateException e) {
                assertTrue(e.getMessage().contains("closed"), e.getMessage());
                break;
            }
            assertTrue(System.nanoTime() < deadline, "close never began");
            Thread.sleep(1);
        }
        assertTrue(futures.stream().noneMatch(CompletableFuture::isDone), "everything waits behind the gate");
        state.gate.countDown();
        closer.join(30_000);
        assertFalse(closer.isAlive());
        for (CompletableFuture<Boolean> future : futures) {
            assertTrue(future.isDone() && future.get(), "close completes what was appended before it");
        }
        assertEquals(futures.size(), replay(folder).size());
    }

    @Test
    void closeIsIdempotentAndRefusesLaterAppends() throws Exception {
        OutcomeLog log = OutcomeLog.open(folder, settings(SyncPolicy.EVERY_BATCH), new RecordingStateMachine());
        assertTrue(await(log.append(record(0))));
        log.close();
        log.close();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> log.append(record(1)));
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
        assertEquals(List.of(record(0)), replay(folder));
    }

    @Test
    void appendBlocksWhileTheQueueIsFull() throws Exception {
        GatedStateMachine state = new GatedStateMachine();
        try (OutcomeLog log = OutcomeLog.open(folder, new LogSettings(SyncPolicy.NONE, 0, 1 << 20, 2), state)) {
            CompletableFuture<Boolean> first = log.append(record(0));
            assertTrue(state.entered.await(30, TimeUnit.SECONDS)); // the writer holds record 0
            CompletableFuture<Boolean> second = log.append(record(1));
            CompletableFuture<Boolean> third = log.append(record(2)); // the queue is full now
            CompletableFuture<CompletableFuture<Boolean>> fourth = CompletableFuture.supplyAsync(
                    () -> log.append(record(3)));
            Thread.sleep(300);
            assertFalse(fourth.isDone(), "append waits for room in the queue");
            state.gate.countDown();
            for (CompletableFuture<Boolean> future : List.of(first, second, third,
                    fourth.get(30, TimeUnit.SECONDS))) {
                assertTrue(await(future));
            }
        }
        assertEquals(List.of(record(0), record(1), record(2), record(3)), replay(folder));
    }

    @Test
    void appendFromTheWriterThreadIsRefused() throws Exception {
        GatedStateMachine state = new GatedStateMachine();
        try (OutcomeLog log = OutcomeLog.open(folder, settings(SyncPolicy.EVERY_BATCH), state)) {
            CompletableFuture<Boolean> first = log.append(record(0));
            assertTrue(state.entered.await(30, TimeUnit.SECONDS)); // so the dependent below runs on the writer
            CompletableFuture<String> refusal = first.handle((ok, failure) -> {
                try {
                    log.append(record(1));
                    return "appended on " + Thread.currentThread().getName();
                } catch (IllegalStateException e) {
                    return e.getMessage();
                }
            });
            state.gate.countDown();
            String outcome = refusal.get(30, TimeUnit.SECONDS);
            assertTrue(outcome.contains("writer thread"), outcome);
            assertTrue(await(log.append(record(2))), "the writer survives");
        }
        assertEquals(List.of(record(0), record(2)), replay(folder));
    }

    @Test
    void aStateMachineThatThrowsFailsTheLogVisibly() throws Exception {
        RecordingStateMachine state = new RecordingStateMachine() {
            @Override
            public void apply(LogRecord record) {
                if (record.loggedAtMillis() == 100) {
                    throw new IllegalStateException("aggregate overflow");
                }
                super.apply(record);
            }
        };
        List<LogRecord> acknowledged = new ArrayList<>();
        OutcomeLog log = OutcomeLog.open(folder, settings(SyncPolicy.EVERY_BATCH), state);
        try {
            for (int i = 0; i < 100; i++) {
                acknowledged.add(record(i));
                assertTrue(await(log.append(record(i))));
            }
            for (Throwable failure : appendDoomed(log, 100, 120)) {
                assertTrue(failure instanceof IOException || failure instanceof IllegalStateException, failure::toString);
                assertMentions(failure, folder.resolve("outcomes-000001.log").toString(), "aggregate overflow");
            }
            assertMentions(assertThrows(IllegalStateException.class, () -> log.append(record(200))),
                    "outcomes-000001.log", "aggregate overflow");
            assertInstanceOf(IllegalStateException.class, log.failure().orElseThrow().getCause());
        } finally {
            log.close();
        }
        assertEquals(acknowledged, replay(folder));
    }

    private static FaultyChannel faultyChannel(AtomicReference<FaultyChannel> holder, FileChannel real) {
        holder.set(new FaultyChannel(real));
        return holder.get();
    }

    @Test
    void aFailedWriteFailsPendingAndLaterAppendsAndIsRecovered() throws Exception {
        AtomicReference<FaultyChannel> channel = new AtomicReference<>();
        List<LogRecord> acknowledged = new ArrayList<>();
        OutcomeLog log = OutcomeLog.open(folder, settings(SyncPolicy.EVERY_BATCH), new RecordingStateMachine(),
                real -> faultyChannel(channel, real));
        try {
            for (int i = 0; i < 100; i++) {
                acknowledged.add(record(i));
                assertTrue(await(log.append(record(i))));
            }
            channel.get().writeBudget = channel.get().written + 30; // the disk fills up inside the next record
            for (Throwable failure : appendDoomed(log, 100, 110)) {
                assertMentions(failure, folder.resolve("outcomes-000001.log").toString(), "No space left on device");
            }
            assertMentions(assertThrows(IllegalStateException.class, () -> log.append(record(200))),
                    "outcomes-000001.log", "No space left on device");
        } finally {
            log.close();
        }
        assertTrue(Files.size(folder.resolve("outcomes-000001.log")) > channel.get().forcedUpTo,
                "a partial record reached the file");
        assertEquals(acknowledged, replay(folder));
        try (OutcomeLog reopened = OutcomeLog.open(folder, settings(SyncPolicy.EVERY_BATCH),
                new RecordingStateMachine())) {
            assertTrue(await(reopened.append(record(300))));
        }
        acknowledged.add(record(300));
        assertEquals(acknowledged, replay(folder));
    }

    @Test
    void aFailedForceAcknowledgesNothing() throws Exception {
        AtomicReference<FaultyChannel> channel = new AtomicReference<>();
        try (OutcomeLog log = OutcomeLog.open(folder, settings(SyncPolicy.EVERY_BATCH), new RecordingStateMachine(),
                real -> faultyChannel(channel, real))) {
            assertTrue(await(log.append(record(0))));
            channel.get().failForce = true;
            for (Throwable failure : appendDoomed(log, 1, 20)) {
                assertMentions(failure, "outcomes-000001.log", "simulated force failure");
            }
            assertTrue(channel.get().written > channel.get().forcedUpTo, "the records were written, not forced");
        }
    }

    @Test
    void aFolderOpensOnlyOnce() throws Exception {
        try (OutcomeLog log = OutcomeLog.open(folder, settings(SyncPolicy.NONE), new RecordingStateMachine())) {
            IOException e = assertThrows(IOException.class,
                    () -> OutcomeLog.open(folder, settings(SyncPolicy.NONE), new RecordingStateMachine()));
            assertTrue(e.getMessage().contains("already open"), e.getMessage());
            assertTrue(await(log.append(record(0))));
        }
        assertEquals(List.of(record(0)), replay(folder));
    }

    @Test
    void replaysAMillionRecordsInSeconds() throws Exception {
        int records = 1_000_000;
        long started = System.nanoTime();
        try (OutcomeLog log = OutcomeLog.open(folder, new LogSettings(SyncPolicy.NONE, 0, 16L << 20, 65_536),
                new SummingStateMachine())) {
            for (int i = 0; i < records; i++) {
                log.append(new OutcomeRecord(i, "request-" + i, "product-" + (i % 40), OutcomeKind.CLICK, i));
            }
        }
        long writeMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        SummingStateMachine replayed = new SummingStateMachine();
        started = System.nanoTime();
        try (OutcomeLog log = OutcomeLog.open(folder, settings(SyncPolicy.NONE), replayed)) {
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            System.out.printf("wrote %,d records in %,d ms; replayed them from %d segments in %,d ms%n",
                    records, writeMillis, log.statistics().segments(), millis);
            assertEquals(records, replayed.count);
            assertEquals((long) records * (records - 1) / 2, replayed.sum);
            assertTrue(millis < 15_000, "replay took " + millis + " ms");
        }
    }
}
