package org.finrec.api.data;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Learns an immutable model from a dataset. A trainer holds its hyper-parameters; training never changes the
 * trainer or the dataset, so one trainer may train several models concurrently.
 *
 * @param <M> the type of model produced
 */
@ConsumerType
public interface Trainer<M extends Model> {

    /**
     * Trains a model.
     *
     * @param dataset the training data, not null
     * @param progress receives progress reports, not null (use {@link ProgressListener#NONE} to ignore them)
     * @return the trained model, never null
     * @throws IllegalArgumentException if the dataset cannot train this kind of model (for example it is empty)
     */
    M train(Dataset dataset, ProgressListener progress);
}
