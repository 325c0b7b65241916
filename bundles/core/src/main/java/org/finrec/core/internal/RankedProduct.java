package org.finrec.core.internal;

import java.util.List;
import org.finrec.api.Product;
import org.finrec.api.recommend.Reason;

/** One product a recommender placed in the top k, with its suitability-adjusted score and all reasons. */
record RankedProduct(Product product, double score, List<Reason> reasons, String recommender, String modelVersion,
        String recommenderBundle) {
}
