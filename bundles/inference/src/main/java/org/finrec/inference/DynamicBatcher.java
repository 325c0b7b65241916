package org.finrec.inference;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.finrec.api.concurrent.NamedThreads;

/**
 * Groups single inputs submitted by many threads into batches for one batch function, the way GPU model servers
 * (Triton, TorchServe) batch requests dynamically.
 *
 * <p>Inputs wait in a bounded queue. One daemon worker thread, named {@code finrec-batcher-<name>}, takes the first
 * waiting input and then keeps collecting until it holds {@code maxBatchSize} inputs or {@code maxWait} has passed
 * since it took that first input, whichever comes first; it then calls the batch function once for the whole batch
 * and completes each input's future with its output. With a {@code maxWait} of zero it never waits: a batch is the
 * first input plus whatever is already queued behind it. While the worker runs a batch, new inputs queue up and form
 * the next batch.
 *
 * <p>The batch function receives an unmodifiable list of the inputs in submission order and must return exactly one
 * output per input, in the same order. If it throws, every future of that batch completes exceptionally with that
 * throwable; if it returns {@code null} or the wrong number of outputs, every future of that batch fails with an
 * {@link IllegalStateException} naming the batcher and both counts. Either way the worker goes on with later
 * batches. Futures are completed on the worker thread, so dependent stages attached with the non-async
 * {@code CompletableFuture} methods run there too and should be quick.
 *
 * <p>When the queue is full, {@link #submit} blocks until the worker takes inputs out (back pressure).
 * {@link #close()} stops accepting inputs, lets the worker run everything already queued, and waits a bounded time
 * for it to stop. Interrupting the worker thread has the same effect as closing. All methods are thread-safe.
 *
 * @param <I> the input type
 * @param <O> the output type
 */
public final class DynamicBatcher<I, O> implements AutoCloseable {

    /** How long {@link #close()} waits for the worker to run the queued inputs and stop. */
    public static final Duration DEFAULT_CLOSE_TIMEOUT = Duration.ofSeconds(10);

    private final String name;
    private final int maxBatchSize;
    private final long maxWaitNanos;
    private final int queueCapacity;
    private final Function<List<I>, List<O>> batchFunction;
    private final Thread worker;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final Condition notFull = lock.newCondition();
    /** Guarded by {@link #lock}. */
    private final ArrayDeque<Pending<I, O>> queue;
    /** Written under {@link #lock}; volatile so that {@link #isClosed()} needs no lock. */
    private volatile boolean closed;

    private final Object statsLock = new Object();
    /** Guarded by {@link #statsLock}, as are the counters below. */
    private final TreeMap<Integer, Long> batchSizeCounts = new TreeMap<>();
    private long batches;
    private long inputs;
    private long failedBatches;
    private int largestBatch;

    /**
     * Creates the batcher and starts its worker thread.
     *
     * @param name names the batcher in its thread name ({@code finrec-batcher-<name>}) and in error messages
     * @param maxBatchSize the most inputs passed to one call of the batch function; at least 1
     * @param maxWait how long the worker waits, from taking a batch's first input, for more inputs before it runs a
     *     batch that is not full; zero or positive
     * @param queueCapacity how many inputs may wait for the worker before {@link #submit} blocks; at least 1
     * @param batchFunction maps a batch of inputs to exactly one output per input, in order
     * @throws IllegalArgumentException if a number is out of range or the name is blank
     * @throws NullPointerException if an argument is {@code null}
     */
    public DynamicBatcher(String name, int maxBatchSize, Duration maxWait, int queueCapacity,
            Function<List<I>, List<O>> batchFunction) {
        this.name = Objects.requireNonNull(name, "name");
        Objects.requireNonNull(maxWait, "maxWait");
        this.batchFunction = Objects.requireNonNull(batchFunction, "batchFunction");
        if (name.isBlank()) {
            throw new IllegalArgumentException("Batcher name must not be blank");
        }
        if (maxBatchSize < 1) {
            throw new IllegalArgumentException(
                    "Batcher '" + name + "': maxBatchSize must be at least 1, was " + maxBatchSize);
        }
        if (maxWait.isNegative()) {
            throw new IllegalArgumentException("Batcher '" + name + "': maxWait must not be negative, was " + maxWait);
        }
        if (queueCapacity < 1) {
            throw new IllegalArgumentException(
                    "Batcher '" + name + "': queueCapacity must be at least 1, was " + queueCapacity);
        }
        this.maxBatchSize = maxBatchSize;
        this.maxWaitNanos = saturatedNanos(maxWait);
        this.queueCapacity = queueCapacity;
        this.queue = new ArrayDeque<>(Math.min(queueCapacity, 1024));
        this.worker = NamedThreads.daemon(this::runWorker, "finrec-batcher-" + name);
        this.worker.start();
    }

