package org.finrec.eval.internal.split;

import java.util.ArrayList;
import java.util.List;
import org.finrec.api.Customer;
import org.finrec.api.data.Dataset;
import org.finrec.eval.EvaluationCase;
import org.finrec.eval.Split;
import org.finrec.eval.Splitter;

/**
 * Leave-one-out for sequences, as in the S3-Rec / ICLRec papers on {@code amazon-beauty}.
 *
 * <ul>
 *   <li>A customer's interactions are taken in the dataset's time order, whatever their kind; interactions with
 *       the same timestamp keep the dataset's order, so "last" means the highest interaction index.</li>
 *   <li>Customers with at least three interactions give their last one to a test case and their second-last one
 *       to a validation case; all their other interactions, and every interaction of customers with fewer than
 *       three, are training.</li>
 *   <li>The training view hides the held-out interactions, and the held-out products from those customers'
 *       holdings, so neither {@code holdings} nor {@code customer(i).holdings()} reveals them.</li>
 *   <li>Relevant = the held-out interaction's product. Excluded (never ranked) = every product the customer
 *       interacted with before the held-out interaction, plus the view's holdings: for the validation case the
 *       training interactions' products, for the test case also the validation product. This is S3-Rec's
 *       all-item protocol, where already-seen items are masked; as there, a product the customer returns to
 *       (its target also appears earlier) is excluded too, so that case cannot be a hit.</li>
 *   <li>Cases come in customer-index order; their customer is the view's.</li>
 * </ul>
 *
 * <p>Immutable and thread-safe.
 */
public final class LeaveOneOutSplitter implements Splitter {

    private static final String PROTOCOL = "leave-one-out";
    private static final int MINIMUM_INTERACTIONS = 3;

    /** Creates the splitter. */
    public LeaveOneOutSplitter() {
    }

    @Override
    public Split split(Dataset data) {
        CustomerTimelines timelines = CustomerTimelines.of(data);
        int customers = data.customerCount();
        boolean[] heldOut = new boolean[data.interactionCount()];
        int[][] trainHoldings = new int[customers][];
        int[][] trainProducts = new int[customers][];
        int heldOutCount = 0;
        for (int c = 0; c < customers; c++) {
            int length = timelines.length(c);
            if (length < MINIMUM_INTERACTIONS) {
                continue;
            }
            int validation = timelines.interaction(c, length - 2);
            int test = timelines.interaction(c, length - 1);
            heldOut[validation] = true;
            heldOut[test] = true;
            heldOutCount += 2;
            int[] products = new int[length - 2];
            for (int position = 0; position < products.length; position++) {
                products[position] = data.interactionProduct(timelines.interaction(c, position));
            }
            trainProducts[c] = SortedIndices.of(products, products.length);
            int[] holdings = data.holdings(c);
            int[] shown = SortedIndices.minus(holdings,
                    SortedIndices.of(new int[] {data.interactionProduct(validation), data.interactionProduct(test)}, 2));
            trainHoldings[c] = shown == holdings ? null : shown;
        }

        int[] kept = new int[data.interactionCount() - heldOutCount];
        int keptCount = 0;
        for (int i = 0; i < heldOut.length; i++) {
            if (!heldOut[i]) {
                kept[keptCount++] = i;
            }
        }
        TrainingView train = TrainingView.keeping(data, data.name() + "-train",
                trainHoldings, kept);

        List<EvaluationCase> validationCases = new ArrayList<>();
        List<EvaluationCase> testCases = new ArrayList<>();
        for (int c = 0; c < customers; c++) {
            if (trainProducts[c] == null) {
                continue;
            }
            int length = timelines.length(c);
            int validationProduct = data.interactionProduct(timelines.interaction(c, length - 2));
            int testProduct = data.interactionProduct(timelines.interaction(c, length - 1));
            int[] seen = SortedIndices.union(trainProducts[c], train.holdings(c));
            Customer customer = train.customer(c);
            validationCases.add(new EvaluationCase(customer, new int[] {validationProduct}, seen));
            testCases.add(new EvaluationCase(customer, new int[] {testProduct},
                    SortedIndices.union(seen, new int[] {validationProduct})));
        }
        return new Split(PROTOCOL, train, validationCases, testCases);
    }

    @Override
    public String toString() {
        return "LeaveOneOutSplitter";
    }
}
