package org.finrec.eval.internal.split;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.finrec.api.Customer;
import org.finrec.api.Interaction;
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
 *   <li>Customers with at least three distinct (product, kind) pairs give their last interaction to a test case
 *       and their last one of another (product, kind) to a validation case; all their other interactions, and
 *       every interaction of customers with fewer than three pairs, are training. Copies of a held-out interaction
 *       (the same product and kind earlier in the timeline, such as a rating given twice) are held out with it,
 *       so no copy of an answer is trained on.</li>
 *   <li>The training view hides the held-out interactions, and the held-out products from those customers'
 *       holdings, so neither {@code holdings} nor {@code customer(i).holdings()} reveals them.</li>
 *   <li>Relevant = the held-out interaction's product. Excluded (never ranked) = every product the customer
 *       interacted with before the held-out interaction, plus the view's holdings: for the validation case the
 *       training interactions' products, for the test case also the validation product. This is S3-Rec's
 *       all-item protocol, where already-seen items are masked; a product the customer met earlier with another
 *       kind (a view before the purchase) is excluded too, so that case cannot be a hit.</li>
 *   <li>A test case carries the validation interaction as its recent event: by the time of the test event it
 *       has happened, and S3-Rec's models read the sequence up to the validation item when they are tested. Without
 *       it, a sequence model would be asked two steps ahead.</li>
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
        int[] validationProducts = new int[customers];
        int[] validationInteractions = new int[customers];
        int[] testProducts = new int[customers];
        int heldOutCount = 0;
        for (int c = 0; c < customers; c++) {
            int length = timelines.length(c);
            if (length < MINIMUM_INTERACTIONS) {
                continue;
            }
            CopyGroups groups = CopyGroups.of(data, timelines, c);
            if (groups.count() < MINIMUM_INTERACTIONS) {
                continue;
            }
            int testGroup = groups.groupAt(length - 1);
            int validationPosition = length - 2;
            while (groups.groupAt(validationPosition) == testGroup) {
                validationPosition--;
            }
            int validationGroup = groups.groupAt(validationPosition);
            validationInteractions[c] = timelines.interaction(c, validationPosition);
            validationProducts[c] = data.interactionProduct(validationInteractions[c]);
            testProducts[c] = data.interactionProduct(timelines.interaction(c, length - 1));
            int[] products = new int[length];
            int trained = 0;
            for (int position = 0; position < length; position++) {
                int interaction = timelines.interaction(c, position);
                int group = groups.groupAt(position);
                if (group == testGroup || group == validationGroup) {
                    heldOut[interaction] = true;
                    heldOutCount++;
                } else {
                    products[trained++] = data.interactionProduct(interaction);
                }
            }
            trainProducts[c] = SortedIndices.of(products, trained);
            int[] holdings = data.holdings(c);
            int[] shown = SortedIndices.minus(holdings,
                    SortedIndices.of(new int[] {validationProducts[c], testProducts[c]}, 2));
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
            int validationProduct = validationProducts[c];
            int testProduct = testProducts[c];
            int[] seen = SortedIndices.union(trainProducts[c], train.holdings(c));
            Customer customer = train.customer(c);
            validationCases.add(new EvaluationCase(customer, new int[] {validationProduct}, seen));
            // at test time the validation event has happened: the customer's sequence ends with it
            int validation = validationInteractions[c];
            Interaction validationEvent = Interaction.of(customer.id(), data.product(validationProduct).id(),
                    data.interactionKind(validation), Instant.ofEpochMilli(data.interactionEpochMillis(validation)));
            testCases.add(new EvaluationCase(customer, new int[] {testProduct},
                    SortedIndices.union(seen, new int[] {validationProduct}), List.of(validationEvent)));
        }
        return new Split(PROTOCOL, train, validationCases, testCases);
    }

    @Override
    public String toString() {
        return "LeaveOneOutSplitter";
    }
}
