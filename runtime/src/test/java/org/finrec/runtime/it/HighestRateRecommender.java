package org.finrec.runtime.it;

import java.util.List;
import org.finrec.api.Product;
import org.finrec.api.ProductCatalog;
import org.finrec.api.recommend.Explanation;
import org.finrec.api.recommend.Reason;
import org.finrec.api.recommend.RecommendationRequest;
import org.finrec.api.spi.Recommender;
import org.finrec.api.spi.RequestScorer;

/**
 * A rule-based recommender for the integration tests, packed into its own bundle: ranks products by their
 * headline rate; products without a rate get no opinion (NaN), so the facade fills those ranks from its fallback.
 */
public final class HighestRateRecommender implements Recommender {

    static final String NAME = "highest-rate";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String family() {
        return "rules";
    }

    @Override
    public String modelVersion() {
        return "rule-1";
    }

    @Override
    public RequestScorer scorer(RecommendationRequest request, ProductCatalog catalog) {
        return new RequestScorer() {
            @Override
            public String modelVersion() {
                return "rule-1";
            }

            @Override
            public double[] score(int[] candidates) {
                double[] scores = new double[candidates.length];
                for (int i = 0; i < scores.length; i++) {
                    scores[i] = catalog.products().get(candidates[i]).annualRatePercent().orElse(Double.NaN);
                }
                return scores;
            }

            @Override
            public Explanation explain(int candidate) {
                Product product = catalog.products().get(candidate);
                double rate = product.annualRatePercent().orElseThrow();
                return new Explanation(product.id(), rate, List.of(new Reason("HIGHEST_RATE",
                        product.name() + " has a rate of " + rate + "%.", rate)));
            }
        };
    }
}
