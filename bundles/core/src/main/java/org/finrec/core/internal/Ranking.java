package org.finrec.core.internal;

import java.util.ArrayList;
import java.util.List;
import org.finrec.api.Product;
import org.finrec.api.recommend.Explanation;
import org.finrec.api.recommend.Reason;
import org.finrec.api.recommend.RecommendationRequest;
import org.finrec.api.spi.Recommender;
import org.finrec.api.spi.TopK;

/**
 * Ranks a candidate set with one recommender: score every candidate, apply suitability demotions, select the top
 * k, explain each. Runs in a facade worker thread so that the facade can abandon it when the time budget ends.
 */
final class Ranking {

    private Ranking() {
    }

    /**
     * Ranks the candidates.
     *
     * @return the top {@code k} with reasons, best first; fewer when the recommender has no opinion on enough
     *     products
     * @throws IllegalStateException if the recommender returns the wrong number of scores
     */
    static List<RankedProduct> rank(RecommenderRegistry.Entry entry, RecommendationRequest request,
            CandidateSet candidates, int k) {
        Recommender recommender = entry.recommender();
        List<Product> products = candidates.products();
        double[] scores = recommender.score(request, products);
        if (scores == null || scores.length != products.size()) {
            throw new IllegalStateException("recommender " + recommender.name() + " returned "
                    + (scores == null ? "no" : Integer.toString(scores.length)) + " scores for " + products.size()
                    + " candidates");
        }
        double[] adjusted = new double[scores.length];
        for (int i = 0; i < scores.length; i++) {
            adjusted[i] = demote(scores[i], candidates.scoreFactor(i));
        }
        int[] best = TopK.select(adjusted, k);
        String name = recommender.name();
        String modelVersion = recommender.modelVersion();
        List<RankedProduct> ranked = new ArrayList<>(best.length);
        for (int i : best) {
            Explanation explanation = recommender.explain(request, products.get(i));
            List<Reason> reasons = new ArrayList<>(explanation.reasons().size() + 1);
            reasons.addAll(explanation.reasons());
            reasons.addAll(candidates.suitabilityReasons(i));
            ranked.add(new RankedProduct(products.get(i), adjusted[i], reasons, name, modelVersion,
                    entry.bundle()));
        }
        return ranked;
    }

    /** Lowers a score by a factor in (0, 1], whatever its sign, so that a demotion never raises a negative score. */
    static double demote(double score, double factor) {
        if (factor == 1.0 || !Double.isFinite(score)) {
            return score;
        }
        return score >= 0 ? score * factor : score / factor;
    }
}
