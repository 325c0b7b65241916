package org.finrec.api;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.finrec.api.internal.ListProductCatalog;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The products a bank offers now, registered as an OSGi service by whoever owns the catalogue (a data bundle or
 * the host). The recommendation facade recommends only products of the catalogue.
 *
 * <p>Implementations are immutable snapshots and thread-safe; a changed catalogue is a new service or a new
 * snapshot, never a mutation visible to a request in flight.
 */
@ProviderType
public interface ProductCatalog {

    /**
     * Returns every product, in a stable order: a product's position in this list is its catalogue index.
     *
     * @return an unmodifiable list with constant-time {@code get}, never null
     */
    List<Product> products();

    /**
     * Looks up a product.
     *
     * @param productId a product identifier, not null
     * @return the product, or empty if the catalogue has no such product
     */
    Optional<Product> product(String productId);

    /**
     * Finds a product's position in {@link #products()}: the catalogue index by which the facade hands candidates
     * to recommenders ({@link org.finrec.api.spi.RequestScorer#score}).
     *
     * @param productId a product identifier, not null
     * @return {@code 0 .. products().size()-1}, or -1 if the catalogue has no such product
     */
    int indexOf(String productId);

    /**
     * Creates an immutable catalogue.
     *
     * @param products the products, with distinct identifiers
     * @return a catalogue that keeps the given order
     * @throws IllegalArgumentException if two products share an identifier
     */
    static ProductCatalog of(Collection<Product> products) {
        return new ListProductCatalog(products);
    }
}
