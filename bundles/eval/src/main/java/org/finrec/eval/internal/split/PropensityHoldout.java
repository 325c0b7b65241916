package org.finrec.eval.internal.split;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.finrec.api.Customer;
import org.finrec.api.data.Dataset;
import org.finrec.eval.PropensityTask.Scenario;

/**
 * The data of a {@link org.finrec.eval.PropensityTask}: test customers held out of training, their labels, and
 * the training view without them.
 *
 * <ul>
 *   <li>The test customers are {@code round(testShare * n)} (halves rounding up) of all {@code n} customers,
 *       holders of the product or not, chosen by a partial Fisher-Yates shuffle of the customer indices with one
 *       {@link java.util.SplittableRandom} seeded with the seed, and listed in customer-index order; the same
 *       arguments and dataset always choose the same customers. A test customer's label is whether
 *       {@code data.holdings(c)} contains the product.</li>
 *   <li>The training view leaves the test customers out (the others are re-indexed from 0 in their order) with
 *       all their interactions; products keep their indices. For {@link Scenario#NEW_PRODUCT} it also hides every
 *       holding of the product and every interaction with it, of any kind, for every training customer.</li>
 *   <li>The test customers are the dataset's, with their holdings less the product
 *       ({@link Scenario#WARM}, {@link Scenario#NEW_PRODUCT}) or with no holdings ({@link Scenario#NEW_CUSTOMER});
 *       a customer whose holdings do not change is the dataset's own instance.</li>
 * </ul>
 *
 * <p>Immutable and thread-safe.
 */
public final class PropensityHoldout {

    private final int product;
    private final Dataset train;
    private final List<Customer> testCustomers;
    private final boolean[] labels;
    private final int positives;
    private final String description;

    /**
     * Holds out the test customers.
     *
     * @param data the whole dataset, not null
     * @param productId the product whose holders are the positives, not null
     * @param testShare share of the customers to hold out, in (0, 1)
     * @param seed the random seed that picks them
     * @param scenario what the training view and the test customers show, not null
     * @throws IllegalArgumentException if the dataset has no such product, the share is out of range, or the test
     *     customers do not include both a holder and a non-holder of the product
     */
    public PropensityHoldout(Dataset data, String productId, double testShare, long seed, Scenario scenario) {
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(scenario, "scenario");
        ColdStart.requireTestShare(testShare);
        product = data.productIndex(productId);
        if (product < 0) {
            throw new IllegalArgumentException("dataset " + data.name() + " has no product " + productId);
        }
        int[] test = ColdStart.sample(SortedIndices.range(data.customerCount()), testShare, seed);
        int[] hiddenProducts = scenario == Scenario.NEW_PRODUCT ? new int[] {product} : SortedIndices.EMPTY;
        train = ColdStart.leavingOut(data, data.name() + "-train", test, hiddenProducts);

        labels = new boolean[test.length];
        List<Customer> customers = new ArrayList<>(test.length);
        int holders = 0;
        for (int t = 0; t < test.length; t++) {
            labels[t] = SortedIndices.contains(data.holdings(test[t]), product);
            holders += labels[t] ? 1 : 0;
            customers.add(asTested(data.customer(test[t]), productId, scenario));
        }
        if (holders == 0 || holders == test.length) {
            throw new IllegalArgumentException("the " + test.length + " test customers of dataset " + data.name()
                    + " include " + holders + " holders of " + productId
                    + "; AUC needs both holders and non-holders (change testShare or seed)");
        }
        positives = holders;
        String scenarioName = scenario.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        description = "propensity of " + productId + " (" + scenarioName + ", test " + ColdStart.percent(testShare) + " of customers, seed " + seed + ")";
        testCustomers = Collections.unmodifiableList(customers);
    }

    private static Customer asTested(Customer customer, String productId, Scenario scenario) {
        if (scenario == Scenario.NEW_CUSTOMER) {
            return customer.holdings().isEmpty() ? customer : TrainingView.withHoldings(customer, Set.of());
        }
        if (!customer.holds(productId)) {
            return customer;
        }
        Set<String> holdings = new LinkedHashSet<>(customer.holdings());
        holdings.remove(productId);
        return TrainingView.withHoldings(customer, holdings);
    }

    /**
     * Returns the product's index, the same in the dataset and the training view.
     *
     * @return the product index
     */
    public int product() {
        return product;
    }

    /**
     * Returns the training view.
     *
     * @return the view
     */
    public Dataset train() {
        return train;
    }

    /**
     * Returns the test customers as the recommender sees them, in customer-index order.
     *
     * @return an unmodifiable list
     */
    public List<Customer> testCustomers() {
        return testCustomers;
    }

    /**
     * Returns a new array of the test customers' labels, in the order of {@link #testCustomers()}.
     *
     * @return whether each test customer held the product
     */
    public boolean[] labels() {
        return labels.clone();
    }

    /**
     * Returns how many test customers held the product.
     *
     * @return 1 or more
     */
    public int positives() {
        return positives;
    }

    /**
     * Returns a short description for reports.
     *
     * @return the description
     */
    public String description() {
        return description;
    }
}
