package org.finrec.eval.internal.split;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.finrec.api.Customer;
import org.finrec.api.InteractionKind;
import org.finrec.api.data.Dataset;
import org.finrec.eval.EvaluationCase;
import org.finrec.eval.Split;
import org.finrec.eval.Splitter;

/**
 * Separate training and test datasets over the same products (for example {@code tr_sample_feature.csv} and
 * {@code val_sample_feature.csv} of {@code santander-added-products}).
 *
 * <ul>
 *   <li>The training dataset is the {@link #split} argument itself, unchanged.</li>
 *   <li>Products are matched by id: the test dataset's product indices are translated to the training dataset's.
 *       Every product a test customer with a purchase bought or holds must exist in the training dataset,
 *       otherwise the split fails with an {@link IllegalArgumentException} naming the unknown products.</li>
 *   <li>Each test customer with at least one {@code PURCHASE} is a test case, in the test dataset's customer
 *       order: relevant = the distinct purchased products; excluded = the customer's holdings in the test dataset
 *       except the relevant products; customer = the test dataset's customer. A test dataset whose holdings are
 *       "as of its end" may list the purchased products among the holdings: they are then removed from the case's
 *       customer and from the excluded products, so that the answer is neither revealed nor made unrankable.
 *       There are no validation cases.</li>
 * </ul>
 *
 * <p>Immutable and thread-safe.
 */
public final class TrainTestSplitter implements Splitter {

    private static final int UNKNOWN_PRODUCTS_NAMED = 20;

    private final Dataset test;

    /**
     * Creates the splitter.
     *
     * @param test the test dataset, not null
     */
    public TrainTestSplitter(Dataset test) {
        this.test = Objects.requireNonNull(test, "test");
    }

    @Override
    public Split split(Dataset train) {
        String protocol = "train/test (test: " + test.name() + ")";
        int[] toTrainIndex = new int[test.productCount()];
        for (int p = 0; p < toTrainIndex.length; p++) {
            toTrainIndex[p] = train.productIndex(test.product(p).id());
        }
        boolean[] unknownUsed = new boolean[test.productCount()];
        boolean anyUnknown = false;
        CustomerTimelines timelines = CustomerTimelines.of(test);
        List<EvaluationCase> cases = new ArrayList<>();
        for (int c = 0; c < test.customerCount(); c++) {
            int[] purchased = new int[timelines.length(c)];
            int count = 0;
            for (int position = 0; position < purchased.length; position++) {
                int interaction = timelines.interaction(c, position);
                if (test.interactionKind(interaction) == InteractionKind.PURCHASE) {
                    purchased[count++] = test.interactionProduct(interaction);
                }
            }
            if (count == 0) {
                continue;
            }
            int[] held = test.holdings(c);
            boolean unknown = translate(purchased, count, toTrainIndex, unknownUsed)
                    | translate(held, held.length, toTrainIndex, unknownUsed);
            anyUnknown |= unknown;
            if (!anyUnknown) {
                int[] relevant = SortedIndices.of(purchased, count);
                int[] excluded = SortedIndices.minus(SortedIndices.of(held, held.length), relevant);
                cases.add(new EvaluationCase(withoutAnswers(test.customer(c), relevant, train), relevant,
                        excluded));
            }
        }
        if (anyUnknown) {
            throw new IllegalArgumentException("test dataset " + test.name() + " uses products unknown to training "
                    + "dataset " + train.name() + ": " + named(unknownUsed));
        }
        return new Split(protocol, train, List.of(), cases);
    }

    /** Translates product indices in place; true if any was unknown (those are marked in {@code unknownUsed}). */
    private static boolean translate(int[] products, int count, int[] toTrainIndex, boolean[] unknownUsed) {
        boolean unknown = false;
        for (int i = 0; i < count; i++) {
            int testProduct = products[i];
            products[i] = toTrainIndex[testProduct];
            if (products[i] < 0) {
                unknownUsed[testProduct] = true;
                unknown = true;
            }
        }
        return unknown;
    }

    private String named(boolean[] unknownUsed) {
        List<String> ids = new ArrayList<>();
        int total = 0;
        for (int p = 0; p < unknownUsed.length; p++) {
            if (unknownUsed[p]) {
                if (total++ < UNKNOWN_PRODUCTS_NAMED) {
                    ids.add(test.product(p).id());
                }
            }
        }
        if (total > UNKNOWN_PRODUCTS_NAMED) {
            ids.add("and " + (total - UNKNOWN_PRODUCTS_NAMED) + " more");
        }
        return String.join(", ", ids);
    }

    /** The customer, or a copy whose holdings no longer list the relevant products. */
    private static Customer withoutAnswers(Customer customer, int[] relevant, Dataset train) {
        Set<String> holdings = new LinkedHashSet<>(customer.holdings());
        boolean changed = false;
        for (int product : relevant) {
            changed |= holdings.remove(train.product(product).id());
        }
        return changed ? TrainingView.withHoldings(customer, holdings) : customer;
    }

    @Override
    public String toString() {
        return "TrainTestSplitter[test=" + test.name() + "]";
    }
}
