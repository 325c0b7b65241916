package org.finrec.api.spi;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.finrec.api.Product;
import org.finrec.api.ProductCatalog;
import org.finrec.api.data.Dataset;
import org.finrec.api.recommend.Explanation;
import org.finrec.api.recommend.Reason;
import org.finrec.api.recommend.RecommendationRequest;
import org.opentest4j.AssertionFailedError;
import org.junit.jupiter.api.Test;

/**
 * The contract's explanation-cost check can fail: it fails a recommender that scores the customer again for every
 * explanation, and passes the same recommender when it explains from its scoring pass.
 */
class ExplanationCostCheckTest {

    private static final Dataset BANK = RecommenderContractTest.BANK;

    private static ProductCatalog catalog() {
        List<Product> products = new ArrayList<>();
        for (int p = 0; p < BANK.productCount(); p++) {
            products.add(BANK.product(p));
        }
        return ProductCatalog.of(products);
    }

    /** Scores by a deliberately costly pass over every customer (as a neighbourhood search does). */
    private static final class Neighbourly implements Recommender {
        private final boolean scoresAgainToExplain;

        Neighbourly(boolean scoresAgainToExplain) {
            this.scoresAgainToExplain = scoresAgainToExplain;
        }

        @Override
        public String name() {
            return "neighbourly";
        }

        @Override
        public String family() {
            return "test";
        }

        @Override
        public String modelVersion() {
            return "v1";
        }

        private static double[] pass(RecommendationRequest request) {
            double[] byProduct = new double[BANK.productCount()];
            int self = BANK.customerIndex(request.customer().id());
            for (int round = 0; round < 20; round++) {
                for (int c = 0; c < BANK.customerCount(); c++) {
                    if (c != self) {
                        for (int p : BANK.holdings(c)) {
                            byProduct[p] += 1.0 / (1 + c % 7);
                        }
                    }
                }
            }
            return byProduct;
        }

        @Override
        public RequestScorer scorer(RecommendationRequest request, ProductCatalog catalog) {
            double[] scored = pass(request);
            return new RequestScorer() {
                @Override
                public String modelVersion() {
                    return "v1";
                }

                @Override
                public double[] score(int[] candidates) {
                    double[] scores = new double[candidates.length];
                    for (int i = 0; i < scores.length; i++) {
                        scores[i] = scored[candidates[i]];
                    }
                    return scores;
                }

                @Override
                public Explanation explain(int candidate) {
                    double score = (scoresAgainToExplain ? pass(request) : scored)[candidate];
                    return new Explanation(catalog.products().get(candidate).id(), score,
                            List.of(new Reason("NEIGHBOURS", "Similar customers hold it.", score)));
                }
            };
        }
    }

    @Test
    void failsARecommenderThatScoresAgainToExplain() {
        assertThrows(AssertionFailedError.class, () -> RecommenderContractTest
                .assertExplainingCostsLessThanScoringAgain(new Neighbourly(true), BANK, catalog()));
    }

    @Test
    void passesTheSameRecommenderWhenItExplainsFromItsScoringPass() {
        RecommenderContractTest.assertExplainingCostsLessThanScoringAgain(new Neighbourly(false), BANK, catalog());
    }
}
