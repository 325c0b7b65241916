package org.finrec.samplehost;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.finrec.api.Customer;
import org.finrec.api.data.Dataset;

/**
 * The recommenders the sample host evaluates on a dataset: popularity overall and per segment or age band where
 * the customers have those attributes, the four collaborative-filtering algorithms with their defaults, and the
 * naive-Bayes content recommender on the customers' profiles.
 */
final class Candidates {

    static final String POPULARITY_PID = "org.finrec.recommender.popularity";
    static final String CF_PID = "org.finrec.recommender.cf";
    static final String CONTENT_PID = "org.finrec.recommender.content";

    private Candidates() {
    }

    static List<EvaluationHarness.Candidate> forDataset(Dataset dataset) {
        List<EvaluationHarness.Candidate> candidates = new ArrayList<>();
        candidates.add(new EvaluationHarness.Candidate("popularity-overall", POPULARITY_PID,
                Map.of("segment.attribute", "", "smoothing", 0.0)));
        if (anyCustomerHas(dataset, Customer.SEGMENT)) {
            candidates.add(new EvaluationHarness.Candidate("popularity-segment", POPULARITY_PID,
                    Map.of("segment.attribute", Customer.SEGMENT)));
        }
        if (anyCustomerHas(dataset, Customer.AGE_BAND)) {
            candidates.add(new EvaluationHarness.Candidate("popularity-age", POPULARITY_PID,
                    Map.of("segment.attribute", Customer.AGE_BAND)));
        }
        candidates.add(new EvaluationHarness.Candidate("user-knn", CF_PID,
                Map.of("algorithm", "USER_KNN", "similarity", "COSINE", "neighbours", 50)));
        candidates.add(new EvaluationHarness.Candidate("item-knn", CF_PID,
                Map.of("algorithm", "ITEM_KNN", "similarity", "COSINE", "neighbours", 200)));
        candidates.add(new EvaluationHarness.Candidate("als", CF_PID, Map.of("algorithm", "ALS")));
        candidates.add(new EvaluationHarness.Candidate("bpr", CF_PID, Map.of("algorithm", "BPR")));
        candidates.add(new EvaluationHarness.Candidate("content-naive-bayes", CONTENT_PID, Map.of()));
        return candidates;
    }

    private static boolean anyCustomerHas(Dataset dataset, String attribute) {
        int step = Math.max(1, dataset.customerCount() / 1000);
        for (int c = 0; c < dataset.customerCount(); c += step) {
            if (dataset.customer(c).attribute(attribute).isPresent()) {
                return true;
            }
        }
        return false;
    }
}