    /**
     * Queues an input for the next batch. Blocks while the queue is full.
     *
     * @param input the input, handed to the batch function as is ({@code null} only if the function accepts it)
     * @return a future completed with the input's output, or exceptionally with what made its batch fail; it fails
     *     with an {@link IllegalStateException} if the batcher is closed (also when it closes while this call is
     *     blocked on a full queue), and with an {@link InterruptedException} if the calling thread is interrupted
     *     while blocked, in which case the thread's interrupt flag stays set and the input is not queued.
     *     Cancelling the future does not take its input out of a batch.
     */
    public CompletableFuture<O> submit(I input) {
        CompletableFuture<O> future = new CompletableFuture<>();
        Throwable rejection = null;
        lock.lock();
        try {
            while (!closed && queue.size() >= queueCapacity) {
                notFull.await();
            }
            if (closed) {
                rejection = closedException();
            } else {
                queue.addLast(new Pending<>(input, future));
                notEmpty.signal();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            rejection = e;
        } finally {
            lock.unlock();
        }
        if (rejection != null) {
            // Completed outside the lock: dependent stages run synchronously here.
            future.completeExceptionally(rejection);
        }
        return future;
    }

    /**
     * Submits an input and waits for its output.
     *
     * @param input the input
     * @return the input's output
     * @throws RuntimeException the batch's failure as is, if it is unchecked (including the
     *     {@link IllegalStateException} of a closed batcher or a wrong output count, and a
     *     {@link CancellationException} if the future was cancelled)
     * @throws Error the batch's failure as is, if it is an error
     * @throws IllegalStateException wrapping the batch's failure if it is a checked exception, or wrapping the
     *     {@link InterruptedException} if the calling thread is interrupted while it waits (the interrupt flag stays
     *     set; the input may still run)
     */
    public O call(I input) {
        CompletableFuture<O> future = submit(input);
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for batcher '" + name + "'", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw new IllegalStateException("Batcher '" + name + "' failed: " + cause, cause);
        }
    }

    /** Returns a snapshot of this batcher's statistics; batches that failed count too. */
    public Stats stats() {
        synchronized (statsLock) {
            return new Stats(batches, inputs, failedBatches, largestBatch, batchSizeCounts);
        }
    }

    /** Returns the name given at construction. */
    String name() {
        return name;
    }

    /** Returns whether {@link #close()} was called (or the worker was interrupted). */
    boolean isClosed() {
        return closed;
    }

    /**
     * Stops accepting inputs, lets the worker run everything already queued, and waits up to
     * {@link #DEFAULT_CLOSE_TIMEOUT} for the worker thread to end. Idempotent.
     */
    @Override
    public void close() {
        close(DEFAULT_CLOSE_TIMEOUT);
    }

