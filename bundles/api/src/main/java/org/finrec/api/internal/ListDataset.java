package org.finrec.api.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.finrec.api.Customer;
import org.finrec.api.Interaction;
import org.finrec.api.InteractionKind;
import org.finrec.api.Product;
import org.finrec.api.data.CustomerHistories;
import org.finrec.api.data.Dataset;

/**
 * An immutable in-memory dataset: customers and products in lists with hash indices, holdings as sorted index
 * arrays, interactions in time order as parallel primitive columns.
 */
public final class ListDataset implements Dataset {

    private static final InteractionKind[] KINDS = InteractionKind.values();

    private final String name;
    private final List<Customer> customers;
    private final List<Product> products;
    private final Map<String, Integer> customerIndex;
    private final Map<String, Integer> productIndex;
    private final int[][] holdings;
    private final int[] interactionCustomer;
    private final int[] interactionProduct;
    private final byte[] interactionKind;
    private final long[] interactionTime;
    private final double[] interactionWeight;
    private final Supplier<CustomerHistories> customerHistories = CustomerHistories.builtOnFirstUse(this);

    /**
     * Indexes the records.
     *
     * @param name dataset name
     * @param customers customers with distinct ids
     * @param products products with distinct ids
     * @param interactions interactions between them
     */
    public ListDataset(String name, Collection<Customer> customers, Collection<Product> products,
            Collection<Interaction> interactions) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("dataset name must not be blank");
        }
        this.name = name;
        this.customers = List.copyOf(customers);
        this.products = List.copyOf(products);
        this.customerIndex = index(this.customers, Customer::id, "customer");
        this.productIndex = index(this.products, Product::id, "product");

        holdings = new int[this.customers.size()][];
        for (int c = 0; c < holdings.length; c++) {
            Customer customer = this.customers.get(c);
            int[] held = new int[customer.holdings().size()];
            int i = 0;
            for (String productId : customer.holdings()) {
                held[i++] = requireIndex(productIndex, productId, "customer " + customer.id() + " holds unknown product");
            }
            Arrays.sort(held);
            holdings[c] = held;
        }

        List<Interaction> ordered = new ArrayList<>(interactions);
        ordered.sort(Comparator.comparing(Interaction::timestamp));
        int n = ordered.size();
        interactionCustomer = new int[n];
        interactionProduct = new int[n];
        interactionKind = new byte[n];
        interactionTime = new long[n];
        interactionWeight = new double[n];
        for (int i = 0; i < n; i++) {
            Interaction interaction = ordered.get(i);
            interactionCustomer[i] = requireIndex(customerIndex, interaction.customerId(),
                    "interaction " + i + " names unknown customer");
            interactionProduct[i] = requireIndex(productIndex, interaction.productId(),
                    "interaction " + i + " of customer " + interaction.customerId() + " names unknown product");
            interactionKind[i] = (byte) interaction.kind().ordinal();
            interactionTime[i] = interaction.timestamp().toEpochMilli();
            interactionWeight[i] = interaction.weight();
        }
    }

    private static <T> Map<String, Integer> index(List<T> records, Function<T, String> id,
            String what) {
        Map<String, Integer> index = new HashMap<>(records.size() * 2);
        for (int i = 0; i < records.size(); i++) {
            if (index.putIfAbsent(id.apply(records.get(i)), i) != null) {
                throw new IllegalArgumentException("duplicate " + what + " id in dataset: " + id.apply(records.get(i)));
            }
        }
        return index;
    }

    private static int requireIndex(Map<String, Integer> index, String id, String message) {
        Integer position = index.get(id);
        if (position == null) {
            throw new IllegalArgumentException(message + ": " + id);
        }
        return position;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int customerCount() {
        return customers.size();
    }

    @Override
    public Customer customer(int customerIndex) {
        return customers.get(customerIndex);
    }

    @Override
    public int customerIndex(String customerId) {
        return customerIndex.getOrDefault(customerId, -1);
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
        return productIndex.getOrDefault(productId, -1);
    }

    @Override
    public int[] holdings(int customerIndex) {
        return holdings[customerIndex].clone();
    }

    @Override
    public int interactionCount() {
        return interactionCustomer.length;
    }

    @Override
    public int interactionCustomer(int interactionIndex) {
        return interactionCustomer[interactionIndex];
    }

    @Override
    public int interactionProduct(int interactionIndex) {
        return interactionProduct[interactionIndex];
    }

    @Override
    public InteractionKind interactionKind(int interactionIndex) {
        return KINDS[interactionKind[interactionIndex]];
    }

    @Override
    public long interactionEpochMillis(int interactionIndex) {
        return interactionTime[interactionIndex];
    }

    @Override
    public double interactionWeight(int interactionIndex) {
        return interactionWeight[interactionIndex];
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
                + interactionCustomer.length + " interactions]";
    }
}
