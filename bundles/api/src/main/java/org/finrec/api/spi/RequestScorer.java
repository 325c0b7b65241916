package org.finrec.api.spi;

import org.finrec.api.recommend.Explanation;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Scores and explains candidate products for one request, with one immutable model snapshot: what
 * {@link Recommender#scorer} returns. Everything the customer needs from the model (neighbours, a folded-in factor
 * vector, the profile's features) is worked out once, when the scorer is created or first scores, and
 * {@link #explain} reads the same work, so that its reasons account for exactly the score {@link #score} gave.
 *
 * <p>Products are addressed by catalogue index: position in the {@link org.finrec.api.ProductCatalog#products()}
 * of the catalogue the scorer was created for. A model trained on that catalogue looks a candidate up by index in
 * an array (see {@link CatalogueIndexMap}), never by product id.
 *
 * <p>Not thread-safe: one request, one thread. A scorer may be kept after the request ends (the facade's shadow
 * ranking does), and it keeps its model alive while it is referenced.
 */
@ConsumerType
public interface RequestScorer {

    /**
     * Returns the version of the model this scorer is bound to; the same for every call on this scorer.
     *
     * @return a non-blank version
     */
    String modelVersion();

    /**
     * Scores candidate products; higher is better. A product's score does not depend on the other candidates.
     *
     * @param candidates catalogue indices of the products to score, already free of held, excluded and unsuitable
     *     products; not null, not modified
     * @return a new array, one score per candidate in the candidates' order; {@link Double#NaN} where the model has
     *     no opinion (for example a product it has never seen), which the facade fills from its fallback
     * @throws IndexOutOfBoundsException if a candidate is not an index of the catalogue
     */
    double[] score(int[] candidates);

    /**
     * Explains the score of one product, from the work that scored it. The reasons' contributions add up to the
     * score {@link #score} gives the same product (to rounding).
     *
     * @param candidate the catalogue index of a product that {@link #score} gives a finite score
     * @return the explanation, never null
     * @throws IllegalArgumentException if the model has no opinion of the product
     */
    Explanation explain(int candidate);
}
