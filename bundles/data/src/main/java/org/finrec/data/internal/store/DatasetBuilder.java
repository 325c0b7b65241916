package org.finrec.data.internal.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.finrec.api.Customer;
import org.finrec.api.InteractionKind;
import org.finrec.api.Product;

/**
 * Collects customers, products, holdings and interactions by dense index and builds an immutable
 * {@link ColumnarDataset}. Sized for a million customers, a thousand products and tens of millions of
 * interactions: everything goes into primitive columns as it arrives, and customers become {@link Customer}
 * records again only when a dataset user asks for one.
 *
 * <p>Products are usually fixed up front (indices follow the list order); readers that discover products while
 * streaming append them with {@link #addProduct(Product)}. Customer indices follow the order of
 * {@link #addCustomer(Customer)}. Interactions may arrive in any order; {@link #build()} sorts them by time, keeping
 * the order of equal timestamps.
 *
 * <p>Not thread-safe. A builder builds once.
 */
public final class DatasetBuilder {

    private static final int[] NO_HOLDINGS = new int[0];

    private final String name;
    private final List<Product> products = new ArrayList<>();
    private final StringIndex productIds = new StringIndex();
    private final CustomerColumns customers = new CustomerColumns(1024);
    private int[][] holdings = new int[1024][];
    private InteractionColumns interactions = new InteractionColumns(1024);
    private boolean built;
    private InteractionListener listener;

    /** Is told of every interaction a builder accepts, for example to find repeated ones while reading. */
    @FunctionalInterface
    public interface InteractionListener {

        /**
         * Called after an interaction was added.
         *
         * @param customerIndex its customer
         * @param productIndex its product
         * @param kind its kind
         */
        void added(int customerIndex, int productIndex, InteractionKind kind);
    }

