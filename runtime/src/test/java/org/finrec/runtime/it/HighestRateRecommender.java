package org.finrec.runtime.it;

import java.util.List;
import org.finrec.api.Product;
import org.finrec.api.recommend.Explanation;
import org.finrec.api.recommend.Reason;
import org.finrec.api.recommend.RecommendationRequest;
import org.finrec.api.spi.Recommender;

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
    public double[] score(RecommendationRequest request, List<Product> candidates) {
        double[] scores = new double[candidates.size()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = candidates.get(i).annualRatePercent().orElse(Double.NaN);
        }
        return scores;
    }

    @Override
    public Explanation explain(RecommendationRequest request, Product product) {
        double rate = product.annualRatePercent().orElseThrow();
        return new Explanation(product.id(), rate,
                List.of(new Reason("HIGHEST_RATE", product.name() + " has a rate of " + rate + "%.", rate)));
    }
}
