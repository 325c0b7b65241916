package org.finrec.samplehost;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.finrec.api.Customer;
import org.finrec.api.data.Dataset;

/**
 * The recommenders the sample host evaluates on a dataset: popularity overall and per segment or age band where
 * the customers have those attributes, the four collaborative-filtering algorithms with their defaults, and the
 * two content recommenders (naive Bayes, and content match for catalogues of bank size) on every profile attribute
 * the customers have.
 */
final class Contenders {

    static final String POPULARITY_PID = "org.finrec.recommender.popularity";
    /** Factory PIDs of the four collaborative-filtering algorithms, one component each. */
    static final String USER_KNN_PID = "org.finrec.recommender.cf.userknn";
    static final String ITEM_KNN_PID = "org.finrec.recommender.cf.itemknn";
    static final String ALS_PID = "org.finrec.recommender.cf.als";
    static final String BPR_PID = "org.finrec.recommender.cf.bpr";
    /** The CF factory PIDs by algorithm name, as {@code --algorithm} takes it. */
    static final Map<String, String> CF_PIDS = Map.of("USER_KNN", USER_KNN_PID, "ITEM_KNN", ITEM_KNN_PID, "ALS", ALS_PID,
            "BPR", BPR_PID);
    static final String CONTENT_PID = "org.finrec.recommender.content";
    static final String CONTENT_MATCH_PID = "org.finrec.recommender.content.match";
    /**
     * Content match learns from every customer-product pair: it is meant for a bank's catalogue of tens of products,
     * not for retail catalogues of thousands of items (amazon-beauty, movielens), where it is left out.
     */
    static final int MAX_PRODUCTS_TO_MATCH = 200;
    static final String SEQUENTIAL_PID = "org.finrec.recommender.sequential";

    private Contenders() {
    }

    /** One training thread per core, within the 1..256 the CF components accept. */
    static int trainingThreads() {
        return Math.min(256, Runtime.getRuntime().availableProcessors());
    }

    static List<EvaluationHarness.Contender> forDataset(Dataset dataset) {
        List<EvaluationHarness.Contender> contenders = new ArrayList<>();
        contenders.add(new EvaluationHarness.Contender("popularity-overall", POPULARITY_PID,
                Map.of("segment.attribute", "", "smoothing", 0.0)));
        if (anyCustomerHas(dataset, Customer.SEGMENT)) {
            contenders.add(new EvaluationHarness.Contender("popularity-segment", POPULARITY_PID,
                    Map.of("segment.attribute", Customer.SEGMENT)));
        }
        if (anyCustomerHas(dataset, Customer.AGE_BAND)) {
            contenders.add(new EvaluationHarness.Contender("popularity-age", POPULARITY_PID,
                    Map.of("segment.attribute", Customer.AGE_BAND)));
        }
        contenders.add(new EvaluationHarness.Contender("user-knn", USER_KNN_PID,
                Map.of("similarity", "COSINE", "neighbours", 50)));
        contenders.add(new EvaluationHarness.Contender("item-knn", ITEM_KNN_PID,
                Map.of("similarity", "COSINE", "neighbours", 200, "threads", trainingThreads())));
        contenders.add(new EvaluationHarness.Contender("als", ALS_PID, Map.of("threads", trainingThreads())));
        contenders.add(new EvaluationHarness.Contender("bpr", BPR_PID, Map.of()));
        List<String> profile = profileAttributes(dataset);
        contenders.add(new EvaluationHarness.Contender("content-naive-bayes", CONTENT_PID,
                Map.of("features", profile.toArray(String[]::new))));
        if (dataset.productCount() <= MAX_PRODUCTS_TO_MATCH) {
            contenders.add(new EvaluationHarness.Contender("content-match", CONTENT_MATCH_PID,
                    Map.of("attributes", profile.stream().filter(a -> !a.equals(Customer.AGE_BAND)
                            && !a.equals(Customer.RISK_TOLERANCE)).toArray(String[]::new))));
        }
        return contenders;
    }

    /**
     * The sequential recommender with its defaults (the SASRec paper's settings) and at most {@code epochs} epochs;
     * it needs the inference and sequential features.
     */
    static EvaluationHarness.Contender sequential(int epochs) {
        return new EvaluationHarness.Contender("sequential", SEQUENTIAL_PID, Map.of("epochs", epochs));
    }

    /**
     * The profile attributes the customers have: segment, age band, risk tolerance and preferred channel where
     * present, then the open attributes of the first customers, by name.
     */
    static List<String> profileAttributes(Dataset dataset) {
        List<String> attributes = new ArrayList<>();
        for (String typed : List.of(Customer.SEGMENT, Customer.AGE_BAND, Customer.RISK_TOLERANCE,
                Customer.PREFERRED_CHANNEL)) {
            if (anyCustomerHas(dataset, typed)) {
                attributes.add(typed);
            }
        }
        Set<String> open = new TreeSet<>();
        for (int c = 0; c < Math.min(1000, dataset.customerCount()); c++) {
            open.addAll(dataset.customer(c).attributes().keySet());
        }
        attributes.addAll(open);
        return attributes;
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
