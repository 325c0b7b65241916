package org.finrec.eval.internal.split;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.finrec.api.data.Dataset;
import org.finrec.eval.EvaluationCase;
import org.finrec.eval.Split;
import org.finrec.eval.Splitter;

/**
 * Random split of each customer's interactions into train, validation and test, with RecBole's conventions
 * ({@code RS: [0.8, 0.1, 0.1]}, {@code group_by: user}, {@code order: RO}, full ranking).
 *
 * <ul>
 *   <li>Copies: a customer's interactions with the same product and kind (a rating given twice, a product bought
 *       again) are one unit, always in one part, so that no copy of a validation or test answer is trained on;
 *       the shares and the shuffle below count units. Without copies a unit is one interaction.</li>
 *   <li>Shares: of a customer's {@code n} units, {@code floor(validationShare n)} go to validation and
 *       {@code floor(testShare n)} to test ({@code testShare = 1 - trainShare - validationShare}; products within
 *       1e-9 of a whole number count as that number, so 0.1 x 10 is 1), the rest to train. Then, as RecBole does,
 *       while training keeps more than one unit, test and then validation each get one unit if their share of
 *       {@code n} lies strictly between 0 and 1. Training always keeps at least one.</li>
 *   <li>Order: each customer's units (in the time order of their first interaction) are shuffled by Fisher-Yates
 *       with one {@link SplittableRandom} seeded with the seed, used for customers in index order; the first ones
 *       train, then validation, then test. The same seed and dataset always give the same split.</li>
 *   <li>The training view keeps the training interactions and shows each customer's holdings without the
 *       products of their validation and test interactions.</li>
 *   <li>Cases (customer-index order, the view's customer): relevant = the distinct products of the customer's
 *       validation (test) interactions; excluded = the products of all earlier parts (training for validation,
 *       training and validation for test) and the view's holdings, minus the relevant products. This is
 *       RecBole's {@code history = used_ids - positive_items}: already-seen products are not ranked, but a
 *       relevant product always is. Customers with no validation (test) interaction have no such case.</li>
 * </ul>
 *
 * <p>Immutable and thread-safe.
 */
public final class RandomPerUserSplitter implements Splitter {

    private static final byte TRAIN = 0;
    private static final byte VALIDATION = 1;
    private static final byte TEST = 2;
    private static final double WHOLE_NUMBER_TOLERANCE = 1e-9;

    private final double trainShare;
    private final double validationShare;
    private final double testShare;
    private final long seed;

    /**
     * Creates the splitter.
     *
     * @param trainShare share of each customer's interactions for training, in (0, 1)
     * @param validationShare share for validation, 0 or more, with {@code trainShare + validationShare <= 1}; the
     *     rest is test
     * @param seed the random seed
     * @throws IllegalArgumentException if a share is out of range
     */
    public RandomPerUserSplitter(double trainShare, double validationShare, long seed) {
        if (!(trainShare > 0 && trainShare < 1)) {
            throw new IllegalArgumentException("trainShare must be in (0, 1), got " + trainShare);
        }
        if (!(validationShare >= 0 && trainShare + validationShare <= 1)) {
            throw new IllegalArgumentException("validationShare must be >= 0 and at most 1 - trainShare, got "
                    + validationShare + " with trainShare " + trainShare);
        }
        this.trainShare = trainShare;
        this.validationShare = validationShare;
        this.testShare = Math.max(0, 1 - trainShare - validationShare);
        this.seed = seed;
    }

