package org.finrec.eval.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;
import org.finrec.api.ProductCatalog;
import org.finrec.api.concurrent.NamedThreads;
import org.finrec.api.recommend.RecommendationRequest;
import org.finrec.api.spi.Recommender;
import org.finrec.api.spi.RequestScorer;

/**
 * What the evaluations share when they call a recommender: a checked call, and a loop over cases on worker
 * threads. Stateless; safe to call from any thread.
 */
public final class Scoring {

    private static final AtomicInteger POOLS = new AtomicInteger();

    private Scoring() {
    }

    /**
     * Scores candidates with a new scorer of the recommender, checks that it answered one score per candidate and
     * that its model is the one the evaluation started with.
     *
     * @param recommender the recommender
     * @param request the request
     * @param catalog the catalogue the candidates index
     * @param candidates catalogue indices
     * @param modelVersion the version of the evaluation's model: set by the first call, checked by the others
     * @return the scores
     * @throws IllegalStateException if the recommender returned null or a wrong number of scores, or its model was
     *     swapped during the evaluation
     */
    public static double[] score(Recommender recommender, RecommendationRequest request, ProductCatalog catalog,
            int[] candidates, AtomicReference<String> modelVersion) {
        RequestScorer scorer = recommender.scorer(request, catalog);
        String version = scorer.modelVersion();
        if (!modelVersion.compareAndSet(null, version) && !modelVersion.get().equals(version)) {
            throw new IllegalStateException("recommender " + recommender.name() + " swapped its model from "
                    + modelVersion.get() + " to " + version + " during the evaluation; evaluate one model at a time");
        }
        double[] scores = scorer.score(candidates);
        if (scores == null || scores.length != candidates.length) {
            throw new IllegalStateException("recommender " + recommender.name() + " returned "
                    + (scores == null ? "null" : scores.length + " scores") + " for " + candidates.length
                    + " candidates of customer " + request.customer().id());
        }
        return scores;
    }

    /**
     * Runs a task for each case {@code 0 .. count-1}, once each, on a new pool of {@code min(threads, count)}
     * daemon threads that claim cases one at a time from a shared cursor, and shuts the pool down before
     * returning. The first exception a task throws stops the loop (cases not yet claimed are skipped) and is
     * rethrown as it is when it is unchecked; everything the tasks wrote is visible to the caller afterwards.
     *
     * @param count how many cases, 0 or more
     * @param threads worker threads, 1 or more
     * @param step what the loop does, for messages
     * @param task the work for one case; called from the worker threads, concurrently
     * @throws CancellationException if the calling thread is interrupted while it waits (it stays interrupted)
     */
    public static void forEachCase(int count, int threads, String step, IntConsumer task) {
        if (count == 0) {
            return;
        }
        AtomicInteger next = new AtomicInteger();
        Runnable work = () -> {
            int c;
            while ((c = next.getAndIncrement()) < count) {
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
                try {
                    task.accept(c);
                } catch (RuntimeException | Error failure) {
                    next.set(count);
                    throw failure;
                }
            }
        };
        int workers = Math.min(threads, count);
        ExecutorService pool = Executors.newFixedThreadPool(workers, workerThreads());
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                futures.add(pool.submit(work));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new CancellationException("evaluation interrupted: " + step);
        } catch (ExecutionException failed) {
            Throwable cause = failed.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(step + " failed", cause);
        } finally {
            next.set(count);
            pool.shutdownNow();
        }
    }

    private static ThreadFactory workerThreads() {
        return NamedThreads.numbered("finrec-eval-" + POOLS.incrementAndGet());
    }
}
