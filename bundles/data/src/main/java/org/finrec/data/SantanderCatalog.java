package org.finrec.data;

import java.util.List;
import org.finrec.api.Product;
import org.finrec.data.internal.catalog.SantanderProducts;

/**
 * The 24 product types of the Santander data as Finrec products, in the order of the {@code ind_*_ult1} columns
 * (label index 0 to 23 in {@code santander-added-products}): names, categories, risk classes, terms, rates,
 * complexity, eligible ages and descriptions written by the Finrec team.
 */
public final class SantanderCatalog {

    private SantanderCatalog() {
    }

    /**
     * Returns the products in column order.
     *
     * @return an unmodifiable list of 24 products
     */
    public static List<Product> products() {
        return SantanderProducts.PRODUCTS;
    }

    /**
     * Returns the product of a Santander ownership column.
     *
     * @param column a column name such as {@code ind_cco_fin_ult1}
     * @return the product's index in {@link #products()}, or -1 for an unknown column
     */
    public static int indexOfColumn(String column) {
        return SantanderProducts.indexOfColumn(column);
    }
}
