package org.finrec.eval;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.finrec.api.Customer;
import org.finrec.api.Product;
import org.finrec.api.ProductCatalog;
import org.finrec.api.data.Dataset;
import org.finrec.api.recommend.RecommendationRequest;
import org.finrec.api.spi.Recommender;
import org.finrec.eval.internal.Scoring;
import org.finrec.eval.internal.split.PropensityHoldout;

/**
 * A single-product propensity evaluation: will a customer hold this product? Some customers are held out of
 * training, the recommender scores the product for each of them, and the {@link Auc} of those scores against
 * whether they held it is the figure, in a warm or a cold-start {@link Scenario}.
 *
 * <ul>
 *   <li>Test customers: {@code round(testShare n)} (halves rounding up) of all {@code n} customers of the
 *       dataset, holders of the product and others, chosen with the seed and listed in the dataset's customer
 *       order. A test customer's label is whether they held the product in the dataset
 *       ({@link Dataset#holdings(int)}). The same arguments and data always give the same task.</li>
 *   <li>Training dataset: a read-only view over the dataset without the test customers (the others re-indexed
 *       from 0 in their order, with their interactions; the test customers' interactions are dropped and
 *       {@link Dataset#customerIndex(String)} does not find them); the products keep their indices. In
 *       {@link Scenario#NEW_PRODUCT} the view also hides every holding of the product and every interaction
 *       with it, for every customer.</li>
 *   <li>Test customers as the recommender sees them: their profile attributes always, their holdings less the
 *       product in {@link Scenario#WARM} and {@link Scenario#NEW_PRODUCT}, no holdings in
 *       {@link Scenario#NEW_CUSTOMER}.</li>
 * </ul>
 *
 * <p>Immutable and thread-safe.
 */
public final class PropensityTask {

    /** What the recommender knows of the test customers and of the product. */
    public enum Scenario {
        /**
         * Both are known: training customers hold and use the product as in the dataset, and each test customer
         * shows every holding but the product.
         */
        WARM,
        /**
         * The test customers are new: they show their profile and no holdings; training customers hold and use
         * the product as in the dataset.
         */
        NEW_CUSTOMER,
        /**
         * The product is new: no training customer holds it or has any interaction with it (it stays in the
         * training dataset, with its index and attributes), and each test customer shows every holding but the
         * product.
         */
        NEW_PRODUCT
    }

    private final Scenario scenario;
    private final Product product;
    private final PropensityHoldout holdout;

    private PropensityTask(Dataset data, String productId, double testShare, long seed, Scenario scenario) {
        this.holdout = new PropensityHoldout(data, productId, testShare, seed, scenario);
        this.scenario = scenario;
        this.product = data.product(holdout.product());
    }

    /**
     * Creates the task.
     *
     * @param data the whole dataset, not null
     * @param productId the product to predict, not null
     * @param testShare share of all customers to hold out for testing, in (0, 1)
     * @param seed the random seed that picks the test customers
     * @param scenario what the recommender knows, not null
     * @return the task
     * @throws IllegalArgumentException if the dataset has no such product, {@code testShare} is not in (0, 1), or
     *     the test customers are all holders or all non-holders of the product (the AUC would be undefined)
     */
    public static PropensityTask of(Dataset data, String productId, double testShare, long seed,
            Scenario scenario) {
        return new PropensityTask(Objects.requireNonNull(data, "data"), productId, testShare, seed, scenario);
    }

    /**
     * Scores the product for every test customer and computes the AUC.
     *
     * <p>Each test customer {@code i} (in {@link #testCustomers()} order) is one {@link Recommender#scorer} for the
     * request {@code RecommendationRequest.builder(customer).requestId("propensity-" + i).build()} and a catalogue of
     * {@code product()} alone, scoring that one candidate. A NaN score (no opinion) counts as the lowest score: it ties with
     * every other NaN and with negative infinity and ranks below every other score. The calls are spread over
     * {@code threads} worker threads; the result does not depend on their number. An exception from the
     * recommender ends the evaluation and reaches the caller.
     *
     * @param recommender a recommender trained on {@link #train()}, thread-safe when {@code threads > 1}
     * @param threads worker threads, 1 or more
     * @return the AUC and its counts
     * @throws IllegalArgumentException if {@code threads < 1}
     * @throws IllegalStateException if the recommender answers null or other than one score, or swaps its model
     *     during the evaluation
     */
    public PropensityResult evaluate(Recommender recommender, int threads) {
        Objects.requireNonNull(recommender, "recommender");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        List<Customer> customers = holdout.testCustomers();
        ProductCatalog catalog = ProductCatalog.of(List.of(product));
        int[] candidates = {0};
        AtomicReference<String> modelVersion = new AtomicReference<>();
        double[] scores = new double[customers.size()];
        String step = "evaluating " + recommender.name() + " on " + holdout.description();
        Scoring.forEachCase(scores.length, threads, step, i -> {
            RecommendationRequest request = RecommendationRequest.builder(customers.get(i))
                    .requestId("propensity-" + i).build();
            scores[i] = Scoring.score(recommender, request, catalog, candidates, modelVersion)[0];
        });
        int noOpinion = 0;
        for (int i = 0; i < scores.length; i++) {
            if (Double.isNaN(scores[i])) {
                scores[i] = Double.NEGATIVE_INFINITY;
                noOpinion++;
            }
        }
        int positives = holdout.positives();
        return new PropensityResult(recommender.name(), modelVersion.get(), holdout.description(),
                Auc.of(scores, holdout.labels()), positives, scores.length - positives, noOpinion);
    }

    /**
     * Returns the scenario.
     *
     * @return the scenario
     */
    public Scenario scenario() {
        return scenario;
    }

    /**
     * Returns the product to predict, as both the dataset and the training dataset have it.
     *
     * @return the product
     */
    public Product product() {
        return product;
    }

    /**
     * Returns what recommenders may learn from: the view described above, not a copy.
     *
     * @return the training dataset
     */
    public Dataset train() {
        return holdout.train();
    }

    /**
     * Returns the test customers as the recommender sees them, in the dataset's customer order.
     *
     * @return an unmodifiable list, at least two customers
     */
    public List<Customer> testCustomers() {
        return holdout.testCustomers();
    }

    /**
     * Returns whether each test customer held the product, in the order of {@link #testCustomers()}.
     *
     * @return a new array, with at least one {@code true} and one {@code false}
     */
    public boolean[] labels() {
        return holdout.labels();
    }

    /**
     * Returns a short description for reports, such as
     * {@code propensity of deposit (new customer, test 20% of customers, seed 7)}.
     *
     * @return the description
     */
    public String description() {
        return holdout.description();
    }

    @Override
    public String toString() {
        return holdout.description();
    }
}