    /**
     * Starts a dataset.
     *
     * @param name the dataset's name, not blank
     * @param products the products; their indices are their positions in this list
     * @throws IllegalArgumentException if the name is blank or two products share an id
     */
    public DatasetBuilder(String name, List<Product> products) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("dataset name must not be blank");
        }
        this.name = name;
        for (Product product : products) {
            addProduct(product);
        }
    }

    /**
     * Sets the listener told of every interaction added from now on (one at a time; null for none).
     *
     * @param listener the listener, or null
     * @return this builder
     */
    public DatasetBuilder listen(InteractionListener listener) {
        this.listener = listener;
        return this;
    }

    /**
     * Appends a product after those given to the constructor.
     *
     * @param product the product, not null
     * @return its index
     * @throws IllegalArgumentException if a product with the same id exists
     */
    public int addProduct(Product product) {
        requireNotBuilt();
        int index = productIds.add(product.id());
        if (index < 0) {
            throw new IllegalArgumentException("dataset " + name + ": duplicate product id " + product.id());
        }
        products.add(product);
        return index;
    }

    /**
     * Finds a product's index.
     *
     * @param productId a product id
     * @return its index, or -1 if absent
     */
    public int productIndex(String productId) {
        return productIds.indexOf(productId);
    }

    /**
     * Returns the number of products.
     *
     * @return 0 or more
     */
    public int productCount() {
        return products.size();
    }

    /**
     * Adds a customer.
     *
     * @param customer the customer; its {@link Customer#holdings()} must name products of this dataset
     * @return the customer's new dense index
     * @throws IllegalArgumentException if the id is taken, the income is beyond {@link Float#MAX_VALUE} or a holding
     *     names an unknown product (the message names the customer and the product); nothing is added then
     */
    public int addCustomer(Customer customer) {
        requireNotBuilt();
        int[] held = resolveHoldings(customer);
        int index = customers.add(customer);
        if (index < 0) {
            throw new IllegalArgumentException("dataset " + name + ": duplicate customer id " + customer.id());
        }
        if (index == holdings.length) {
            holdings = Arrays.copyOf(holdings, Growth.nextLength(index));
        }
        holdings[index] = held;
        return index;
    }

    /**
     * Replaces a customer's profile and holdings, for readers that learn a customer's latest state row by row.
     *
     * @param customerIndex the customer's index
     * @param customer the new record, with the same id; its holdings must name products of this dataset
     * @throws IllegalArgumentException if the id differs, the income is beyond {@link Float#MAX_VALUE} or a holding
     *     names an unknown product
     * @throws IndexOutOfBoundsException if the index is out of range
     */
    public void replaceCustomer(int customerIndex, Customer customer) {
        requireNotBuilt();
        Objects.checkIndex(customerIndex, customers.size());
        if (!customers.id(customerIndex).equals(customer.id())) {
            throw new IllegalArgumentException("dataset " + name + ": customer " + customerIndex + " is "
                    + customers.id(customerIndex) + ", not " + customer.id());
        }
        int[] held = resolveHoldings(customer);
        customers.set(customerIndex, customer);
        holdings[customerIndex] = held;
    }

    /**
     * Finds a customer's index.
     *
     * @param customerId a customer id
     * @return its index, or -1 if absent
     */
    public int customerIndex(String customerId) {
        return customers.indexOf(customerId);
    }

    /**
     * Returns the number of customers added.
     *
     * @return 0 or more
     */
    public int customerCount() {
        return customers.size();
    }

    /**
     * Adds an interaction.
     *
     * @param customerIndex a customer index
     * @param productIndex a product index
     * @param kind what happened, not null
     * @param epochMillis when, in milliseconds since the epoch
     * @param weight the strength of the signal, finite and 0 or more
     * @throws IndexOutOfBoundsException if an index is out of range
     * @throws IllegalArgumentException if the weight is negative or not finite
     */
    public void addInteraction(int customerIndex, int productIndex, InteractionKind kind, long epochMillis,
            float weight) {
        requireNotBuilt();
        Objects.checkIndex(customerIndex, customers.size());
        Objects.checkIndex(productIndex, products.size());
        Objects.requireNonNull(kind, "kind");
        if (!(weight >= 0) || Float.isInfinite(weight)) {
            throw new IllegalArgumentException("dataset " + name + ": interaction weight must be finite and >= 0, got "
                    + weight);
        }
        interactions.add(customerIndex, productIndex, kind, epochMillis, weight);
        if (listener != null) {
            listener.added(customerIndex, productIndex, kind);
        }
    }

    /**
     * Returns the number of interactions added.
     *
     * @return 0 or more
     */
    public int interactionCount() {
        return interactions.size();
    }

    /**
     * Replaces a customer's holdings.
     *
     * @param customerIndex the customer's index
     * @param productIndices product indices in any order; duplicates are dropped; the array is copied
     * @throws IndexOutOfBoundsException if an index is out of range
     */
    public void setHoldings(int customerIndex, int[] productIndices) {
        requireNotBuilt();
        Objects.checkIndex(customerIndex, customers.size());
        for (int product : productIndices) {
            Objects.checkIndex(product, products.size());
        }
        holdings[customerIndex] = sortedDistinct(productIndices.clone(), productIndices.length);
    }

    /**
     * Replaces every customer's holdings by what the interactions say: a customer holds a product when the latest
     * of its {@link InteractionKind#PURCHASE}, {@link InteractionKind#HOLD} and {@link InteractionKind#CLOSE}
     * interactions with it (by time, then by order added) is not a {@code CLOSE}.
     */
    public void deriveHoldingsFromOwnership() {
        requireNotBuilt();
        int customerCount = customers.size();
        int count = interactions.size();
        int[] order = interactions.timeOrder();
        // group the interaction positions by customer, keeping time order within each customer (counting sort)
        int[] starts = new int[customerCount + 1];
        for (int i = 0; i < count; i++) {
            starts[interactions.customer(i) + 1]++;
        }
        for (int c = 0; c < customerCount; c++) {
            starts[c + 1] += starts[c];
        }
        int[] next = Arrays.copyOf(starts, customerCount);
        int[] grouped = new int[count];
        for (int k = 0; k < count; k++) {
            int i = order == null ? k : order[k];
            grouped[next[interactions.customer(i)]++] = i;
        }
        boolean[] touched = new boolean[products.size()];
        boolean[] held = new boolean[products.size()];
        int[] touchedProducts = new int[products.size()];
        for (int c = 0; c < customerCount; c++) {
            int touchedCount = 0;
            for (int k = starts[c]; k < starts[c + 1]; k++) {
                int i = grouped[k];
                InteractionKind kind = interactions.kind(i);
                if (kind.isOwnership() || kind == InteractionKind.CLOSE) {
                    int product = interactions.product(i);
                    if (!touched[product]) {
                        touched[product] = true;
                        touchedProducts[touchedCount++] = product;
                    }
                    held[product] = kind != InteractionKind.CLOSE;
                }
            }
            int[] row = new int[touchedCount];
            int heldCount = 0;
            for (int t = 0; t < touchedCount; t++) {
                int product = touchedProducts[t];
                if (held[product]) {
                    row[heldCount++] = product;
                }
                touched[product] = false;
                held[product] = false;
            }
            holdings[c] = sortedDistinct(row, heldCount);
        }
    }

    /**
     * Builds the dataset: interactions sorted by time (stable), holdings packed as compressed sparse rows.
     *
     * @return the immutable dataset
     * @throws IllegalStateException if this builder has built already
     */
    public ColumnarDataset build() {
        requireNotBuilt();
        built = true;
        customers.trim();
        HoldingsMatrix holdingsMatrix = HoldingsMatrix.of(holdings, customers.size());
        InteractionColumns sorted = interactions.sortedByTime();
        holdings = null;
        interactions = sorted; // lets the growable columns go; the builder stays readable but unchangeable
        return new ColumnarDataset(name, List.copyOf(products), productIds.trim(), customers, holdingsMatrix,
                sorted);
    }

    private int[] resolveHoldings(Customer customer) {
        if (customer.holdings().isEmpty()) {
            return NO_HOLDINGS;
        }
        int[] held = new int[customer.holdings().size()];
        int count = 0;
        for (String productId : customer.holdings()) {
            int product = productIds.indexOf(productId);
            if (product < 0) {
                throw new IllegalArgumentException("dataset " + name + ": customer " + customer.id()
                        + " holds unknown product " + productId);
            }
            held[count++] = product;
        }
        return sortedDistinct(held, count);
    }

    private static int[] sortedDistinct(int[] values, int count) {
        if (count == 0) {
            return NO_HOLDINGS;
        }
        Arrays.sort(values, 0, count);
        int distinct = 1;
        for (int i = 1; i < count; i++) {
            if (values[i] != values[distinct - 1]) {
                values[distinct++] = values[i];
            }
        }
        return distinct == values.length ? values : Arrays.copyOf(values, distinct);
    }

    private void requireNotBuilt() {
        if (built) {
            throw new IllegalStateException("dataset " + name + " has been built already; start a new builder");
        }
    }

    /**
     * Tells what this builder holds, for logs.
     *
     * @return a short summary
     */
    @Override
    public String toString() {
        return "DatasetBuilder[" + name + ": " + customers.size() + " customers, " + products.size()
                + " products, " + interactions.size() + " interactions]";
    }
}
