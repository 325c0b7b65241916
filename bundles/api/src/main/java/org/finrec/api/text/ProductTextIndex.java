package org.finrec.api.text;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Searches the product catalogue by text. The index follows the registered catalogue: when it changes, a new index
 * is built in the background and replaces the old one atomically, so no search fails or sees half an index.
 *
 * <p>Implementations are thread-safe.
 */
@ProviderType
public interface ProductTextIndex {

    /**
     * Searches the catalogue.
     *
     * @param query the query, not null
     * @return at most {@code query.limit()} matches, best first; empty when nothing matches or the text is blank
     */
    List<ProductMatch> search(ProductQuery query);

    /**
     * Tells whether searches by meaning are available (a text encoder runs and the index holds its embeddings).
     *
     * @return {@code true} if {@link MatchMode#MEANING} matches anything
     */
    boolean understandsMeaning();

    /**
     * Returns how many products the current index holds.
     *
     * @return the number of indexed products
     */
    int size();
}
