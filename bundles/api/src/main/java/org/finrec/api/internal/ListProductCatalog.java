package org.finrec.api.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.finrec.api.Product;
import org.finrec.api.ProductCatalog;

/** An immutable catalogue over a list, with a hash index by id. */
public final class ListProductCatalog implements ProductCatalog {

    private final List<Product> products;
    private final Map<String, Product> byId;

    /**
     * Copies the products.
     *
     * @param products products with distinct ids
     */
    public ListProductCatalog(Collection<Product> products) {
        this.products = List.copyOf(products);
        this.byId = new HashMap<>(this.products.size() * 2);
        for (Product product : this.products) {
            if (byId.putIfAbsent(product.id(), product) != null) {
                throw new IllegalArgumentException("duplicate product id in catalogue: " + product.id());
            }
        }
    }

    @Override
    public List<Product> products() {
        return products;
    }

    @Override
    public Optional<Product> product(String productId) {
        return Optional.ofNullable(byId.get(productId));
    }

    @Override
    public String toString() {
        return "ProductCatalog[" + products.size() + " products]";
    }
}
