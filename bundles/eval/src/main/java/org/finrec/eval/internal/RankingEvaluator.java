package org.finrec.eval.internal;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.finrec.api.Product;
import org.finrec.api.ProductCatalog;
import org.finrec.api.data.Dataset;
import org.finrec.api.data.ProgressListener;
import org.finrec.api.recommend.RecommendationRequest;
import org.finrec.api.spi.Recommender;
import org.finrec.api.spi.TopK;
import org.finrec.eval.EvaluationCase;
import org.finrec.eval.EvaluationResult;
import org.finrec.eval.Evaluator;
import org.finrec.eval.RankingMetric;
import org.finrec.eval.Split;

/**
 * All-item ranking evaluation of the split's test cases on a fixed pool of worker threads.
 *
 * <p>For each case a new {@link Recommender#scorer} scores every product of {@code split.train()} except the case's
 * excluded ones: the serving catalogue is the training products in product-index order, so a candidate's catalogue
 * index is its product index, and the candidates come in ascending order, so the SPI's promise that candidates are
 * free of owned products holds, unlike RecBole's "score everything, then mask". Every case must be scored by the
 * same model version; a recommender that swaps its model during the evaluation ends it with an error. The request is
 * {@code RecommendationRequest.builder(case.customer()).k(k)} with the request id {@code eval-<case number>} and the
 * case's recent events. The top {@code k} finite scores are selected with a bounded heap, ties going to the lower
 * product index; NaN (and infinite) scores are never selected, so a recommender with fewer than {@code k}
 * opinions gets a shorter list, which counts as misses.
 *
 * <p>Metrics are computed per case and averaged in case order, so the figures do not depend on the number of
 * threads or on scheduling. Coverage is the share of the training products that appear in at least one top-k
 * list. Recommendations per second is the number of cases over the wall-clock seconds of the scoring loop (all
 * threads together). Progress is reported about every 1,000 cases from the worker threads, and once at the end.
 *
 * <p>Each {@link #evaluate} call creates its own pool of {@code threads} daemon threads and shuts it down before
 * returning; an exception thrown by the recommender stops the evaluation and is rethrown to the caller. Instances
 * are immutable and may be shared.
 */
public final class RankingEvaluator implements Evaluator {

    private static final int PROGRESS_EVERY = 1_000;

    private final int threads;

    /**
     * Creates the evaluator.
     *
     * @param threads worker threads, 1 or more
     * @throws IllegalArgumentException if {@code threads < 1}
     */
    public RankingEvaluator(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        this.threads = threads;
    }

    @Override
    public EvaluationResult evaluate(Recommender recommender, Split split, int k, List<RankingMetric> metrics,
            ProgressListener progress) {
        Objects.requireNonNull(recommender, "recommender");
        Objects.requireNonNull(split, "split");
        Objects.requireNonNull(progress, "progress");
        List<RankingMetric> measured = List.copyOf(metrics);
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, got " + k);
        }
        List<EvaluationCase> cases = split.test();
        if (cases.isEmpty()) {
            throw new IllegalArgumentException("split " + split.protocol() + " has no test cases");
        }
        Dataset train = split.train();
        Product[] products = new Product[train.productCount()];
        for (int p = 0; p < products.length; p++) {
            products[p] = train.product(p);
        }
        for (EvaluationCase evaluationCase : cases) {
            requireProductIndices(evaluationCase, "relevant", evaluationCase.relevant(), products.length);
            requireProductIndices(evaluationCase, "excluded", evaluationCase.excluded(), products.length);
        }

        Run run = new Run(recommender, cases, products, k, measured, progress,
                "evaluating " + recommender.name() + " on " + split.protocol());
        progress.progress(run.step, 0, cases.size());
        long started = System.nanoTime();
        run.execute(threads);
        double seconds = (System.nanoTime() - started) / 1e9;
        progress.progress(run.step, cases.size(), cases.size());

