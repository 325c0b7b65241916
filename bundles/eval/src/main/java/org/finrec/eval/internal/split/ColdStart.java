package org.finrec.eval.internal.split;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.SplittableRandom;
import org.finrec.api.data.Dataset;

/**
 * What the cold-start protocols share: a seeded choice of customers, and training views in which customers or
 * products look new.
 *
 * <ul>
 *   <li>A new customer is one the view knows by profile only: no holdings and no interaction of any kind.</li>
 *   <li>A new product stays in the view (same index, so it can be ranked), but no customer holds it or has any
 *       interaction with it.</li>
 *   <li>A left-out customer is not in the view at all: the others are re-indexed from 0 and none of the left-out
 *       customer's interactions remain.</li>
 * </ul>
 */
final class ColdStart {

    private ColdStart() {
    }

    /**
     * Checks a test share.
     *
     * @param testShare the share
     * @throws IllegalArgumentException unless it is in (0, 1)
     */
    static void requireTestShare(double testShare) {
        if (!(testShare > 0 && testShare < 1)) {
            throw new IllegalArgumentException("testShare must be in (0, 1), got " + testShare);
        }
    }

    /**
     * Formats a share as a percentage for protocol descriptions, such as {@code 20%} or {@code 12.5%}.
     *
     * @param share the share
     * @return the percentage, with at most two decimals
     */
    static String percent(double share) {
        return new DecimalFormat("0.##", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(share * 100) + "%";
    }

    /**
     * Chooses {@code round(share * population.length)} values (halves rounding up): a partial Fisher-Yates shuffle
     * of a copy of the population by one {@link SplittableRandom} seeded with the seed, position {@code i} swapped
     * with {@code i + nextInt(length - i)} for {@code i = 0 .. count-1}. The same arguments always give the same
     * choice.
     *
     * @param population distinct values; not modified
     * @param share the share to choose, in [0, 1]
     * @param seed the random seed
     * @return the chosen values, strictly ascending
     */
    static int[] sample(int[] population, double share, long seed) {
        int[] shuffled = population.clone();
        int count = (int) Math.round(share * shuffled.length);
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < count; i++) {
            int j = i + random.nextInt(shuffled.length - i);
            int chosen = shuffled[j];
            shuffled[j] = shuffled[i];
            shuffled[i] = chosen;
        }
        return SortedIndices.of(shuffled, count);
    }

    /**
     * Creates a view with the same customers and products in which some customers and some products are new.
     *
     * @param data the dataset
     * @param name the view's name
     * @param newCustomers customer indices, strictly ascending
     * @param newProducts product indices, strictly ascending
     * @return the view
     */
    static TrainingView hiding(Dataset data, String name, int[] newCustomers, int[] newProducts) {
        return view(data, name, newCustomers, newProducts, false);
    }

    /**
     * Creates a view that leaves some customers out and in which some products are new.
     *
     * @param data the dataset
     * @param name the view's name
     * @param leftOut customer indices, strictly ascending
     * @param newProducts product indices, strictly ascending
     * @return the view
     */
    static TrainingView leavingOut(Dataset data, String name, int[] leftOut, int[] newProducts) {
        return view(data, name, leftOut, newProducts, true);
    }

    private static TrainingView view(Dataset data, String name, int[] customers, int[] products, boolean leaveOut) {
        boolean[] customerHidden = members(customers, data.customerCount());
        boolean[] productHidden = members(products, data.productCount());
        int[] kept = TrainingView.interactionsWhere(data, i -> !customerHidden[data.interactionCustomer(i)]
                && !productHidden[data.interactionProduct(i)]);
        int[] shownCustomers = leaveOut
                ? SortedIndices.minus(SortedIndices.range(data.customerCount()), customers)
                : null;
        int[][] holdings = new int[leaveOut ? shownCustomers.length : data.customerCount()][];
        for (int c = 0; c < holdings.length; c++) {
            int underlying = leaveOut ? shownCustomers[c] : c;
            if (customerHidden[underlying]) {
                holdings[c] = SortedIndices.EMPTY;
            } else {
                int[] held = data.holdings(underlying);
                int[] shown = SortedIndices.minus(held, products);
                holdings[c] = shown == held ? null : shown;
            }
        }
        return leaveOut
                ? TrainingView.keepingCustomers(data, name, shownCustomers, holdings, kept)
                : TrainingView.keeping(data, name, holdings, kept);
    }

    private static boolean[] members(int[] indices, int count) {
        boolean[] members = new boolean[count];
        for (int index : indices) {
            members[index] = true;
        }
        return members;
    }
}
