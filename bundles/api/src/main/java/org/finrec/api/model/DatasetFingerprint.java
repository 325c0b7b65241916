package org.finrec.api.model;

import org.finrec.api.data.Dataset;
import org.finrec.api.model.internal.DatasetDigest;

/**
 * The fingerprint of a dataset's content: a SHA-256 over every customer (id, typed profile, further attributes in
 * name order, holdings as product indices), every product (all its fields) and every interaction (customer and
 * product index, kind, time, weight), in index order, with counts and lengths in between so that no two different
 * datasets encode alike. The dataset's name is not part of it: the same data under another name has the same
 * fingerprint. Two datasets with equal fingerprints trained the same model with the same parameters give the same
 * model version.
 *
 * <p>Stateless and thread-safe.
 */
public final class DatasetFingerprint {

    private DatasetFingerprint() {
    }

    /**
     * Computes a dataset's fingerprint in one pass over it, through one small reusable buffer: besides what the
     * dataset's own accessors allocate, it allocates nothing per customer, product or interaction beyond sorting a
     * customer's attribute names.
     *
     * @param dataset the dataset, not null
     * @return 64 lowercase hex digits
     */
    public static String of(Dataset dataset) {
        return DatasetDigest.of(dataset);
    }
}
