package org.finrec.recommender.cf.internal;

import java.util.ArrayList;
import java.util.List;
import org.finrec.api.recommend.Reason;
import org.finrec.api.recommend.ReasonCodes;

/**
 * Turns the per-held-product parts of a matrix-factorisation score into reasons a bank can show: the products
 * the customer has that contribute most, by name, and one aggregate for the rest, so that the contributions add
 * up to the score.
 */
final class FactorReasons {

    /** Held products named one by one; the rest go into one aggregate reason. */
    static final int NAMED = 3;

    private FactorReasons() {
    }

    /**
     * The held products with the largest contributions, best first (at most {@code count}), by partial selection.
     *
     * @param contributions one per held product
     * @param count how many to select
     * @return positions into {@code contributions}
     */
    static int[] largest(double[] contributions, int count) {
        int size = Math.min(count, contributions.length);
        int[] best = new int[size];
        int filled = 0;
        for (int k = 0; k < contributions.length; k++) {
            double value = contributions[k];
            int position;
            if (filled < size) {
                position = filled++;
            } else if (size > 0 && value > contributions[best[size - 1]]) {
                position = size - 1;
            } else {
                continue;
            }
            while (position > 0 && value > contributions[best[position - 1]]) {
                best[position] = best[position - 1];
                position--;
            }
            best[position] = k;
        }
        return best;
    }

    /**
     * LATENT_FACTOR_MATCH reasons: one for each of the {@value #NAMED} held products that contribute most, and one
     * aggregate for the others that makes the reasons add up to {@code latentScore}.
     *
     * @param matrix the training feedback, which names the products
     * @param positiveItems the held products (product indices)
     * @param contributions the part of the score due to each held product, aligned with {@code positiveItems}
     * @param item the product explained
     * @param latentScore what the reasons must add up to
     * @return reasons, largest contribution first, the aggregate last
     */
    static List<Reason> perHeldProduct(FeedbackMatrix matrix, int[] positiveItems, double[] contributions, int item,
            double latentScore) {
        int[] top = largest(contributions, NAMED);
        List<Reason> reasons = new ArrayList<>(top.length + 1);
        double named = 0;
        for (int position : top) {
            reasons.add(new Reason(ReasonCodes.LATENT_FACTOR_MATCH, "Customers who have "
                    + matrix.itemName(positiveItems[position]) + " tend to have " + matrix.itemName(item) + ".",
                    contributions[position]));
            named += contributions[position];
        }
        int others = positiveItems.length - top.length;
        if (others > 0) {
            reasons.add(new Reason(ReasonCodes.LATENT_FACTOR_MATCH, "The customer's " + others + " other "
                    + (others == 1 ? "product points" : "products point") + " to " + matrix.itemName(item)
                    + " through the same latent factors.", latentScore - named));
        }
        return reasons;
    }
}
