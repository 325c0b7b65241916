package org.finrec.recommender.cf.internal;

import java.util.List;

/**
 * The factory PIDs of the four collaborative-filtering components, and the descriptions of the properties that
 * their configurations share. Component property types are annotation types, which cannot inherit attributes,
 * and each factory PID's metatype comes from one of them, so each of the four configurations declares the shared
 * attributes ({@code finrec.recommender.name}, {@code positive.kinds}, {@code dataset.target},
 * {@code dataset.cardinality.minimum}, {@code model.store}, {@code model.version}) again, with these texts; what
 * they mean is implemented once, in {@link CfPropertyCheck} and {@link CfRecommender}.
 */
final class CfComponents {

    /** Factory PID of {@link UserKnnRecommender}. */
    static final String USER_KNN_PID = "org.finrec.recommender.cf.userknn";
    /** Factory PID of {@link ItemKnnRecommender}. */
    static final String ITEM_KNN_PID = "org.finrec.recommender.cf.itemknn";
    /** Factory PID of {@link AlsRecommender}. */
    static final String ALS_PID = "org.finrec.recommender.cf.als";
    /** Factory PID of {@link BprRecommender}. */
    static final String BPR_PID = "org.finrec.recommender.cf.bpr";
    /** All four, for messages. */
    static final List<String> PIDS = List.of(USER_KNN_PID, ITEM_KNN_PID, ALS_PID, BPR_PID);

    static final String NAME = "The recommender's name (service property finrec.recommender.name)";
    static final String POSITIVE_KINDS = "Interaction kinds that count as positive feedback, besides holding a"
            + " product (formerly also called adoption.kinds, which is refused)";
    static final String DATASET_TARGET = "OSGi filter selecting the Dataset to train on";
    static final String DATASET_REQUIRED = "1 (default): the recommender waits for a Dataset service, as training"
            + " needs one. 0: it activates without one, for a configuration that loads a stored model (model.version"
            + " set); a configuration with an empty model.version and no Dataset then fails to activate";
    static final String MODEL_STORE = "Folder of model files, <store>/<name>/<model version>.frmodel; empty for"
            + " none. A model trained at activation is saved there with its lineage; model.version loads from there";
    static final String MODEL_VERSION = "Empty: train on the Dataset at activation (and save to the store, if any)."
            + " A version (the model's SHA-256 content hash, 64 hex digits, or a unique prefix of at least 12 of"
            + " them): load that file from the store instead of training. Changing it while active swaps the model"
            + " atomically (rollback = an older version); a version that cannot be loaded is logged and the previous"
            + " model keeps serving";
    static final String NEIGHBOURS = "kNN neighbourhood size, 1..10000";
    static final String FACTORS = "Latent factors, 1..1024";
    static final String THREADS = "Training threads, 1..256 (they never change the model trained)";
    static final String SEED = "Random seed";

    static final int MAX_NEIGHBOURS = 10_000;
    static final int MAX_FACTORS = 1024;
    static final int MAX_THREADS = 256;

    private CfComponents() {
    }
}
