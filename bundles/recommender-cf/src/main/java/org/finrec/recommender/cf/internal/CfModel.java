package org.finrec.recommender.cf.internal;

import java.util.List;
import org.finrec.api.data.Model;
import org.finrec.api.recommend.Reason;

/**
 * A trained collaborative-filtering model. Scores every product for a customer described by the products they
 * have (and, when the customer was in the training data, their training row), and explains a score with reasons
 * whose contributions add up to it. Immutable and thread-safe. Its algorithm's codec ({@link Algorithm#codec()})
 * saves every implementation with what it needs to score, so that the model it loads back scores and explains
 * bit-identically; its version is the content hash of that encoding
 * ({@link org.finrec.api.model.ContentVersion}).
 */
interface CfModel extends Model {

    /** The algorithm that built the model. */
    Algorithm algorithm();

    /** The training feedback the model was built from. */
    FeedbackMatrix matrix();

    /** Explains the scores of one customer from what scoring them found, without scoring again. */
    @FunctionalInterface
    interface Explainer {
        /**
         * Explains one product's score.
         *
         * @param item the product
         * @param score the score {@link #score} gave it
         * @return reasons, most important first, whose contributions add up to {@code score}
         */
        List<Reason> explain(int item, double score);
    }

    /**
     * Scores every product for one customer.
     *
     * @param knownUser the customer's index in the training data, or -1 for a customer the model has not seen
     * @param positiveItems the products the customer has now (ascending, distinct), which for a known customer
     *     include their training row; not modified, and kept by the returned explainer
     * @param scores receives one score per product (length {@code matrix().items()}); {@code NaN} where the model has
     *     no opinion
     * @return what explains these scores, from the work that computed them (neighbours, the folded-in vector)
     */
    Explainer score(int knownUser, int[] positiveItems, float[] scores);

    /**
     * Explains one product's score, scoring the customer first where the model needs that (tests and tools; serving
     * explains through the {@link Explainer} of its scoring pass).
     *
     * @param knownUser as for {@link #score}
     * @param positiveItems as for {@link #score}
     * @param item the product
     * @param score the score {@link #score} gave it
     * @return reasons, most important first, whose contributions add up to {@code score}
     */
    default List<Reason> explain(int knownUser, int[] positiveItems, int item, double score) {
        return score(knownUser, positiveItems, new float[matrix().items()]).explain(item, score);
    }
}
