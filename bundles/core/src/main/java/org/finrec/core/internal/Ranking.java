package org.finrec.core.internal;

import java.util.ArrayList;
import java.util.List;
import org.finrec.api.recommend.Explanation;
import org.finrec.api.recommend.RecommendationRequest;
import org.finrec.api.spi.RequestScorer;
import org.finrec.api.spi.SuitabilityDecision;
import org.finrec.api.spi.TopK;

/**
 * Ranks a candidate set with one recommender: one {@link RequestScorer} for the request, so that scores, model
 * version and explanations all come from one model snapshot; score every candidate, apply suitability decisions,
 * select the top k, explain each from the scorer's own pass, with every demotion as a reason that carries what it
 * took away. Runs in a facade worker thread so that the facade can abandon it when the time budget ends.
 */
final class Ranking {

    private Ranking() {
    }

    /**
     * Ranks the candidates.
     *
     * @return the top {@code k} with reasons that add up to their served scores, best first; fewer when the
     *     recommender has no opinion on enough products
     * @throws IllegalStateException if the recommender returns no scorer or the wrong number of scores
     */
    static List<RankedProduct> rank(RecommenderRegistry.Entry entry, RecommendationRequest request,
            CandidateSet candidates, int k) {
        RequestScorer scorer = entry.recommender().scorer(request, candidates.catalog());
        if (scorer == null) {
            throw new IllegalStateException("recommender " + entry.name() + " returned no scorer");
        }
        int[] indices = candidates.catalogueIndices();
        double[] scores = scorer.score(indices);
        if (scores == null || scores.length != indices.length) {
            throw new IllegalStateException("recommender " + entry.name() + " returned "
                    + (scores == null ? "no" : Integer.toString(scores.length)) + " scores for " + indices.length
                    + " candidates");
        }
        double[] served = new double[scores.length];
        for (int i = 0; i < scores.length; i++) {
            served[i] = scores[i];
            for (SuitabilityDecision decision : candidates.decisions(i)) {
                served[i] = decision.applyTo(served[i]);
            }
        }
        int[] best = TopK.select(served, k);
        String modelVersion = scorer.modelVersion();
        List<RankedProduct> ranked = new ArrayList<>(best.length);
        for (int i : best) {
            // the served explanation starts from the score that ranked, whose reasons the model's explanation gives
            Explanation explained = scorer.explain(indices[i]);
            Explanation explanation = new Explanation(explained.productId(), scores[i], explained.reasons());
            for (SuitabilityDecision decision : candidates.decisions(i)) {
                explanation = decision.applyTo(explanation);
            }
            ranked.add(new RankedProduct(candidates.products().get(i), served[i], explanation.reasons(),
                    entry.name(), modelVersion, entry.bundle()));
        }
        return ranked;
    }
}
