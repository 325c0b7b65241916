package org.finrec.recommender.cf.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.finrec.api.concurrent.NamedThreads;
import org.finrec.api.data.Dataset;
import org.finrec.api.data.ProgressListener;
import org.finrec.api.data.Trainer;

/**
 * Trains an {@link ItemKnnModel}: for every product its {@code k} most similar products with positive similarity
 * ({@link NeighbourhoodSimilarity}; cosine, adjusted cosine, Pearson or Euclidean over the customer columns).
 *
 * <p>For product {@code i} the co-occurrence counts {@code c_ij} with every other product come from one pass over
 * the rows of {@code i}'s holders (int counters, touched list), so all products cost {@code sum_u r_u^2}
 * increments; cosine and Pearson are positive only where {@code c_ij > 0} and look at the touched products only,
 * Euclidean and adjusted cosine are positive without co-occurrence too and look at every product. Products are
 * shared out to {@code settings.threads()} threads in small blocks; each product's neighbours depend on nothing
 * but the data, so the model is the same whatever the number of threads.
 */
final class ItemKnnTrainer implements Trainer<CfModel> {

    private static final int BLOCK = 32;

    private final CfSettings settings;
    private final ItemKnnModel.Rule rule;

    ItemKnnTrainer(CfSettings settings) {
        this(settings, ItemKnnModel.Rule.DEFAULT);
    }

    ItemKnnTrainer(CfSettings settings, ItemKnnModel.Rule rule) {
        this.settings = settings;
        this.rule = rule;
    }

    @Override
    public ItemKnnModel train(Dataset dataset, ProgressListener progress) {
        progress.progress("building the feedback matrix", 0, -1);
        FeedbackMatrix matrix = FeedbackMatrix.from(dataset, settings.positiveKinds());
        int items = matrix.items();
        if (items == 0) {
            throw new IllegalArgumentException("dataset " + dataset.name() + " has no products to recommend");
        }
        Pass pass = new Pass(matrix, settings.similarity());
        int[][] ids = new int[items][];
        float[][] sims = new float[items][];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        Runnable worker = () -> {
            Scratch scratch = new Scratch(items, Math.min(settings.neighbours(), items)); // k may exceed items
            for (int from = next.getAndAdd(BLOCK); from < items; from = next.getAndAdd(BLOCK)) {
                int to = Math.min(items, from + BLOCK);
                for (int i = from; i < to; i++) {
                    pass.neighbours(i, scratch, ids, sims);
                }
                progress.progress("item neighbourhoods", done.addAndGet(to - from), items);
            }
        };
        run(worker, Math.min(settings.threads(), (items + BLOCK - 1) / BLOCK));
        return new ItemKnnModel(null, matrix, settings.similarity(), settings.neighbours(), rule, ids, sims);
    }

    /** Runs {@code worker} on {@code threads} threads (the calling one when 1) and waits for all. */
    private static void run(Runnable worker, int threads) {
        if (threads <= 1) {
            worker.run();
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, NamedThreads.numbered("finrec-itemknn"));
        try {
            List<Future<?>> futures = new ArrayList<>(threads);
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(worker));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("item kNN training was interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("item kNN training failed", cause);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Per-thread working memory. */
    private static final class Scratch {
        final int[] counts;
        final int[] touched;
        final NeighbourHeap heap;
        final int[] ids;
        final double[] sims;

        Scratch(int items, int neighbours) {
            counts = new int[items];
            touched = new int[items];
            heap = new NeighbourHeap(neighbours);
            ids = new int[neighbours];
            sims = new double[neighbours];
        }
    }

    /** What every product's neighbour search shares: the data and the per-product terms of the measure. */
    private static final class Pass {
        private final FeedbackMatrix matrix;
        private final Similarity similarity;
        /** Adjusted cosine: per product, the sum of its holders' row means ({@code M_i}). */
        private final double[] meanSums;
        /** Adjusted cosine: the sum over all customers of their squared row means ({@code S}). */
        private final double meanSquares;

        Pass(FeedbackMatrix matrix, Similarity similarity) {
            this.matrix = matrix;
            this.similarity = similarity;
            if (similarity == Similarity.ADJUSTED_COSINE) {
                int items = matrix.items();
                double[] means = new double[matrix.users()];
                double squares = 0;
                for (int u = 0; u < means.length; u++) {
                    means[u] = (double) matrix.itemCountOf(u) / items;
                    squares += means[u] * means[u];
                }
                meanSums = new double[items];
                for (int i = 0; i < items; i++) {
                    double sum = 0;
                    for (int k = matrix.itemStart[i]; k < matrix.itemStart[i + 1]; k++) {
                        sum += means[matrix.itemUsers[k]];
                    }
                    meanSums[i] = sum;
                }
                meanSquares = squares;
            } else {
                meanSums = null;
                meanSquares = 0;
            }
        }

        /** Finds product {@code i}'s neighbours, best first, into {@code ids[i]} and {@code sims[i]}. */
        void neighbours(int i, Scratch s, int[][] ids, float[][] sims) {
            int[] itemStart = matrix.itemStart;
            int[] itemUsers = matrix.itemUsers;
            int[] userStart = matrix.userStart;
            int[] userItems = matrix.userItems;
            int[] counts = s.counts;
            int[] touched = s.touched;
            int touchedCount = 0;
            for (int k = itemStart[i], end = itemStart[i + 1]; k < end; k++) {
                int u = itemUsers[k];
                for (int x = userStart[u], rowEnd = userStart[u + 1]; x < rowEnd; x++) {
                    int j = userItems[x];
                    if (counts[j]++ == 0) {
                        touched[touchedCount++] = j;
                    }
                }
            }
            NeighbourHeap heap = s.heap;
            heap.clear();
            int a = itemStart[i + 1] - itemStart[i];
            int n = matrix.users();
            if (a > 0) {
                switch (similarity) {
                    case COSINE:
                    case PEARSON:
                        for (int t = 0; t < touchedCount; t++) {
                            int j = touched[t];
                            if (j != i) {
                                double sim = NeighbourhoodSimilarity.of(similarity, n, a,
                                        itemStart[j + 1] - itemStart[j], counts[j]);
                                if (sim > 0) {
                                    heap.offer(j, sim);
                                }
                            }
                        }
                        break;
                    case EUCLIDEAN:
                        for (int j = 0; j < counts.length; j++) {
                            int b = itemStart[j + 1] - itemStart[j];
                            if (j != i && b > 0) {
                                heap.offer(j, NeighbourhoodSimilarity.euclidean(a, b, counts[j]));
                            }
                        }
                        break;
                    default:
                        for (int j = 0; j < counts.length; j++) {
                            int b = itemStart[j + 1] - itemStart[j];
                            if (j != i && b > 0) {
                                double sim = NeighbourhoodSimilarity.adjustedCosine(a, b, counts[j], meanSums[i],
                                        meanSums[j], meanSquares);
                                if (sim > 0) {
                                    heap.offer(j, sim);
                                }
                            }
                        }
                        break;
                }
            }
            for (int t = 0; t < touchedCount; t++) {
                counts[touched[t]] = 0;
            }
            int count = heap.drain(s.ids, s.sims);
            int[] neighbourIds = new int[count];
            float[] neighbourSims = new float[count];
            for (int k = 0; k < count; k++) {
                neighbourIds[k] = s.ids[k];
                neighbourSims[k] = (float) s.sims[k];
            }
            ids[i] = neighbourIds;
            sims[i] = neighbourSims;
        }
    }
}
