package org.finrec.data.internal.store;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.finrec.api.Customer;
import org.finrec.api.InteractionKind;
import org.finrec.api.Product;
import org.finrec.api.data.CustomerHistories;
import org.finrec.api.data.Dataset;

/**
 * The {@link Dataset} that every Finrec reader and the synthetic generator produce: customers stored column-wise
 * (see {@link CustomerColumns}) and turned into {@link Customer} records only on {@link #customer(int)}, holdings
 * as a compressed sparse row matrix, interactions as primitive columns in time order. Built by
 * {@link DatasetBuilder}. Immutable and thread-safe.
 *
 * <p>A million customers with a full profile and three open attributes, four holdings each, a thousand products and
 * 17 million interactions take about 470 MB of heap, 357 MB of it the interactions (21 bytes each); see
 * {@code DatasetBuilderBenchmark} in the tests. The {@link #customerHistories()} index, built on first use, adds
 * 4 bytes per interaction and 4 bytes per customer (72 MB there).
 */
public final class ColumnarDataset implements Dataset {

    private final String name;
    private final List<Product> products;
    private final StringIndex productIds;
    private final CustomerColumns customers;
    private final HoldingsMatrix holdings;
    private final InteractionColumns interactions;
    private final Supplier<CustomerHistories> customerHistories = CustomerHistories.builtOnFirstUse(this);

    ColumnarDataset(String name, List<Product> products, StringIndex productIds, CustomerColumns customers,
            HoldingsMatrix holdings, InteractionColumns interactions) {
        this.name = name;
        this.products = products;
        this.productIds = productIds;
        this.customers = customers;
        this.holdings = holdings;
        this.interactions = interactions;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int customerCount() {
        return customers.size();
    }

    /**
     * {@inheritDoc}
     *
     * <p>Materialises a new record from the columns on every call.
     */
    @Override
    public Customer customer(int customerIndex) {
        Objects.checkIndex(customerIndex, customers.size());
        int held = holdings.rowLength(customerIndex);
        String[] productIdsHeld = new String[held];
        for (int k = 0; k < held; k++) {
            productIdsHeld[k] = productIds.key(holdings.product(customerIndex, k));
        }
        return customers.materialise(customerIndex, List.of(productIdsHeld));
    }

    @Override
    public int customerIndex(String customerId) {
        return customers.indexOf(customerId);
    }

    @Override
    public int productCount() {
        return products.size();
    }

    @Override
    public Product product(int productIndex) {
        return products.get(productIndex);
    }

    @Override
    public int productIndex(String productId) {
        return productIds.indexOf(productId);
    }

    @Override
    public int[] holdings(int customerIndex) {
        Objects.checkIndex(customerIndex, customers.size());
        return holdings.row(customerIndex);
    }

    /**
     * Returns how many products a customer holds, without copying them.
     *
     * @param customerIndex a customer index
     * @return 0 or more
     */
    public int holdingCount(int customerIndex) {
        Objects.checkIndex(customerIndex, customers.size());
        return holdings.rowLength(customerIndex);
    }

    /**
     * {@inheritDoc}
     *
     * <p>The interaction accessors read primitive columns and allocate nothing; an index out of range throws
     * {@link ArrayIndexOutOfBoundsException}.
     */
    @Override
    public int interactionCount() {
        return interactions.size();
    }

    @Override
    public int interactionCustomer(int interactionIndex) {
        return interactions.customer(interactionIndex);
    }

    @Override
    public int interactionProduct(int interactionIndex) {
        return interactions.product(interactionIndex);
    }

    @Override
    public InteractionKind interactionKind(int interactionIndex) {
        return interactions.kind(interactionIndex);
    }

    @Override
    public long interactionEpochMillis(int interactionIndex) {
        return interactions.epochMillis(interactionIndex);
    }

    @Override
    public double interactionWeight(int interactionIndex) {
        return interactions.weight(interactionIndex);
    }

    /**
     * {@inheritDoc}
     *
     * <p>Built on the first call, once, and shared.
     */
    @Override
    public CustomerHistories customerHistories() {
        return customerHistories.get();
    }

    @Override
    public String toString() {
        return "Dataset[" + name + ": " + customers.size() + " customers, " + products.size() + " products, "
                + holdings.size() + " holdings, " + interactions.size() + " interactions]";
    }
}