    /**
     * Stops accepting inputs, lets the worker run everything already queued, and waits up to {@code timeout} for the
     * worker thread to end. Idempotent. Called from within the batch function it does not wait. If the calling
     * thread is interrupted while waiting, it stops waiting and keeps its interrupt flag.
     *
     * @param timeout the longest time to wait for the worker
     * @return whether the worker thread has ended
     */
    boolean close(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        lock.lock();
        try {
            closeLocked();
        } finally {
            lock.unlock();
        }
        if (Thread.currentThread() == worker) {
            return false;
        }
        try {
            long millis = timeout.compareTo(Duration.ofMillis(Long.MAX_VALUE)) >= 0 ? Long.MAX_VALUE
                    : timeout.toMillis();
            worker.join(Math.max(1L, millis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !worker.isAlive();
    }

    @Override
    public String toString() {
        return "DynamicBatcher[" + name + ", maxBatchSize=" + maxBatchSize + ", maxWait="
                + Duration.ofNanos(maxWaitNanos) + ", queueCapacity=" + queueCapacity + ", closed=" + closed + "]";
    }

    // ---- worker ----

    private void runWorker() {
        List<Pending<I, O>> batch = new ArrayList<>(Math.min(maxBatchSize, 1024));
        try {
            while (collect(batch)) {
                runBatch(batch);
                batch.clear();
            }
        } finally {
            // Only reached with work left if the worker itself failed; never leave a caller waiting forever.
            failLeftovers(batch);
        }
    }

    /**
     * Fills {@code batch} with the next batch; returns {@code false} once the batcher is closed and drained.
     */
    private boolean collect(List<Pending<I, O>> batch) {
        lock.lock();
        try {
            while (queue.isEmpty()) {
                if (closed) {
                    return false;
                }
                awaitInput(-1L);
            }
            batch.add(takeLocked());
            long firstTaken = System.nanoTime();
            while (batch.size() < maxBatchSize) {
                if (!queue.isEmpty()) {
                    batch.add(takeLocked());
                    continue;
                }
                if (closed) {
                    break; // drain without waiting for inputs that can no longer come
                }
                long remaining = maxWaitNanos - (System.nanoTime() - firstTaken);
                if (remaining <= 0L) {
                    break;
                }
                awaitInput(remaining);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Removes the head of the queue and lets one blocked submitter in. Caller holds the lock. */
    private Pending<I, O> takeLocked() {
        Pending<I, O> pending = queue.pollFirst();
        notFull.signal();
        return pending;
    }

    /** Waits for an input ({@code nanos < 0}: indefinitely). Caller holds the lock. Interruption closes. */
    private void awaitInput(long nanos) {
        try {
            if (nanos < 0L) {
                notEmpty.await();
            } else {
                notEmpty.awaitNanos(nanos);
            }
        } catch (InterruptedException e) {
            closeLocked();
        }
    }

    /** Caller holds the lock. */
    private void closeLocked() {
        closed = true;
        notEmpty.signalAll();
        notFull.signalAll();
    }

    private void runBatch(List<Pending<I, O>> batch) {
        int size = batch.size();
        List<I> batchInputs = new ArrayList<>(size);
        for (Pending<I, O> pending : batch) {
            batchInputs.add(pending.input);
        }
        List<O> outputs = null;
        Throwable failure = null;
        try {
            List<O> result = batchFunction.apply(Collections.unmodifiableList(batchInputs));
            if (result == null) {
                failure = new IllegalStateException("Batcher '" + name + "': batch function returned null for a batch"
                        + " of " + size + " inputs (expected " + size + " outputs)");
            } else {
                outputs = new ArrayList<>(result);
                if (outputs.size() != size) {
                    failure = new IllegalStateException("Batcher '" + name + "': batch function returned "
                            + outputs.size() + " outputs for a batch of " + size + " inputs (expected " + size + ")");
                }
            }
        } catch (Throwable t) {
            failure = t;
        }
        record(size, failure == null);
        for (int i = 0; i < size; i++) {
            CompletableFuture<O> future = batch.get(i).future;
            if (failure == null) {
                future.complete(outputs.get(i));
            } else {
                future.completeExceptionally(failure);
            }
        }
    }

    private void record(int size, boolean succeeded) {
        synchronized (statsLock) {
            batches++;
            inputs += size;
            if (!succeeded) {
                failedBatches++;
            }
            largestBatch = Math.max(largestBatch, size);
            batchSizeCounts.merge(size, 1L, Long::sum);
        }
    }

    private void failLeftovers(List<Pending<I, O>> batch) {
        List<Pending<I, O>> leftovers = new ArrayList<>(batch);
        lock.lock();
        try {
            closeLocked();
            leftovers.addAll(queue);
            queue.clear();
        } finally {
            lock.unlock();
        }
        for (Pending<I, O> pending : leftovers) {
            pending.future.completeExceptionally(
                    new IllegalStateException("Batcher '" + name + "': worker stopped before running this input"));
        }
    }

    private IllegalStateException closedException() {
        return new IllegalStateException("Batcher '" + name + "' is closed");
    }

    private static long saturatedNanos(Duration duration) {
        return duration.compareTo(Duration.ofNanos(Long.MAX_VALUE)) >= 0 ? Long.MAX_VALUE : duration.toNanos();
    }

    /** An input waiting for its batch, with the future for its output. */
    private static final class Pending<I, O> {
        final I input;
        final CompletableFuture<O> future;

        Pending(I input, CompletableFuture<O> future) {
            this.input = input;
            this.future = future;
        }
    }

    /**
     * A snapshot of a batcher's statistics.
     *
     * @param batches how many times the batch function was called (including failed batches)
     * @param inputs how many inputs those batches held
     * @param failedBatches how many batches failed (the function threw or returned the wrong number of outputs)
     * @param largestBatch the largest batch so far; 0 before the first
     * @param batchSizeCounts histogram: for each batch size seen, how many batches had it (unmodifiable, sorted)
     */
    public record Stats(long batches, long inputs, long failedBatches, int largestBatch,
            SortedMap<Integer, Long> batchSizeCounts) {

        /**
         * Copies the histogram.
         *
         * @param batches the batches component
         * @param inputs the inputs component
         * @param failedBatches the failedBatches component
         * @param largestBatch the largestBatch component
         * @param batchSizeCounts the batchSizeCounts component
         */
        public Stats {
            batchSizeCounts = Collections.unmodifiableSortedMap(new TreeMap<>(batchSizeCounts));
        }

        /**
         * Returns the mean batch size.
         *
         * @return inputs per batch, or 0 before the first batch
         */
        public double meanBatchSize() {
            return batches == 0L ? 0.0 : (double) inputs / batches;
        }
    }
}
