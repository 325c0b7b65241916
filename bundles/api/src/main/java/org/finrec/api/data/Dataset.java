package org.finrec.api.data;

import java.util.Collection;
import org.finrec.api.Customer;
import org.finrec.api.Interaction;
import org.finrec.api.InteractionKind;
import org.finrec.api.Product;
import org.finrec.api.internal.ListDataset;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A read-only snapshot of customers, products and their interactions that trainers learn from, registered as an
 * OSGi service by whoever loads the data.
 *
 * <p>Customers and products are addressed by dense indices ({@code 0 .. count-1}) so that algorithms can use
 * primitive arrays; the id methods translate. Interactions are addressed by index too, in time order, with
 * column-style accessors so that a pass over millions of them allocates nothing.
 *
 * <p>A customer's interactions in time order, for sequential models, come from {@link #customerHistories()}.
 *
 * <p>Implementations are immutable and thread-safe.
 */
@ProviderType
public interface Dataset {

    /** Service property: the dataset's name (String), which trainers record in their models. */
    String NAME = "finrec.dataset.name";

    /**
     * Returns the dataset's name, which identifies the snapshot in model provenance (for example
     * "santander-2016-05").
     *
     * @return a non-blank name
     */
    String name();

    /**
     * Returns the number of customers.
     *
     * @return 0 or more
     */
    int customerCount();

    /**
     * Returns a customer by index.
     *
     * @param customerIndex {@code 0 .. customerCount()-1}
     * @return the customer, never null
     * @throws IndexOutOfBoundsException if the index is out of range
     */
    Customer customer(int customerIndex);

    /**
     * Finds a customer's index.
     *
     * @param customerId a customer identifier
     * @return the index, or -1 if the dataset has no such customer
     */
    int customerIndex(String customerId);

    /**
     * Returns the number of products.
     *
     * @return 0 or more
     */
    int productCount();

    /**
     * Returns a product by index.
     *
     * @param productIndex {@code 0 .. productCount()-1}
     * @return the product, never null
     * @throws IndexOutOfBoundsException if the index is out of range
     */
    Product product(int productIndex);

    /**
     * Finds a product's index.
     *
     * @param productId a product identifier
     * @return the index, or -1 if the dataset has no such product
     */
    int productIndex(String productId);

    /**
     * Returns the products a customer holds at the end of the dataset.
     *
     * @param customerIndex a customer index
     * @return a new array of product indices in ascending order
     */
    int[] holdings(int customerIndex);

    /**
     * Returns the number of interactions.
     *
     * @return 0 or more
     */
    int interactionCount();

    /**
     * Returns the customer index of an interaction.
     *
     * @param interactionIndex {@code 0 .. interactionCount()-1}, in time order
     * @return a customer index
     */
    int interactionCustomer(int interactionIndex);

    /**
     * Returns the product index of an interaction.
     *
     * @param interactionIndex an interaction index
     * @return a product index
     */
    int interactionProduct(int interactionIndex);

    /**
     * Returns the kind of an interaction.
     *
     * @param interactionIndex an interaction index
     * @return the kind, never null
     */
    InteractionKind interactionKind(int interactionIndex);

    /**
     * Returns the time of an interaction.
     *
     * @param interactionIndex an interaction index
     * @return milliseconds since the epoch
     */
    long interactionEpochMillis(int interactionIndex);

    /**
     * Returns the weight of an interaction.
     *
     * @param interactionIndex an interaction index
     * @return a finite weight, 0 or more
     */
    double interactionWeight(int interactionIndex);

    /**
     * Returns every customer's interactions in time order, the index that sequential models read histories from
     * (see {@link CustomerHistories}: 4 bytes per interaction and per customer).
     *
     * <p>Implementations build it once, on the first call, and return the same index to every caller afterwards
     * (a field holding {@link CustomerHistories#builtOnFirstUse(Dataset)} does that); the datasets Finrec makes
     * do. This default builds a new index on every call, O(interactions), which is correct but leaves caching to
     * the caller.
     *
     * @return the index, never null
     * @since 1.1
     */
    default CustomerHistories customerHistories() {
        return CustomerHistories.of(this);
    }

    /**
     * Creates an immutable in-memory dataset, suitable for small and medium data (hosts' own exports, tests,
     * demos). Holdings come from each customer's {@link Customer#holdings()}; interactions are sorted by time.
     *
     * @param name the dataset's name, not blank
     * @param customers the customers, with distinct identifiers
     * @param products the products, with distinct identifiers
     * @param interactions the interactions; each must name a customer and a product of the dataset
     * @return the dataset
     * @throws IllegalArgumentException if identifiers repeat or an interaction or holding names an unknown
     *     customer or product; the message names the offending record
     */
    static Dataset of(String name, Collection<Customer> customers, Collection<Product> products,
            Collection<Interaction> interactions) {
        return new ListDataset(name, customers, products, interactions);
    }
}
