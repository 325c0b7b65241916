package org.finrec.eval.internal.split;

import java.util.LinkedHashSet;
import java.util.Set;
import org.finrec.api.Customer;
import org.finrec.api.InteractionKind;
import org.finrec.api.Product;
import org.finrec.api.data.Dataset;

/**
 * The training side of a split: a read-only {@link Dataset} over another one that hides some interactions and
 * replaces some customers' holdings, without copying customers, products or interaction columns.
 *
 * <p>Customers and products keep their indices. The view's interactions are a subsequence of the underlying
 * ones, re-indexed densely from 0 and still in time order. A customer whose holdings the view replaces is
 * returned by {@link #customer(int)} as a copy whose {@link Customer#holdings()} are exactly the view's holdings;
 * every other customer is the underlying one. Memory: one int per kept interaction (none when the view keeps a
 * prefix) and the replaced holdings.
 *
 * <p>Immutable and thread-safe.
 */
final class TrainingView implements Dataset {

    private final Dataset data;
    private final String name;
    private final int[][] replacedHoldings;
    private final int[] keptInteractions;
    private final int interactionCount;

    private TrainingView(Dataset data, String name, int[][] replacedHoldings, int[] keptInteractions,
            int interactionCount) {
        if (replacedHoldings.length != data.customerCount()) {
            throw new IllegalArgumentException("one holdings entry per customer expected");
        }
        this.data = data;
        this.name = name;
        this.replacedHoldings = replacedHoldings;
        this.keptInteractions = keptInteractions;
        this.interactionCount = interactionCount;
    }

    /**
     * Creates a view that keeps some interactions.
     *
     * @param data the underlying dataset
     * @param name the view's name
     * @param replacedHoldings per customer index, the holdings the view shows (strictly ascending product
     *     indices), or null to show the underlying ones; owned by the view from now on
     * @param keptInteractions the underlying interaction indices to keep, strictly ascending; owned by the view
     * @return the view
     */
    static TrainingView keeping(Dataset data, String name, int[][] replacedHoldings, int[] keptInteractions) {
        return new TrainingView(data, name, replacedHoldings, keptInteractions, keptInteractions.length);
    }

    /**
     * Creates a view that keeps the earliest interactions.
     *
     * @param data the underlying dataset
     * @param name the view's name
     * @param replacedHoldings as for {@link #keeping}
     * @param interactionCount how many of the earliest interactions to keep
     * @return the view
     */
    static TrainingView keepingFirst(Dataset data, String name, int[][] replacedHoldings, int interactionCount) {
        return new TrainingView(data, name, replacedHoldings, null, interactionCount);
    }

    private int underlying(int interactionIndex) {
        if (interactionIndex < 0 || interactionIndex >= interactionCount) {
            throw new IndexOutOfBoundsException("interaction " + interactionIndex + " of " + interactionCount);
        }
        return keptInteractions == null ? interactionIndex : keptInteractions[interactionIndex];
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int customerCount() {
        return data.customerCount();
    }

    @Override
    public Customer customer(int customerIndex) {
        Customer customer = data.customer(customerIndex);
        int[] holdings = replacedHoldings[customerIndex];
        if (holdings == null) {
            return customer;
        }
        Set<String> productIds = new LinkedHashSet<>();
        for (int product : holdings) {
            productIds.add(data.product(product).id());
        }
        return withHoldings(customer, productIds);
    }

    /**
     * Copies a customer with other holdings.
     *
     * @param customer the customer
     * @param productIds the holdings of the copy
     * @return the copy, equal to {@code customer} in everything but the holdings
     */
    static Customer withHoldings(Customer customer, Set<String> productIds) {
        return new Customer(customer.id(), customer.age(), customer.annualIncome(), customer.segment(),
                customer.riskTolerance(), customer.tenureMonths(), customer.preferredChannel(), productIds,
                customer.attributes());
    }

    @Override
    public int customerIndex(String customerId) {
        return data.customerIndex(customerId);
    }

    @Override
    public int productCount() {
        return data.productCount();
    }

    @Override
    public Product product(int productIndex) {
        return data.product(productIndex);
    }

    @Override
    public int productIndex(String productId) {
        return data.productIndex(productId);
    }

    @Override
    public int[] holdings(int customerIndex) {
        int[] holdings = replacedHoldings[customerIndex];
        return holdings == null ? data.holdings(customerIndex) : holdings.clone();
    }

    @Override
    public int interactionCount() {
        return interactionCount;
    }

    @Override
    public int interactionCustomer(int interactionIndex) {
        return data.interactionCustomer(underlying(interactionIndex));
    }

    @Override
    public int interactionProduct(int interactionIndex) {
        return data.interactionProduct(underlying(interactionIndex));
    }

    @Override
    public InteractionKind interactionKind(int interactionIndex) {
        return data.interactionKind(underlying(interactionIndex));
    }

    @Override
    public long interactionEpochMillis(int interactionIndex) {
        return data.interactionEpochMillis(underlying(interactionIndex));
    }

    @Override
    public double interactionWeight(int interactionIndex) {
        return data.interactionWeight(underlying(interactionIndex));
    }

    @Override
    public String toString() {
        return "Dataset[" + name + ": " + customerCount() + " customers, " + productCount() + " products, "
                + interactionCount + " interactions]";
    }
}
