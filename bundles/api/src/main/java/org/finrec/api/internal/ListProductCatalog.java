package org.finrec.api.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.finrec.api.Product;
import org.finrec.api.ProductCatalog;

/** An immutable catalogue over a list, with a hash index from id to catalogue index. */
public final class ListProductCatalog implements ProductCatalog {

    private final List<Product> products;
    private final Map<String, Integer> indexById;

    /**
     * Copies the products.
     *
     * @param products products with distinct ids
     */
    public ListProductCatalog(Collection<Product> products) {
        this.products = List.copyOf(products);
        this.indexById = new HashMap<>(this.products.size() * 2);
        for (int i = 0; i < this.products.size(); i++) {
            if (indexById.putIfAbsent(this.products.get(i).id(), i) != null) {
                throw new IllegalArgumentException("duplicate product id in catalogue: " + this.products.get(i).id());
            }
        }
    }

    @Override
    public List<Product> products() {
        return products;
    }

    @Override
    public Optional<Product> product(String productId) {
        int index = indexOf(productId);
        return index < 0 ? Optional.empty() : Optional.of(products.get(index));
    }

    @Override
    public int indexOf(String productId) {
        return indexById.getOrDefault(productId, -1);
    }

    @Override
    public String toString() {
        return "ProductCatalog[" + products.size() + " products]";
    }
}
