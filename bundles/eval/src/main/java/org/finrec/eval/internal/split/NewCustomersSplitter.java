package org.finrec.eval.internal.split;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.finrec.api.data.Dataset;
import org.finrec.eval.EvaluationCase;
import org.finrec.eval.Split;
import org.finrec.eval.Splitter;

/**
 * The new-customers protocol (user cold start): some customers who hold products are shown to the recommender as
 * if they had just joined, and it must name what they hold.
 *
 * <ul>
 *   <li>The new customers are {@code round(testShare * h)} (halves rounding up) of the {@code h} customers who
 *       hold at least one product, chosen by a partial Fisher-Yates shuffle of their indices (ascending) with one
 *       {@link java.util.SplittableRandom} seeded with the seed; the same seed and dataset always choose the same
 *       customers.</li>
 *   <li>The training view shows them with no holdings, in {@code holdings(c)} and {@code customer(c).holdings()},
 *       and drops every interaction of theirs, whatever its kind; their profile attributes stay. Every other
 *       customer and interaction is unchanged.</li>
 *   <li>Each new customer is one test case, in customer-index order: relevant = every product they held,
 *       excluded = none, customer = as the view shows them. There are no validation cases.</li>
 * </ul>
 *
 * <p>Immutable and thread-safe.
 */
public final class NewCustomersSplitter implements Splitter {

    private final double testShare;
    private final long seed;

    /**
     * Creates the splitter.
     *
     * @param testShare share of the customers with holdings that become new, in (0, 1)
     * @param seed the random seed that picks them
     * @throws IllegalArgumentException if the share is out of range
     */
    public NewCustomersSplitter(double testShare, long seed) {
        ColdStart.requireTestShare(testShare);
        this.testShare = testShare;
        this.seed = seed;
    }

    @Override
    public Split split(Dataset data) {
        String protocol = "new customers " + ColdStart.percent(testShare) + " (seed " + seed + ")";
        int[] holders = new int[data.customerCount()];
        int holderCount = 0;
        for (int c = 0; c < holders.length; c++) {
            if (data.holdings(c).length > 0) {
                holders[holderCount++] = c;
            }
        }
        int[] newCustomers = ColdStart.sample(Arrays.copyOf(holders, holderCount), testShare, seed);
        TrainingView train = ColdStart.hiding(data, data.name() + "-train", newCustomers, SortedIndices.EMPTY);

        List<EvaluationCase> test = new ArrayList<>(newCustomers.length);
        for (int c : newCustomers) {
            test.add(new EvaluationCase(train.customer(c), data.holdings(c), SortedIndices.EMPTY));
        }
        return new Split(protocol, train, List.of(), test);
    }

    @Override
    public String toString() {
        return "NewCustomersSplitter[" + testShare + ", seed=" + seed + "]";
    }
}
