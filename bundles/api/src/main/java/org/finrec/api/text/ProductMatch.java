package org.finrec.api.text;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * A product that matched a {@link ProductQuery}.
 *
 * @param productId the product
 * @param score the score the results are ordered by (higher first); comparable only within one result list
 * @param keywordScore the BM25 score, when the product matched by keywords
 * @param meaningScore the cosine similarity of the embeddings, when the product matched by meaning
 */
public record ProductMatch(String productId, double score, OptionalDouble keywordScore, OptionalDouble meaningScore) {

    /**
     * Validates the components.
     *
     * @param productId the productId component
     * @param score the score component
     * @param keywordScore the keywordScore component
     * @param meaningScore the meaningScore component
     * @throws NullPointerException if a component is null
     */
    public ProductMatch {
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(keywordScore, "keywordScore");
        Objects.requireNonNull(meaningScore, "meaningScore");
    }
}
