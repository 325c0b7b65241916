package org.finrec.eval;

import java.util.List;
import org.finrec.api.data.ProgressListener;
import org.finrec.api.spi.Recommender;
import org.finrec.eval.internal.RankingEvaluator;

/**
 * Ranks all items of the training dataset (less each case's excluded products) for every test case, as RecBole
 * does, and averages ranking metrics over the cases. Uses several threads; the recommender must be thread-safe.
 *
 * <p>For each case a {@link Recommender#scorer} for the request {@code RecommendationRequest.builder(case.customer()).k(k)}
 * with the case's recent events, and the training products as catalogue scores, as candidates, the training products without the excluded ones in
 * ascending index order; every case must see the same model version. The top {@code k} finite scores are taken, ties going to the lower
 * product index; NaN scores are never selected (a shorter list counts as misses). Figures do not depend on the
 * number of threads. An exception from the recommender ends the evaluation and reaches the caller.
 */
public interface Evaluator {

    /**
     * Evaluates a recommender.
     *
     * @param recommender a recommender trained on {@code split.train()}
     * @param split the split
     * @param k the cut-off
     * @param metrics the metrics to report
     * @param progress receives progress reports (cases done of all cases) about every 1,000 cases, from worker
     *     threads
     * @return the figures; train seconds unknown (NaN)
     * @throws IllegalArgumentException if {@code k < 1}, the split has no test cases, or a case names a product
     *     index outside the training dataset or not in ascending order
     */
    EvaluationResult evaluate(Recommender recommender, Split split, int k, List<RankingMetric> metrics,
            ProgressListener progress);

    /**
     * Returns an evaluator.
     *
     * @param threads worker threads, 1 or more
     * @return the evaluator
     */
    static Evaluator allItems(int threads) {
        return new RankingEvaluator(threads);
    }
}
