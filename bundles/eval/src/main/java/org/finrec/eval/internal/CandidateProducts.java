package org.finrec.eval.internal;

import java.util.AbstractList;
import java.util.Objects;
import java.util.RandomAccess;
import org.finrec.api.Product;

/**
 * The products one evaluation case ranks: every product of the training dataset except the case's excluded ones,
 * in ascending product index, as an unmodifiable list view. Nothing is copied per case: position {@code i} maps
 * to product index {@code i + |{m : excluded[m] - m <= i}|} (the sequence {@code excluded[m] - m} never
 * decreases), found by binary search in O(log |excluded|).
 */
final class CandidateProducts extends AbstractList<Product> implements RandomAccess {

    private final Product[] products;
    private final int[] excluded;

    /**
     * Creates the view.
     *
     * @param products every product by index; shared, not modified
     * @param excluded strictly ascending product indices within range; shared, not modified
     */
    CandidateProducts(Product[] products, int[] excluded) {
        this.products = products;
        this.excluded = excluded;
    }

    @Override
    public int size() {
        return products.length - excluded.length;
    }

    @Override
    public Product get(int position) {
        return products[productIndex(position)];
    }

    /**
     * Translates a position in this list to a product index.
     *
     * @param position {@code 0 .. size()-1}
     * @return the product index
     */
    int productIndex(int position) {
        Objects.checkIndex(position, size());
        int low = 0;
        int high = excluded.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (excluded[middle] - middle <= position) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return position + low;
    }
}