    @Override
    public Split split(Dataset data) {
        String protocol = String.format(Locale.ROOT, "random per user %.2f/%.2f/%.2f (seed %d)", trainShare,
                validationShare, testShare, seed);
        CustomerTimelines timelines = CustomerTimelines.of(data);
        int customers = data.customerCount();
        byte[] part = new byte[data.interactionCount()];
        SplittableRandom random = new SplittableRandom(seed);
        int trainCount = 0;
        for (int c = 0; c < customers; c++) {
            CopyGroups groups = CopyGroups.of(data, timelines, c);
            int[] shuffled = new int[groups.count()];
            for (int g = 0; g < shuffled.length; g++) {
                shuffled[g] = g;
            }
            shuffle(shuffled, random);
            int[] counts = partSizes(shuffled.length);
            byte[] groupPart = new byte[shuffled.length];
            for (int position = 0; position < shuffled.length; position++) {
                groupPart[shuffled[position]] = position < counts[TRAIN] ? TRAIN
                        : position < counts[TRAIN] + counts[VALIDATION] ? VALIDATION : TEST;
            }
            for (int position = 0; position < timelines.length(c); position++) {
                byte p = groupPart[groups.groupAt(position)];
                part[timelines.interaction(c, position)] = p;
                if (p == TRAIN) {
                    trainCount++;
                }
            }
        }

        int[] kept = new int[trainCount];
        int keptCount = 0;
        for (int i = 0; i < part.length; i++) {
            if (part[i] == TRAIN) {
                kept[keptCount++] = i;
            }
        }
        int[][] trainHoldings = new int[customers][];
        int[][][] productsByPart = new int[customers][][];
        for (int c = 0; c < customers; c++) {
            int[][] products = productsByPart(data, timelines, part, c);
            productsByPart[c] = products;
            int[] holdings = data.holdings(c);
            int[] shown = SortedIndices.minus(holdings, products[VALIDATION], products[TEST]);
            trainHoldings[c] = shown == holdings ? null : shown;
        }
        TrainingView train = TrainingView.keeping(data, data.name() + "-train",
                trainHoldings, kept);

        List<EvaluationCase> validationCases = new ArrayList<>();
        List<EvaluationCase> testCases = new ArrayList<>();
        for (int c = 0; c < customers; c++) {
            int[][] products = productsByPart[c];
            if (products[VALIDATION].length == 0 && products[TEST].length == 0) {
                continue;
            }
            int[] seenInTraining = SortedIndices.union(products[TRAIN], train.holdings(c));
            if (products[VALIDATION].length > 0) {
                validationCases.add(new EvaluationCase(train.customer(c), products[VALIDATION],
                        SortedIndices.minus(seenInTraining, products[VALIDATION])));
            }
            if (products[TEST].length > 0) {
                int[] seen = SortedIndices.union(seenInTraining, products[VALIDATION]);
                testCases.add(new EvaluationCase(train.customer(c), products[TEST],
                        SortedIndices.minus(seen, products[TEST])));
            }
        }
        return new Split(protocol, train, validationCases, testCases);
    }

    /** The distinct products of one customer's train, validation and test interactions, by part. */
    private static int[][] productsByPart(Dataset data, CustomerTimelines timelines, byte[] part, int customer) {
        int length = timelines.length(customer);
        int[][] products = new int[3][length];
        int[] sizes = new int[3];
        for (int position = 0; position < length; position++) {
            int interaction = timelines.interaction(customer, position);
            byte p = part[interaction];
            products[p][sizes[p]++] = data.interactionProduct(interaction);
        }
        for (int p = 0; p < 3; p++) {
            products[p] = SortedIndices.of(products[p], sizes[p]);
        }
        return products;
    }

    private static void shuffle(int[] values, SplittableRandom random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = values[i];
            values[i] = values[j];
            values[j] = t;
        }
    }

    /** RecBole's {@code _calcu_split_ids}: sizes of the train, validation and test parts of n interactions. */
    int[] partSizes(int n) {
        double expectedValidation = expected(validationShare, n);
        double expectedTest = expected(testShare, n);
        int[] sizes = new int[3];
        sizes[VALIDATION] = (int) Math.floor(expectedValidation);
        sizes[TEST] = (int) Math.floor(expectedTest);
        sizes[TRAIN] = n - sizes[VALIDATION] - sizes[TEST];
        if (sizes[TRAIN] > 1 && expectedTest > 0 && expectedTest < 1) {
            sizes[TEST]++;
            sizes[TRAIN]--;
        }
        if (sizes[TRAIN] > 1 && expectedValidation > 0 && expectedValidation < 1) {
            sizes[VALIDATION]++;
            sizes[TRAIN]--;
        }
        while (sizes[TRAIN] < 1 && n > 0) {
            int donor = sizes[TEST] > 0 ? TEST : VALIDATION;
            sizes[donor]--;
            sizes[TRAIN]++;
        }
        return sizes;
    }

    private static double expected(double share, int n) {
        double expected = share * n;
        double nearest = Math.rint(expected);
        return Math.abs(expected - nearest) < WHOLE_NUMBER_TOLERANCE ? nearest : expected;
    }

    @Override
    public String toString() {
        return "RandomPerUserSplitter[" + trainShare + "/" + validationShare + "/" + testShare + ", seed=" + seed + "]";
    }
}
