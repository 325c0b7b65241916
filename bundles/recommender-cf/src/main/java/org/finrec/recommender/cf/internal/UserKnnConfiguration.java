package org.finrec.recommender.cf.internal;

import org.finrec.api.InteractionKind;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** The configuration of {@link UserKnnRecommender}, factory PID {@value CfComponents#USER_KNN_PID}. */
@ObjectClassDefinition(name = "Finrec user-kNN recommender",
        description = "User-based k nearest neighbours: what similar customers have. Trained on a Dataset service at"
                + " activation or loaded from a model store by version")
@interface UserKnnConfiguration {

    @AttributeDefinition(name = "Name", description = CfComponents.NAME)
    String finrec_recommender_name() default "user-knn";

    @AttributeDefinition(name = "Similarity", description = "COSINE, PEARSON or EUCLIDEAN (ADJUSTED_COSINE is an"
            + " item-kNN measure and is refused)")
    Similarity similarity() default Similarity.COSINE;

    @AttributeDefinition(name = "Neighbours", description = CfComponents.NEIGHBOURS, min = "1", max = "10000")
    int neighbours() default 50;

    @AttributeDefinition(name = "Positive kinds", description = CfComponents.POSITIVE_KINDS)
    InteractionKind[] positive_kinds() default { InteractionKind.PURCHASE, InteractionKind.HOLD };

    @AttributeDefinition(name = "Dataset filter", description = CfComponents.DATASET_TARGET)
    String dataset_target() default "(objectClass=org.finrec.api.data.Dataset)";

    @AttributeDefinition(name = "Dataset required", description = CfComponents.DATASET_REQUIRED,
            options = {
                @Option(label = "required", value = "1"),
                @Option(label = "optional (loading a stored model only)", value = "0")
            })
    int dataset_cardinality_minimum() default 1;

    @AttributeDefinition(name = "Model store", description = CfComponents.MODEL_STORE)
    String model_store() default "";

    @AttributeDefinition(name = "Model version", description = CfComponents.MODEL_VERSION)
    String model_version() default "";
}
