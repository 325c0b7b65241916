package org.finrec.samplehost;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.finrec.api.data.Dataset;
import org.finrec.api.experiment.Outcome;
import org.finrec.api.experiment.OutcomeKind;
import org.finrec.api.recommend.Recommendation;
import org.finrec.api.recommend.RecommendationResponse;
import org.finrec.eval.EvaluationCase;
import org.finrec.eval.Split;
import org.finrec.eval.Splitter;

/**
 * The customers of a simulated experiment and how they react to what they are shown, following the synthetic
 * bank's ground truth. The generator keeps its adoption propensities to itself, so the ground truth is what its
 * customers actually did next: the models learn from every month but the last (the Santander competition split),
 * requests carry the customers as they were before it, and a shown product is clicked with probability
 * {@value #CLICK_IF_ADDED}% if the customer really adds it in the last month, else {@value #CLICK_OTHERWISE}%; a
 * click converts (a purchase) with probability {@value #PURCHASE_IF_ADDED}% or {@value #PURCHASE_OTHERWISE}%.
 * Thread-safe.
 */
final class SimulatedCustomers {

    /** Percent chance that a customer clicks a shown product they add in the last month. */
    static final int CLICK_IF_ADDED = 60;
    /** Percent chance that a customer clicks any other shown product. */
    static final int CLICK_OTHERWISE = 3;
    /** Percent chance that a click on a product the customer adds converts. */
    static final int PURCHASE_IF_ADDED = 50;
    /** Percent chance that any other click converts. */
    static final int PURCHASE_OTHERWISE = 2;
    /** The rule in one sentence, as a format string (percent signs doubled) for the command's help and output. */
    static final String RULE = "shown products the customer adds in the last month are clicked " + CLICK_IF_ADDED
            + "%% of the time (then bought " + PURCHASE_IF_ADDED + "%%), others " + CLICK_OTHERWISE + "%% (then "
            + PURCHASE_OTHERWISE + "%%)";

    private final Split split;
    /** By customer index, the ids of the products added in the last month; only customers who add one. */
    private final Map<Integer, Set<String>> added = new HashMap<>();

    private SimulatedCustomers(Split split) {
        this.split = split;
        Dataset train = split.train();
        for (EvaluationCase testCase : split.test()) {
            Set<String> products = new HashSet<>();
            for (int product : testCase.relevant()) {
                products.add(train.product(product).id());
            }
            added.put(train.customerIndex(testCase.customer().id()), Set.copyOf(products));
        }
    }

    /** Splits the bank before its last month: the models' training data and, after it, the ground truth. */
    static SimulatedCustomers of(Dataset bank) {
        Instant lastMonth = Instant.ofEpochMilli(bank.interactionEpochMillis(bank.interactionCount() - 1));
        return new SimulatedCustomers(Splitter.temporal(lastMonth, lastMonth.plus(Duration.ofDays(1))).split(bank));
    }

    /** What the recommenders learn from: every month but the last, customers holding what they held then. */
    Dataset train() {
        return split.train();
    }

    /** How many customers add at least one product in the last month. */
    int adders() {
        return added.size();
    }

    /**
     * Draws the clicks and purchases of one customer on one response.
     *
     * @param customerIndex the customer's index in {@link #train()}
     * @return one CLICK per clicked product, followed by a PURCHASE when the click converted
     */
    List<Outcome> react(int customerIndex, RecommendationResponse response, SplittableRandom random) {
        Set<String> addedProducts = added.getOrDefault(customerIndex, Set.of());
        List<Outcome> outcomes = new ArrayList<>(2);
        for (Recommendation recommendation : response.recommendations()) {
            String product = recommendation.product().id();
            boolean adds = addedProducts.contains(product);
            if (random.nextInt(100) < (adds ? CLICK_IF_ADDED : CLICK_OTHERWISE)) {
                Instant now = Instant.now();
                outcomes.add(new Outcome(response.requestId(), product, OutcomeKind.CLICK, now));
                if (random.nextInt(100) < (adds ? PURCHASE_IF_ADDED : PURCHASE_OTHERWISE)) {
                    outcomes.add(new Outcome(response.requestId(), product, OutcomeKind.PURCHASE, now));
                }
            }
        }
        return outcomes;
    }
}
