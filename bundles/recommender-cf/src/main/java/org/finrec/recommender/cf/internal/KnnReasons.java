package org.finrec.recommender.cf.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.finrec.api.recommend.Reason;

/**
 * Turns the contributions of a kNN score (one per neighbour that holds the product, or per held product similar
 * to it) into reasons: the {@link #INDIVIDUAL} largest one by one, the rest as one aggregate reason. The last
 * reason absorbs the rounding difference between the contributions (doubles) and the score (a float sum), so
 * the contributions add up to the score exactly (to double rounding).
 */
final class KnnReasons {

    /** How many contributions are explained one by one. */
    static final int INDIVIDUAL = 3;

    /** Words for one contribution or for the aggregate of the rest. */
    interface Wording {
        /** The sentence for contributor {@code id} with similarity {@code similarity}. */
        String individual(int id, double similarity);

        /** The sentence for {@code count} further contributors whose similarities add up to {@code sum}. */
        String aggregate(int count, double sum);
    }

    private KnnReasons() {
    }

    /**
     * Builds the reasons.
     *
     * @param code the reason code
     * @param ids contributors, largest contribution first
     * @param contributions their contributions, all positive
     * @param count how many of the arrays are used; 0 gives one reason with contribution 0 and {@code none}
     * @param score the score to account for
     * @param wording the sentences
     * @param none the sentence when nothing contributes
     * @return reasons, most important first, whose contributions add up to {@code score}
     */
    static List<Reason> of(String code, int[] ids, double[] contributions, int count, double score, Wording wording,
            String none) {
        if (count == 0) {
            return List.of(new Reason(code, none, 0.0));
        }
        int individual = Math.min(INDIVIDUAL, count);
        String[] messages = new String[individual + (count > individual ? 1 : 0)];
        double[] parts = new double[messages.length];
        for (int k = 0; k < individual; k++) {
            messages[k] = wording.individual(ids[k], contributions[k]);
            parts[k] = contributions[k];
        }
        if (count > individual) {
            double rest = 0;
            for (int k = individual; k < count; k++) {
                rest += contributions[k];
            }
            messages[individual] = wording.aggregate(count - individual, rest);
            parts[individual] = rest;
        }
        double total = 0;
        for (double part : parts) {
            total += part;
        }
        parts[parts.length - 1] += score - total;
        List<Reason> reasons = new ArrayList<>(parts.length);
        for (int k = 0; k < parts.length; k++) {
            reasons.add(new Reason(code, messages[k], parts[k]));
        }
        return List.copyOf(reasons);
    }

    /** A similarity for people: two decimals, or two significant digits below 0.01. */
    static String format(double similarity) {
        return Math.abs(similarity) >= 0.01 || similarity == 0 ? String.format(Locale.ROOT, "%.2f", similarity)
                : String.format(Locale.ROOT, "%.2g", similarity);
    }
}
