package org.finrec.api.spi;

import java.util.List;
import java.util.function.ToIntFunction;
import org.finrec.api.Product;
import org.finrec.api.ProductCatalog;

/**
 * A model's own product index for every product of a serving catalogue, worked out once per catalogue snapshot:
 * a recommender holds one per model and its scorers read {@code modelIndex[candidate]} instead of looking each
 * candidate's id up in a hash table on every request. Products the model never saw map to -1 (the scorer's "no
 * opinion").
 *
 * <p>The last catalogue seen is remembered by identity ({@link ProductCatalog} is an immutable snapshot), so a
 * steady catalogue costs one reference comparison per request; a new snapshot costs one lookup per product, once.
 * Thread-safe: concurrent first calls may both build the same map, and either result is correct.
 */
public final class CatalogueIndexMap {

    private final ToIntFunction<String> modelIndexOf;
    private volatile Mapping last;

    private record Mapping(ProductCatalog catalog, int[] modelIndices) {
    }

    /**
     * Creates the map of one model.
     *
     * @param modelIndexOf the model's index of a product id, or -1 for a product the model does not know; called
     *     once per product of each new catalogue, from any thread
     */
    public CatalogueIndexMap(ToIntFunction<String> modelIndexOf) {
        this.modelIndexOf = modelIndexOf;
    }

    /**
     * Returns the model's index of every product of a catalogue.
     *
     * @param catalog the catalogue, not null
     * @return by catalogue index, the model's index of the product or -1; shared, must not be modified
     */
    public int[] modelIndices(ProductCatalog catalog) {
        Mapping mapping = last;
        if (mapping != null && mapping.catalog() == catalog) {
            return mapping.modelIndices();
        }
        List<Product> products = catalog.products();
        int[] indices = new int[products.size()];
        for (int i = 0; i < indices.length; i++) {
            indices[i] = modelIndexOf.applyAsInt(products.get(i).id());
        }
        last = new Mapping(catalog, indices);
        return indices;
    }
}
