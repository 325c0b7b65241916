package org.finrec.eval;

import java.time.Instant;
import java.util.Collection;
import org.finrec.api.data.Dataset;
import org.finrec.eval.internal.split.LeaveOneOutSplitter;
import org.finrec.eval.internal.split.MaskedHoldingsSplitter;
import org.finrec.eval.internal.split.NewCustomersSplitter;
import org.finrec.eval.internal.split.NewProductsSplitter;
import org.finrec.eval.internal.split.RandomPerUserSplitter;
import org.finrec.eval.internal.split.TemporalSplitter;
import org.finrec.eval.internal.split.TrainTestSplitter;

/**
 * Divides a dataset into what recommenders learn from and what they are judged on. Thread-safe.
 *
 * <p>Common to every splitter here: the training dataset is a read-only view over the input (same customer and
 * product indices, interactions a time-ordered subsequence re-indexed from 0) that never shows a held-out
 * product, neither in {@link Dataset#holdings(int)} nor in {@code customer(i).holdings()} nor in an ownership
 * interaction that reveals it; cases come in customer-index order and carry the customer as the view shows them;
 * relevant and excluded products are training-dataset indices in ascending order. The same arguments and data
 * always give the same split.
 */
@FunctionalInterface
public interface Splitter {

    /**
     * Splits a dataset.
     *
     * @param data the whole dataset
     * @return the split; its training dataset is a view over {@code data}, not a copy
     */
    Split split(Dataset data);

    /**
     * Hides one held product per customer (chosen with the seed) and asks for it back: the masked-holdings
     * protocol for ownership snapshots such as {@code santander-sample}. Every customer holding at least one
     * product is a test case: relevant = the hidden product, excluded = the remaining holdings. The view also drops
     * that customer's {@code PURCHASE} and {@code HOLD} interactions with the hidden product (other kinds stay).
     * No validation cases.
     *
     * @param seed random seed
     * @return the splitter
     */
    static Splitter maskedHoldings(long seed) {
        return new MaskedHoldingsSplitter(seed);
    }

    /**
     * Customer cold start: a share of the customers who hold at least one product (chosen with the seed) become
     * new customers, whom the view shows with their profile and nothing else: it hides all their holdings and
     * every interaction of theirs, whatever its kind. Every new customer is a test case: relevant = all the
     * products they held, excluded = none. Other customers are unchanged. No validation cases.
     *
     * @param testShare share of the customers with holdings that become new, in (0, 1); {@code round(testShare h)}
     *     of the {@code h} such customers, halves rounding up
     * @param seed random seed
     * @return the splitter
     * @throws IllegalArgumentException if {@code testShare} is not in (0, 1)
     */
    static Splitter newCustomers(double testShare, long seed) {
        return new NewCustomersSplitter(testShare, seed);
    }

    /**
     * Product cold start: the given products become new products, which stay in the view (same indices, so they
     * can be ranked) while the view hides every holding of them and every interaction with them, whatever its
     * kind, for every customer. Every customer who held at least one of them is a test case: relevant = those of
     * them the customer held, excluded = the customer's remaining holdings. An id the dataset does not know makes
     * {@link #split} throw an {@link IllegalArgumentException} naming it. No validation cases.
     *
     * @param productIds ids of the new products, at least one, not null; repeats count once
     * @return the splitter
     * @throws IllegalArgumentException if {@code productIds} is empty
     */
    static Splitter newProducts(Collection<String> productIds) {
        return new NewProductsSplitter(productIds);
    }

    /**
     * Leave-one-out for sequences: each customer's last interaction is the test case, the second-last the
     * validation case, the rest is training; customers with fewer than three interactions only train. Interactions
     * of every kind count; same-time interactions keep the dataset's order. As in S3-Rec, products the customer
     * already interacted with are not ranked: excluded = the products of the training interactions (and, for the
     * test case, the validation product) plus the view's holdings, even when that includes the target itself.
     *
     * @return the splitter
     */
    static Splitter leaveOneOut() {
        return new LeaveOneOutSplitter();
    }

    /**
     * Splits each customer's interactions at random into train, validation and test, as RecBole's {@code RS}
     * split grouped by user: {@code floor(share * n)} interactions each for validation and test, the rest train,
     * then one each for test and validation when their share of {@code n} is between 0 and 1 and training keeps
     * at least one. Relevant = the distinct products of the part's interactions; excluded = the products of the
     * earlier parts (training; for test also validation) and the view's holdings, minus the relevant ones
     * (RecBole's {@code used_ids - positive_items}).
     *
     * @param trainShare share of interactions for training, in (0, 1)
     * @param validationShare share for validation, 0 or more; the rest is test
     * @param seed random seed
     * @return the splitter
     */
    static Splitter randomPerUser(double trainShare, double validationShare, long seed) {
        return new RandomPerUserSplitter(trainShare, validationShare, seed);
    }

    /**
     * The Santander competition protocol: train on everything before {@code cutoff}; test on the products each
     * customer adds ({@code PURCHASE}) in {@code [cutoff, end)} and did not hold at the cutoff. Holdings at the
     * cutoff are replayed from the interactions ({@code HOLD}/{@code PURCHASE} own, {@code CLOSE} disowns; no event,
     * not held) and are the excluded products. No validation cases.
     *
     * @param cutoff first instant of the test period
     * @param end first instant after it
     * @return the splitter
     */
    static Splitter temporal(Instant cutoff, Instant end) {
        return new TemporalSplitter(cutoff, end);
    }

    /**
     * Trains on one dataset and tests on another with the same products (for example {@code tr} and {@code val}
     * of {@code santander-added-products}): each test customer's {@code PURCHASE}s are the relevant products and
     * their holdings are excluded (except purchased ones, which are also removed from the case's customer).
     * Products are matched by id; a purchased or held product unknown to the training dataset makes
     * {@link #split} throw an {@link IllegalArgumentException} naming it. No validation cases.
     *
     * @param test the test dataset
     * @return the splitter; its {@link #split} argument is the training dataset
     */
    static Splitter trainTest(Dataset test) {
        return new TrainTestSplitter(test);
    }
}
