package org.finrec.api.model;

import java.util.Objects;
import java.util.Optional;
import org.finrec.api.concurrent.NamedThreads;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.finrec.api.config.ConfigurationReader;
import org.finrec.api.config.InvalidConfigurationException;

/**
 * Applies one recommender component's configuration changes off the thread that delivers them. Declarative
 * Services calls a component's modified method on Configuration Admin's one delivery thread, and a change that
 * retrains a model can take minutes: applied there, it would hold back every other configuration change of the
 * runtime. A {@code Reconfiguration} runs the changes on its own daemon thread instead, one at a time, in order;
 * a change that has not started when a newer one arrives is skipped (only the latest configuration matters), and
 * the model serving keeps serving until a change swaps in its successor.
 *
 * <p>Thread-safe. The thread ends when idle and is started again by the next change.
 */
public final class Reconfiguration implements AutoCloseable {

    private static final long IDLE_SECONDS = 30;

    private final ThreadPoolExecutor thread;
    private final AtomicLong latest = new AtomicLong();
    private final AtomicInteger unfinished = new AtomicInteger();

    /**
     * @param recommender the recommender's name, for the thread's name
     */
    public Reconfiguration(String recommender) {
        String name = "finrec-reconfigure-" + Objects.requireNonNull(recommender, "recommender");
        this.thread = new ThreadPoolExecutor(0, 1, IDLE_SECONDS, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                NamedThreads.named(name));
    }

    /** A configuration change: trains or loads and swaps, or throws why it cannot. */
    @FunctionalInterface
    public interface Change {
        /**
         * Applies the change.
         *
         * @throws ModelFileException if the model file it names cannot be loaded
         */
        void apply() throws ModelFileException;
    }

    /**
     * Queues a configuration change; returns at once.
     *
     * @param change applies the change; it is skipped if a newer change is submitted before it starts
     * @param refused told why a change failed (the previous model keeps serving), for the component to log with
     *     its PID
     */
    public void submit(Change change, Consumer<Exception> refused) {
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(refused, "refused");
        long generation = latest.incrementAndGet();
        unfinished.incrementAndGet();
        try {
            thread.execute(() -> {
                try {
                    if (generation == latest.get()) {
                        change.apply();
                    }
                } catch (ModelFileException | RuntimeException failure) {
                    refused.accept(failure);
                } finally {
                    unfinished.decrementAndGet();
                }
            });
        } catch (RejectedExecutionException closed) {
            unfinished.decrementAndGet(); // the component went away meanwhile
        }
    }

    /** Applies a configuration change with its checked settings: trains or loads and swaps, or throws why not. */
    @FunctionalInterface
    public interface CheckedChange<S> {
        /**
         * Applies the change.
         *
         * @param settings the change's settings, as its check read them
         * @throws ModelFileException if the model file it names cannot be loaded
         */
        void apply(S settings) throws ModelFileException;
    }

    /**
     * Checks a configuration change at once, on the thread that delivers it, and queues it only if its settings
     * pass: a setting out of range never reaches the reconfiguration thread, and the previous configuration keeps
     * serving.
     *
     * @param <S> the type of the settings
     * @param check reads and checks the change's settings, throwing {@link InvalidConfigurationException} for one
     *     out of range
     * @param change applies the change with those settings; skipped if a newer change is submitted before it starts
     * @param refusedAtOnce told why the check refused the change, for the component to log
     * @param refused told why a change that passed its check failed (the previous model keeps serving)
     * @return whether the change passed its check and was queued
     */
    public <S> boolean submit(Supplier<S> check, CheckedChange<S> change,
            Consumer<InvalidConfigurationException> refusedAtOnce, Consumer<Exception> refused) {
        Objects.requireNonNull(change, "change");
        Optional<S> settings = ConfigurationReader.readChange(check, refusedAtOnce);
        settings.ifPresent(checked -> submit(() -> change.apply(checked), refused));
        return settings.isPresent();
    }

    /**
     * Waits until every change submitted so far has been applied or skipped (tests and orderly shutdown).
     *
     * @param timeoutMillis the longest wait
     * @return whether they were
     * @throws InterruptedException if interrupted while waiting
     */
    public boolean awaitIdle(long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (unfinished.get() > 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(5);
        }
        return true;
    }

    /** Skips the changes not started and interrupts the one running: the component is going away. */
    @Override
    public void close() {
        latest.incrementAndGet();
        unfinished.addAndGet(-thread.shutdownNow().size());
    }
}
