package org.finrec.recommender.cf.internal;

import org.finrec.api.InteractionKind;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** The configuration of {@link ItemKnnRecommender}, factory PID {@value CfComponents#ITEM_KNN_PID}. */
@ObjectClassDefinition(name = "Finrec item-kNN recommender",
        description = "Item-based k nearest neighbours: what goes with what the customer has. Trained on a Dataset"
                + " service at activation or loaded from a model store by version")
@interface ItemKnnConfiguration {

    @AttributeDefinition(name = "Name", description = CfComponents.NAME)
    String finrec_recommender_name() default "item-knn";

    @AttributeDefinition(name = "Similarity", description = "COSINE, ADJUSTED_COSINE, PEARSON or EUCLIDEAN")
    Similarity similarity() default Similarity.COSINE;

    @AttributeDefinition(name = "Neighbours", description = CfComponents.NEIGHBOURS, min = "1", max = "10000")
    int neighbours() default 50;

    @AttributeDefinition(name = "Threads", description = CfComponents.THREADS, min = "1", max = "256")
    int threads() default 4;

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
