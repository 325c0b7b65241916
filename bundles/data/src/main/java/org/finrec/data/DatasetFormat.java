package org.finrec.data;

/** The file formats Finrec reads. */
public enum DatasetFormat {
    /**
     * The Santander Product Recommendation (Kaggle 2016) {@code train_ver2.csv} layout: one row per customer and
     * month with demographics and 24 {@code ind_*_ult1} ownership flags. Monthly snapshots become holdings (as of the
     * last month) and derived {@code PURCHASE} (flag 0 to 1), {@code CLOSE} (1 to 0) and {@code HOLD} (first month
     * seen) interactions dated on the snapshot date.
     */
    SANTANDER,
    /**
     * One row per customer: feature columns, previous-month holding flags and the added product (a label index or
     * label flags). Column roles are configurable; the defaults read {@code santander-added-products}.
     */
    NEXT_PRODUCT,
    /**
     * Finrec's documented export format: a folder with {@code products.csv}, {@code customers.csv} and
     * {@code interactions.csv} (see the bundle's {@code GENERIC_CSV.md}). Holdings follow from the ownership
     * interactions.
     */
    GENERIC_CSV,
    /**
     * RecBole atomic files: a folder (or a path prefix) with {@code .inter}, optional {@code .user} and
     * {@code .item}; every interaction is a {@code PURCHASE} weighted by its rating.
     */
    RECBOLE,
    /**
     * One line per user: {@code user item1 item2 ...} in time order (the S3-Rec / ICLRec layout); every item is a
     * {@code PURCHASE} timed by its position in the line.
     */
    SEQUENCE,
    /**
     * MovieLens {@code u.data} (the file or its folder): user, item, rating, timestamp, tab-separated; every rating
     * is a {@code PURCHASE} weighted by the rating. Titles come from a sibling {@code u.item}, ages and
     * demographics from {@code u.user}.
     */
    MOVIELENS,
    /**
     * UCI Bank Marketing ({@code bank-additional-full.csv} or {@code bank-additional.csv}, {@code ;}-separated): one
     * customer {@code contact-<n>} per row (n: 1 for the first data row) with its {@code age} and the other
     * pre-call columns ({@code job} ... {@code nr.employed}) as attributes under their own names, values as in the
     * file. Products {@code housing-loan}, {@code personal-loan} and {@code term-deposit} are held when
     * {@code housing}, {@code loan} and {@code y} are {@code yes} ({@code no}, {@code unknown}: not held; these
     * columns are not attributes); each holding is a {@code HOLD} at 2010-11-30T00:00Z, the end of the data's last
     * month, in file order. {@code duration} is known only after the call, so it is checked and dropped.
     */
    BANK_MARKETING
}
