package org.finrec.recommender.cf.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.finrec.api.concurrent.NamedThreads;

/**
 * The worker threads of one factor-model training: runs a task for every block index {@code 0 .. blocks-1}, the
 * blocks shared out dynamically. Tasks must write disjoint results, so that what is computed never depends on
 * the number of threads or on which thread ran which block. Close it when training ends.
 */
final class FactorThreads implements AutoCloseable {

    private final int threads;
    private final ExecutorService pool;

    FactorThreads(int threads, String name) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        this.threads = threads;
        if (threads == 1) {
            this.pool = null;
        } else {
            this.pool = Executors.newFixedThreadPool(threads - 1, NamedThreads.numbered(name));
        }
    }

    int threads() {
        return threads;
    }

    /**
     * Runs {@code task} for every block, in this thread and the pool's, and returns when all are done.
     *
     * @throws RuntimeException the first failure of a task (wrapped if checked)
     */
    void forEach(int blocks, IntConsumer task) {
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            for (int block = next.getAndIncrement(); block < blocks; block = next.getAndIncrement()) {
                task.accept(block);
            }
        };
        if (pool == null || blocks <= 1) {
            worker.run();
            return;
        }
        List<Future<?>> futures = new ArrayList<>(threads - 1);
        for (int t = 0; t < Math.min(threads - 1, blocks - 1); t++) {
            futures.add(pool.submit(worker));
        }
        RuntimeException failure = null;
        try {
            worker.run();
        } catch (RuntimeException e) {
            next.set(blocks);
            failure = e;
        }
        for (Future<?> future : futures) {
            try {
                future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                next.set(blocks);
                failure = failure != null ? failure : new IllegalStateException("training interrupted", e);
            } catch (ExecutionException e) {
                next.set(blocks);
                if (failure == null) {
                    failure = e.getCause() instanceof RuntimeException runtime ? runtime
                            : new IllegalStateException(e.getCause());
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
