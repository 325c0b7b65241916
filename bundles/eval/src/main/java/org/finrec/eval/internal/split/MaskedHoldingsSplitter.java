package org.finrec.eval.internal.split;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.finrec.api.data.Dataset;
import org.finrec.eval.EvaluationCase;
import org.finrec.eval.Split;
import org.finrec.eval.Splitter;

/**
 * The masked-holdings protocol for ownership snapshots: every customer who holds at least one product loses one
 * of them, and the recommender must name it.
 *
 * <ul>
 *   <li>The hidden product is {@code holdings[random.nextInt(holdings.length)]} over the customer's holdings in
 *       ascending product index, with one {@link SplittableRandom} seeded with the seed and drawn from once per
 *       holding customer in customer-index order; the same seed and dataset always hide the same products.</li>
 *   <li>The training view shows the holdings without the hidden product and drops the {@code PURCHASE} and
 *       {@code HOLD} interactions of that customer and product; its other interactions with the product (views,
 *       applications, a {@code CLOSE}) stay, as they would in a live system.</li>
 *   <li>Each holding customer is one test case: relevant = the hidden product, excluded = the remaining holdings,
 *       customer = as the view shows them. There are no validation cases; customers with no holdings have no
 *       case.</li>
 * </ul>
 *
 * <p>Immutable and thread-safe.
 */
public final class MaskedHoldingsSplitter implements Splitter {

    private final long seed;

    /**
     * Creates the splitter.
     *
     * @param seed the random seed that picks the hidden products
     */
    public MaskedHoldingsSplitter(long seed) {
        this.seed = seed;
    }

    @Override
    public Split split(Dataset data) {
        String protocol = "masked holdings (seed " + seed + ")";
        int customers = data.customerCount();
        int[] hidden = new int[customers];
        int[][] trainHoldings = new int[customers][];
        SplittableRandom random = new SplittableRandom(seed);
        for (int c = 0; c < customers; c++) {
            int[] holdings = data.holdings(c);
            if (holdings.length == 0) {
                hidden[c] = -1;
                continue;
            }
            int position = random.nextInt(holdings.length);
            hidden[c] = holdings[position];
            int[] remaining = new int[holdings.length - 1];
            System.arraycopy(holdings, 0, remaining, 0, position);
            System.arraycopy(holdings, position + 1, remaining, position, remaining.length - position);
            trainHoldings[c] = remaining;
        }

        int[] kept = TrainingView.interactionsWhere(data, i -> data.interactionProduct(i)
                != hidden[data.interactionCustomer(i)] || !data.interactionKind(i).isOwnership());
        TrainingView train = TrainingView.keeping(data, data.name() + "-train", trainHoldings, kept);

        List<EvaluationCase> test = new ArrayList<>();
        for (int c = 0; c < customers; c++) {
            if (hidden[c] >= 0) {
                test.add(new EvaluationCase(train.customer(c), new int[] {hidden[c]}, trainHoldings[c].clone()));
            }
        }
        return new Split(protocol, train, List.of(), test);
    }

    @Override
    public String toString() {
        return "MaskedHoldingsSplitter[seed=" + seed + "]";
    }
}
