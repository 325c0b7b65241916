package org.finrec.recommender.cf.internal;

import org.finrec.api.InteractionKind;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

@ObjectClassDefinition(
        name = "Finrec collaborative-filtering recommender",
        description = "User- or item-based kNN, implicit ALS or BPR, trained on a Dataset service at activation or"
                + " loaded from a model store by version")
@interface CfConfiguration {

    @AttributeDefinition(name = "Name", description = "The recommender's name (service property finrec.recommender.name)")
    String finrec_recommender_name() default "cf";

    @AttributeDefinition(name = "Algorithm")
    Algorithm algorithm() default Algorithm.USER_KNN;

    @AttributeDefinition(name = "Similarity",
            description = "kNN only; ADJUSTED_COSINE applies to item kNN (user kNN rejects it at activation)")
    Similarity similarity() default Similarity.COSINE;

    @AttributeDefinition(name = "Neighbours", description = "kNN neighbourhood size", min = "1")
    int neighbours() default 50;

    @AttributeDefinition(name = "Factors", description = "ALS and BPR latent factors", min = "1")
    int factors() default 50;

    @AttributeDefinition(name = "Iterations", description = "ALS alternating sweeps", min = "1")
    int iterations() default 15;

    @AttributeDefinition(name = "Regularisation",
            description = "L2 regularisation; ALS: lambda per positive entry (ridge lambda x |items of the customer|); "
                    + "BPR: weight decay; negative for the algorithm's default (ALS 0.15, BPR 0.02)")
    double regularization() default -1;

    @AttributeDefinition(name = "Alpha", description = "ALS confidence of a positive entry: c = 1 + alpha", min = "0")
    double alpha() default 1;

    @AttributeDefinition(name = "Learning rate",
            description = "BPR initial step, decaying linearly over the epochs")
    double learning_rate() default 0.1;

    @AttributeDefinition(name = "Epochs", description = "BPR passes over the positive entries", min = "1")
    int epochs() default 100;

    @AttributeDefinition(name = "Seed", description = "Random seed of ALS initialisation and BPR sampling")
    long seed() default 42;

    @AttributeDefinition(name = "Threads", description = "Training threads; 0 for one per core", min = "0")
    int threads() default 0;

    @AttributeDefinition(name = "Positive kinds",
            description = "Interaction kinds that count as positive feedback, besides holding a product")
    InteractionKind[] positive_kinds() default { InteractionKind.PURCHASE, InteractionKind.HOLD };

    @AttributeDefinition(name = "Dataset filter", description = "OSGi filter selecting the Dataset to train on")
    String dataset_target() default "(objectClass=org.finrec.api.data.Dataset)";

    @AttributeDefinition(name = "Dataset required",
            description = "1 (default): the recommender waits for a Dataset service, as training needs one. 0: it"
                    + " activates without one, for a configuration that loads a stored model (model.version set);"
                    + " a configuration with an empty model.version and no Dataset then fails to activate",
            options = {
                @Option(label = "required", value = "1"),
                @Option(label = "optional (loading a stored model only)", value = "0")
            })
    int dataset_cardinality_minimum() default 1;

    @AttributeDefinition(name = "Model store",
            description = "Folder of model files, <store>/<name>/<model version>.frmodel; empty for none. A"
                    + " model trained at activation is saved there with its lineage; model.version loads from there")
    String model_store() default "";

    @AttributeDefinition(name = "Model version",
            description = "Empty: train on the Dataset at activation (and save to the store, if any). A version"
                    + " (the model's SHA-256 content hash, 64 hex digits, or a unique prefix of at least 12 of them):"
                    + " load that file from the store instead of training. Changing it"
                    + " while active swaps the model atomically (rollback = an older version); a version that"
                    + " cannot be loaded is logged and the previous model keeps serving")
    String model_version() default "";
}
