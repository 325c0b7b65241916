package org.finrec.eval.internal.split;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.function.Supplier;
import org.finrec.api.Customer;
import org.finrec.api.InteractionKind;
import org.finrec.api.Product;
import org.finrec.api.data.CustomerHistories;
import org.finrec.api.data.Dataset;

/**
 * The training side of a split: a read-only {@link Dataset} over another one that hides some interactions,
 * replaces some customers' holdings and may leave out whole customers, without copying customers, products or
 * interaction columns.
 *
 * <p>Products keep their indices. Customers keep theirs too, unless the view keeps only some of them: then the
 * kept ones are re-indexed densely from 0 in their underlying order, {@link #customerIndex(String)} answers -1 for
 * a left-out customer, and every interaction of a left-out customer must be hidden. The view's interactions are a
 * subsequence of the underlying ones, re-indexed densely from 0 and still in time order. A customer whose
 * holdings the view replaces is returned by {@link #customer(int)} as a copy whose {@link Customer#holdings()}
 * are exactly the view's holdings; every other customer is the underlying one. Memory: one int per kept
 * interaction (none when the view keeps a prefix), the replaced holdings, and two ints per customer when the
 * view keeps only some; the {@link #customerHistories()} index, once asked for, 4 bytes per kept interaction and
 * per customer.
 *
 * <p>Immutable and thread-safe.
 */
final class TrainingView implements Dataset {

    private final Dataset data;
    private final String name;
    private final int[][] replacedHoldings;
    private final int[] keptInteractions;
    private final int interactionCount;
    /** Underlying index of each of the view's customers, or null when the view keeps them all. */
    private final int[] keptCustomers;
    /** The view's index of each underlying customer (-1 when left out), or null when the view keeps them all. */
    private final int[] viewCustomerIndex;
    private final Supplier<CustomerHistories> customerHistories = CustomerHistories.builtOnFirstUse(this);

    private TrainingView(Dataset data, String name, int[] keptCustomers, int[][] replacedHoldings,
            int[] keptInteractions, int interactionCount) {
        int customerCount = keptCustomers == null ? data.customerCount() : keptCustomers.length;
        if (replacedHoldings.length != customerCount) {
            throw new IllegalArgumentException("one holdings entry per customer expected");
        }
        this.data = data;
        this.name = name;
        this.replacedHoldings = replacedHoldings;
        this.keptInteractions = keptInteractions;
        this.interactionCount = interactionCount;
        this.keptCustomers = keptCustomers;
        this.viewCustomerIndex = keptCustomers == null ? null : inverse(keptCustomers, data.customerCount());
    }

    private static int[] inverse(int[] keptCustomers, int underlyingCount) {
        int[] inverse = new int[underlyingCount];
        Arrays.fill(inverse, -1);
        for (int c = 0; c < keptCustomers.length; c++) {
            inverse[keptCustomers[c]] = c;
        }
        return inverse;
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
        return new TrainingView(data, name, null, replacedHoldings, keptInteractions, keptInteractions.length);
    }

    /**
     * Creates a view that keeps some customers, re-indexed from 0, and some interactions.
     *
     * @param data the underlying dataset
     * @param name the view's name
     * @param keptCustomers the underlying customer indices to keep, strictly ascending; owned by the view
     * @param replacedHoldings per customer index of the view, as for {@link #keeping}
     * @param keptInteractions the underlying interaction indices to keep, strictly ascending, all of kept
     *     customers; owned by the view
     * @return the view
     * @throws IllegalArgumentException if a kept interaction is a left-out customer's
     */
    static TrainingView keepingCustomers(Dataset data, String name, int[] keptCustomers, int[][] replacedHoldings,
            int[] keptInteractions) {
        TrainingView view = new TrainingView(data, name, keptCustomers, replacedHoldings, keptInteractions,
                keptInteractions.length);
        for (int interaction : keptInteractions) {
            if (view.viewCustomerIndex[data.interactionCustomer(interaction)] < 0) {
                throw new IllegalArgumentException("interaction " + interaction + " belongs to a left-out customer");
            }
        }
        return view;
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
        return new TrainingView(data, name, null, replacedHoldings, null, interactionCount);
    }

    /**
     * Selects the interactions a view keeps.
     *
     * @param data the underlying dataset
     * @param keep tells, by underlying interaction index, whether to keep an interaction
     * @return the kept interaction indices, strictly ascending, for {@link #keeping} or {@link #keepingCustomers}
     */
    static int[] interactionsWhere(Dataset data, IntPredicate keep) {
        int[] kept = new int[data.interactionCount()];
        int keptCount = 0;
        for (int i = 0; i < kept.length; i++) {
            if (keep.test(i)) {
                kept[keptCount++] = i;
            }
        }
        return keptCount == kept.length ? kept : Arrays.copyOf(kept, keptCount);
    }

    private int underlyingCustomer(int customerIndex) {
        return keptCustomers == null ? customerIndex : keptCustomers[customerIndex];
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
        return replacedHoldings.length;
    }

    @Override
    public Customer customer(int customerIndex) {
        int[] holdings = replacedHoldings[customerIndex];
        Customer customer = data.customer(underlyingCustomer(customerIndex));
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
        int underlying = data.customerIndex(customerId);
        return viewCustomerIndex == null || underlying < 0 ? underlying : viewCustomerIndex[underlying];
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
        return holdings == null ? data.holdings(underlyingCustomer(customerIndex)) : holdings.clone();
    }

    @Override
    public int interactionCount() {
        return interactionCount;
    }

    @Override
    public int interactionCustomer(int interactionIndex) {
        int customer = data.interactionCustomer(underlying(interactionIndex));
        return viewCustomerIndex == null ? customer : viewCustomerIndex[customer];
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

    /** Built on the first call from the view's own interactions, once, and shared. */
    @Override
    public CustomerHistories customerHistories() {
        return customerHistories.get();
    }

    @Override
    public String toString() {
        return "Dataset[" + name + ": " + customerCount() + " customers, " + productCount() + " products, "
                + interactionCount + " interactions]";
    }
}
