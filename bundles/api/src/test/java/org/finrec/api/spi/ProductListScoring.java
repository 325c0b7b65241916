package org.finrec.api.spi;

import java.util.List;
import org.finrec.api.Product;
import org.finrec.api.ProductCatalog;
import org.finrec.api.recommend.Explanation;
import org.finrec.api.recommend.RecommendationRequest;

/**
 * Calls a {@link Recommender} the way unit tests think of it, with a list of products: the list becomes the
 * serving catalogue and every product in it a candidate. Shipped in the api's test JAR.
 */
public final class ProductListScoring {

    private ProductListScoring() {
    }

    /**
     * Scores products with one scorer.
     *
     * @param recommender the recommender
     * @param request the request
     * @param products distinct products, the catalogue in this order
     * @return one score per product, in order
     */
    public static double[] score(Recommender recommender, RecommendationRequest request, List<Product> products) {
        int[] all = new int[products.size()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        return recommender.scorer(request, ProductCatalog.of(products)).score(all);
    }

    /**
     * Explains one product's score, from a scorer that scored it alone in a catalogue of that product.
     *
     * @param recommender the recommender
     * @param request the request
     * @param product the product
     * @return the explanation
     */
    public static Explanation explain(Recommender recommender, RecommendationRequest request, Product product) {
        RequestScorer scorer = recommender.scorer(request, ProductCatalog.of(List.of(product)));
        scorer.score(new int[] {0});
        return scorer.explain(0);
    }
}