        Map<String, Double> means = new LinkedHashMap<>();
        for (int m = 0; m < measured.size(); m++) {
            double sum = 0;
            for (int c = 0; c < cases.size(); c++) {
                sum += run.values[c * measured.size() + m];
            }
            means.put(measured.get(m).label(k), sum / cases.size());
        }
        return new EvaluationResult(recommender.name(), run.modelVersion.get(), split.protocol(), k,
                cases.size(), means, coverage(run.topK, products.length), Double.NaN, cases.size() / seconds);
    }

    private static void requireProductIndices(EvaluationCase evaluationCase, String what, int[] indices,
            int productCount) {
        for (int i = 0; i < indices.length; i++) {
            if (indices[i] < 0 || indices[i] >= productCount || (i > 0 && indices[i] <= indices[i - 1])) {
                throw new IllegalArgumentException("case of customer " + evaluationCase.customer().id() + ": "
                        + what + " products must be strictly ascending indices below " + productCount + ", got "
                        + Arrays.toString(indices));
            }
        }
    }

    private static double coverage(int[][] topK, int productCount) {
        if (productCount == 0) {
            return 0;
        }
        boolean[] recommended = new boolean[productCount];
        int distinct = 0;
        for (int[] list : topK) {
            for (int product : list) {
                if (!recommended[product]) {
                    recommended[product] = true;
                    distinct++;
                }
            }
        }
        return (double) distinct / productCount;
    }

    /** The state of one evaluation. */
    private static final class Run {
        final Recommender recommender;
        final List<EvaluationCase> cases;
        final Product[] products;
        final int k;
        final List<RankingMetric> metrics;
        final ProgressListener progress;
        final String step;
        final ProductCatalog catalog;
        final AtomicReference<String> modelVersion = new AtomicReference<>();
        final int[][] topK;
        final double[] values;
        final AtomicInteger done = new AtomicInteger();

        Run(Recommender recommender, List<EvaluationCase> cases, Product[] products, int k,
                List<RankingMetric> metrics, ProgressListener progress, String step) {
            this.recommender = recommender;
            this.cases = cases;
            this.products = products;
            this.catalog = ProductCatalog.of(Arrays.asList(products));
            this.k = k;
            this.metrics = metrics;
            this.progress = progress;
            this.step = step;
            this.topK = new int[cases.size()][];
            this.values = new double[cases.size() * metrics.size()];
        }

        void execute(int threads) {
            Scoring.forEachCase(cases.size(), threads, step, c -> {
                evaluate(c);
                int finished = done.incrementAndGet();
                if (finished % PROGRESS_EVERY == 0 && finished < cases.size()) {
                    progress.progress(step, finished, cases.size());
                }
            });
        }

        private void evaluate(int c) {
            EvaluationCase evaluationCase = cases.get(c);
            int[] candidates = allBut(products.length, evaluationCase.excluded());
            RecommendationRequest request = RecommendationRequest.builder(evaluationCase.customer())
                    .requestId("eval-" + c).k(k).recentEvents(evaluationCase.recentEvents()).build();
            double[] scores = Scoring.score(recommender, request, catalog, candidates, modelVersion);
            int[] best = TopK.select(scores, k);
            for (int i = 0; i < best.length; i++) {
                best[i] = candidates[best[i]];
            }
            topK[c] = best;
            for (int m = 0; m < metrics.size(); m++) {
                values[c * metrics.size() + m] = metrics.get(m).at(best, k, evaluationCase.relevant());
            }
        }
    }

    /** Every product index below {@code count} but the excluded ones (strictly ascending), in ascending order. */
    static int[] allBut(int count, int[] excluded) {
        int[] candidates = new int[count - excluded.length];
        int next = 0;
        int e = 0;
        for (int p = 0; p < count; p++) {
            if (e < excluded.length && excluded[e] == p) {
                e++;
            } else {
                candidates[next++] = p;
            }
        }
        return candidates;
    }
}
